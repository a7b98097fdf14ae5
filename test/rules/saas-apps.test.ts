import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
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
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.category).toBe("secret");
      expect(r.regex).toBeDefined();
      expect(r.regex?.flags).not.toContain("g");
      expect(r.regex?.source).toContain("(?<secret>");
      expect(r.keywords.length).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(r.docs).toMatch(/^https:\/\//);
      expect(r.remediation?.length ?? 0).toBeGreaterThan(20);
      expect(samplesById.has(r.id)).toBe(true);
    }
  });
});

describe.each(rules.map((r) => [r.id, r] as const))("%s", (_id, r) => {
  const s = samplesById.get(r.id)!();
  const examples = r.examples();

  it("declares at least two true and two false positives", () => {
    expect(examples.truePositives.length).toBeGreaterThanOrEqual(2);
    expect(examples.falsePositives.length).toBeGreaterThanOrEqual(2);
    expect(examples.truePositives).toEqual(s.tp.map(([line]) => line));
  });

  it.each(s.tp.map(([line, secret]) => [line, secret] as const))("finds the value in %s", (line, secret) => {
    const lower = line.toLowerCase();
    expect(r.keywords.some((k) => lower.includes(k))).toBe(true);
    const matches = runRule(r, line);
    expect(matches.map((m) => m.secret)).toContain(secret);
    const m = matches.find((x) => x.secret === secret)!;
    expect(line.slice(m.index, m.index + secret.length)).toBe(secret);
    // A generated example is a real-looking value, not the provider's documented example.
    expect(m.category).toBeUndefined();
    if (r.validate) expect(m.validation?.status).not.toBe("failed");
    // The engine's central dummy detector must not take the generated value for a placeholder
    // (Dropbox long-lived tokens embed ten 'A's by design: see the report).
    if (r.id !== "dropbox-long-lived-token") expect(classifyPlaceholder(secret)).toEqual({ placeholder: false });
  });

  it.each(s.fp.map((line) => [line] as const))("reports nothing in %s", (line) => {
    expect(runRule(r, line)).toEqual([]);
  });

  it("runs in linear time on long adversarial lines", () => {
    const start = Date.now();
    for (const k of r.keywords) {
      const unit = k + "_api_key=\"" + "a1".repeat(20);
      runRule(r, unit.repeat(Math.ceil(100_000 / unit.length)));
      runRule(r, k + "a".repeat(100_000));
      runRule(r, (k + "=").repeat(Math.ceil(100_000 / (k.length + 1))));
      runRule(r, k + "0".repeat(100_000) + "-");
    }
    expect(Date.now() - start).toBeLessThan(1500);
  });
});

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
