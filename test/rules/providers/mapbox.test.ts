import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import { fake, toBase64 } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/mapbox.js";

describe("Mapbox tokens", () => {
  it("carry base64 JSON claims", () => {
    const r = rules.find((x) => x.id === "mapbox-secret-token")!;
    const claims = toBase64(JSON.stringify({ u: "someone", a: fake.lowerDigits(25, "mb") }), true);
    expect(r.validate?.("sk." + claims + "." + fake.alnum(22, "mbsig")).status).toBe("confirmed");
    expect(r.validate?.("sk.eyJ" + fake.alnum(40, "mbx") + "." + fake.alnum(22, "mbsig")).status).toBe("failed");
  });
});

describe("generated examples", () => {
  it.each(["mapbox-secret-token", "mapbox-public-token"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
