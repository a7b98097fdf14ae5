import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { describeRuleExamples, expectWellFormedRules } from "./saas-contract.js";
import { fake } from "../../src/core/detect/fake.js";
import { toBase64 } from "../../src/core/detect/rules/providers/saas-devops.js";
import { rules as devopsRules } from "../../src/core/detect/rules/providers/saas-devops.js";
import { rules, samplesById } from "../../src/core/detect/rules/providers/saas-apps.js";

function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function secretsOf(r: Rule, line: string): string[] {
  return runRule(r, line).map((m) => m.secret);
}

describe("saas-apps rules: contract", () => {
  it("has many distinct, well-formed rules", () => {
    expect(rules.length).toBeGreaterThanOrEqual(40);
    // Across the two SaaS files.
    expect(rules.length + devopsRules.length).toBeGreaterThanOrEqual(60);
    // No id is shared with the devops file.
    const devopsIds = new Set(devopsRules.map((r) => r.id));
    expect(rules.filter((r) => devopsIds.has(r.id))).toEqual([]);
    expectWellFormedRules(rules, samplesById);
  });
});

describeRuleExamples(rules, samplesById);

describe("structure validators", () => {
  it("Mapbox tokens carry base64 JSON claims", () => {
    const r = rule("mapbox-secret-token");
    const claims = toBase64(JSON.stringify({ u: "someone", a: fake.lowerDigits(25, "mb") }), true);
    expect(r.validate?.("sk." + claims + "." + fake.alnum(22, "mbsig")).status).toBe("confirmed");
    expect(r.validate?.("sk.eyJ" + fake.alnum(40, "mbx") + "." + fake.alnum(22, "mbsig")).status).toBe("failed");
  });
});

describe("edge cases", () => {
  it("ClickUp's pk_ does not catch Stripe publishable keys", () => {
    const r = rule("clickup-personal-token");
    expect(secretsOf(r, "const stripe = Stripe('pk_" + "live_" + fake.alnum(24, "s") + "')")).toEqual([]);
  });

  it("Lob needs `lob` as its own word in the name", () => {
    const r = rule("lob-live-api-key");
    const key = "live_" + fake.hex(35, "lob-edge");
    expect(secretsOf(r, `GLOBAL_API_KEY=${key}`)).toEqual([]);
    expect(secretsOf(r, `lobApiKey: "${key}"`)).toEqual([key]);
  });

  it("Box needs a box_ prefixed secret name (not sandbox or inbox)", () => {
    const r = rule("box-api-credential");
    const value = fake.alnum(30, "box-edge") + "12";
    expect(secretsOf(r, `INBOX_ACCESS_TOKEN=${value}`)).toEqual([]);
    expect(secretsOf(r, `BOX_ACCESS_TOKEN=${value}`)).toEqual([value]);
  });

  it("HubSpot private app tokens in every region", () => {
    const r = rule("hubspot-private-app-token");
    for (const region of ["na1", "na2", "eu1", "ap1"]) {
      const t = `pat-${region}-` + fake.uuid(region);
      expect(secretsOf(r, `token = "${t}"`)).toEqual([t]);
    }
  });

  it("Salesforce session ids need the org id and the '!' separator", () => {
    const r = rule("salesforce-access-token");
    const session = "00D" + fake.alnum(15, "sfe") + "!" + fake.alnum(100, "sfe2");
    expect(secretsOf(r, `Authorization: Bearer ${session}`)).toEqual([session]);
    expect(secretsOf(r, `Authorization: Bearer ${session.replace("!", "_")}`)).toEqual([]);
  });

  it("Notion's legacy secret_ needs a Notion context", () => {
    const r = rule("notion-integration-token-legacy");
    const t = "secret_" + fake.alnum(43, "notion-edge");
    expect(secretsOf(r, `API_SECRET=${t}`)).toEqual([]);
    expect(secretsOf(r, `NOTION_SECRET=${t}`)).toEqual([t]);
  });
});
