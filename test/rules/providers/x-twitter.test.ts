import { rules } from "../../../src/core/detect/rules/providers/x-twitter.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { classifyPlaceholder } from "../../../src/core/detect/placeholder.js";
import { ruleFinder } from "./find-rule.js";

const { byId } = ruleFinder(rules);

describe("X (Twitter) rules", () => {
  it("reads a Twitter bearer token without its leading run of A's", () => {
    const tail = "BX" + fake.alnum(30, 15) + "%2F" + fake.alnum(60, 16);
    const [m] = runRule(byId("twitter-bearer-token"), `BEARER=${"A".repeat(22)}${tail}`);
    expect(m?.secret).toBe("AA" + tail);
    expect(classifyPlaceholder(m?.secret ?? "").placeholder).toBe(false);
  });
});
