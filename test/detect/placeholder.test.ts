/** Dummy words inside provider formats: a label the user chose beside a generated body is not a dummy. */
import { describe, expect, it } from "@jest/globals";
import { fake } from "../../src/core/detect/fake.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";

describe("\"my key\" in a value", () => {
  it("is a placeholder when nothing generated follows", () => {
    expect(classifyPlaceholder("sk_pr_mykey_here").placeholder).toBe(true);
    expect(classifyPlaceholder("my-api-key").placeholder).toBe(true);
    expect(classifyPlaceholder(`the_token_${fake.lower(6, "ph-short")}`).placeholder).toBe(true);
  });

  it("is a key's label when a generated body of 32 or more characters stands beside it", () => {
    expect(classifyPlaceholder(`sk_pr_mykey_${fake.hex(40, "ph-body")}`).placeholder).toBe(false);
    expect(classifyPlaceholder(`sk_pr_mykey2_${fake.alnum(36, "ph-body2")}`).placeholder).toBe(false);
  });

  it("still marks a label beside a body with little variety", () => {
    expect(classifyPlaceholder(`sk_pr_mykey_${"ab12".repeat(10)}`).placeholder).toBe(true);
  });
});
