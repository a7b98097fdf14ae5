import { exampleSecrets, rules } from "../../src/core/detect/rules/providers/messaging.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { fake } from "../../src/core/detect/fake.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function secretsIn(id: string, text: string): string[] {
  return runRule(byId(id), text).map((m) => m.secret);
}

const XOX = "xox";

describe("messaging rules: contract", () => {
  it("has unique kebab-case ids, lower-case keywords, docs and remediation", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(rule.category).toBe("secret");
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      expect(rule.regex?.flags ?? "").not.toContain("g");
      expect(rule.docs).toMatch(/^https:\/\//);
      expect(rule.remediation?.length ?? 0).toBeGreaterThan(20);
    }
  });
});

describe.each(rules.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const { truePositives: declared, falsePositives } = rule.examples();
    const truePositives = declared.map(exampleLine);

  it("declares at least two true and two false positives", () => {
    expect(truePositives.length).toBeGreaterThanOrEqual(2);
    expect(falsePositives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(truePositives)("reports the credential in: %s", (line) => {
    expect(rule.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
    const found = runRule(rule, line).map((m) => m.secret);
    expect(found.some((s) => exampleSecrets(id).includes(s))).toBe(true);
  });

  it.each(falsePositives)("reports nothing in: %s", (line) => {
    expect(runRule(rule, line)).toEqual([]);
  });

  it("generates example values the engine does not take for placeholders", () => {
    for (const value of exampleSecrets(id)) expect(classifyPlaceholder(value)).toEqual({ placeholder: false });
  });
});

describe("messaging rules: edge cases", () => {
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

  it("needs context for a Discord bot token", () => {
    const token = "MT" + fake.base64url(24, 9) + "." + fake.base64url(6, 10) + "." + fake.base64url(38, 11);
    expect(secretsIn("discord-bot-token", `const x = "${token}";`)).toEqual([]);
    expect(secretsIn("discord-bot-token", `DISCORD_BOT_TOKEN="${token}"`)).toEqual([token]);
    expect(secretsIn("discord-bot-token", `await client.login('${token}');`)).toEqual([token]);
  });

  it("keeps the Mailgun API key and webhook signing key apart", () => {
    const key = fake.hex(32, 12) + "-" + fake.hex(8, 13) + "-" + fake.hex(8, 14);
    expect(secretsIn("mailgun-api-key", `MAILGUN_SIGNING_KEY=${key}`)).toEqual([]);
    expect(secretsIn("mailgun-webhook-signing-key", `MAILGUN_SIGNING_KEY=${key}`)).toEqual([key]);
    expect(secretsIn("mailgun-api-key", `MAILGUN_KEY=${key}`)).toEqual([key]);
  });

  it("reads a Twitter bearer token without its leading run of A's", () => {
    const tail = "BX" + fake.alnum(30, 15) + "%2F" + fake.alnum(60, 16);
    const [m] = runRule(byId("twitter-bearer-token"), `BEARER=${"A".repeat(22)}${tail}`);
    expect(m?.secret).toBe("AA" + tail);
    expect(classifyPlaceholder(m?.secret ?? "").placeholder).toBe(false);
  });

  it("ignores EAA runs inside base64 data", () => {
    const token = "EAAB" + fake.alnum(150, 17);
    expect(secretsIn("facebook-access-token", `data = "${token}"`)).toEqual([token]);
    expect(secretsIn("facebook-access-token", `data:image/png;base64,iVBOR/${token}+AAAA`)).toEqual([]);
  });

  it("only takes Twilio SIDs in lower-case hex after SK", () => {
    const sid = "SK" + fake.hex(32, 18);
    expect(secretsIn("twilio-api-key", `key = '${sid}'`)).toEqual([sid]);
    expect(secretsIn("twilio-api-key", `key = '${sid.toUpperCase()}'`)).toEqual([]);
  });
});
