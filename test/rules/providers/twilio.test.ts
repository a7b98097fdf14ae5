import { rules } from "../../../src/core/detect/rules/providers/twilio.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { secretsIn } = ruleFinder(rules);

describe("Twilio rules", () => {
  it("only takes Twilio SIDs in lower-case hex after SK", () => {
    const sid = "SK" + fake.hex(32, 18);
    expect(secretsIn("twilio-api-key", `key = '${sid}'`)).toEqual([sid]);
    expect(secretsIn("twilio-api-key", `key = '${sid.toUpperCase()}'`)).toEqual([]);
  });
});
