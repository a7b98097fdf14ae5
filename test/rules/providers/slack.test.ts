import { rules } from "../../../src/core/detect/rules/providers/slack.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { secretsIn } = ruleFinder(rules);
const XOX = "xox";

describe("Slack rules", () => {
  it("tells Slack token kinds apart by prefix", () => {
    const bot = XOX + "b-" + fake.digits(12, 1) + "-" + fake.digits(13, 2) + "-" + fake.alnum(24, 3);
    expect(secretsIn("slack-bot-token", bot)).toEqual([bot]);
    expect(secretsIn("slack-user-token", bot)).toEqual([]);
    const legacyBot = XOX + "b-" + fake.digits(11, 4) + "-" + fake.alnum(24, 5);
    expect(secretsIn("slack-bot-token", `token: ${legacyBot}`)).toEqual([legacyBot]);
  });

  it("reports a webhook URL without its scheme, so http and https give one fingerprint", () => {
    const path = "hooks.slack" + ".com/services/T" + fake.upperDigits(8, 6) + "/B" + fake.upperDigits(9, 7) + "/" + fake.alnum(24, 8);
    expect(secretsIn("slack-webhook-url", `url = "https://${path}"`)).toEqual([path]);
    expect(secretsIn("slack-webhook-url", `url = "http://${path}"`)).toEqual([path]);
  });
});
