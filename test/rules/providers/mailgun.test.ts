import { rules } from "../../../src/core/detect/rules/providers/mailgun.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { secretsIn } = ruleFinder(rules);

describe("Mailgun rules", () => {
  it("keeps the Mailgun API key and webhook signing key apart", () => {
    const key = fake.hex(32, 12) + "-" + fake.hex(8, 13) + "-" + fake.hex(8, 14);
    expect(secretsIn("mailgun-api-key", `MAILGUN_SIGNING_KEY=${key}`)).toEqual([]);
    expect(secretsIn("mailgun-webhook-signing-key", `MAILGUN_SIGNING_KEY=${key}`)).toEqual([key]);
    expect(secretsIn("mailgun-api-key", `MAILGUN_KEY=${key}`)).toEqual([key]);
  });
});
