import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import { fake, toBase64 } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/elastic.js";

describe("Elastic API keys", () => {
  it("decode to id:key", () => {
    const r = rules.find((x) => x.id === "elastic-api-key")!;
    expect(r.validate?.(toBase64(fake.alnum(20, "e1") + ":" + fake.alnum(22, "e2"))).status).toBe("confirmed");
    expect(r.validate?.(toBase64(fake.alnum(45, "e3"))).status).toBe("failed");
  });
});

describe("generated examples", () => {
  it.each(["elastic-api-key"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
