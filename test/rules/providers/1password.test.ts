import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/1password.js";

const serviceAccount = rules.find((r) => r.id === "onepassword-service-account-token")!;

describe("1Password service account tokens", () => {
  it("each generated example carries embedded JSON credentials", () => {
    const statuses = exampleValidations(serviceAccount);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });

  it("a body that is not base64 JSON fails the check", () => {
    expect(serviceAccount.validate?.("ops_eyJ" + fake.alnum(300, "ops-bogus")).status).toBe("failed");
  });
});
