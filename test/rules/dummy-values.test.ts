import { Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { fake } from "../../src/core/detect/fake.js";

const scanner = new Scanner(builtinRules);
const scan = (text: string) => scanner.scan({ path: "README.md", text }).findings.map((f) => [f.rule, f.category] as const);

describe("a provider's prefix with a dummy body", () => {
  it.each([
    ["SLACK_BOT_TOKEN=xoxb-your-bot-token", "slack-bot-token"],
    ["SLACK_BOT_TOKEN=xoxb-" + "X".repeat(12) + "-" + "X".repeat(13) + "-" + "X".repeat(24), "slack-bot-token"],
    ["ANTHROPIC_API_KEY=sk-ant-api03-your-key-here", "anthropic-api-key"],
    ["OPENAI_API_KEY=sk-proj-<your-key>", "openai-project-key"],
    ["GITHUB_TOKEN=ghp_<your-token>", "github-pat-classic"],
    ["STRIPE_SECRET_KEY=sk_live_YOUR_SECRET_KEY", "stripe-secret-key"],
    ["GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx", "gitlab-pat"],
    ["LINEAR_API_KEY=lin_api_${LINEAR_KEY}", "linear-api-key"],
  ])("is a placeholder named with the provider's rule: %s", (line, rule) => {
    expect(scan(line)).toContainEqual([rule, "placeholder"]);
    expect(scan(line).filter(([, category]) => category === "secret")).toEqual([]);
  });

  it("leaves real-looking values to the provider rules, as secrets", () => {
    const token = "xoxb-" + fake.digits(12, "dv-1").replace(/^0/, "1") + "-" + fake.digits(13, "dv-2").replace(/^0/, "1") + "-" + fake.alnum(24, "dv-3");
    expect(scan(`SLACK_BOT_TOKEN=${token}`)).toEqual([["slack-bot-token", "secret"]]);
  });

  it("reports nothing for a bare prefix or prose", () => {
    expect(scan("const prefix = 'xoxb-';")).toEqual([]);
    expect(scan("Tokens start with ghp_ and are 40 characters long.")).toEqual([]);
  });
});
