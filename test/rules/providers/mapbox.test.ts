import { describe, expect, it } from "@jest/globals";
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
