import { rules } from "../../../src/core/detect/rules/providers/meta.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { secretsIn } = ruleFinder(rules);

describe("Meta rules", () => {
  it("ignores EAA runs inside base64 data", () => {
    const token = "EAAB" + fake.alnum(150, 17);
    expect(secretsIn("facebook-access-token", `data = "${token}"`)).toEqual([token]);
    expect(secretsIn("facebook-access-token", `data:image/png;base64,iVBOR/${token}+AAAA`)).toEqual([]);
  });
});
