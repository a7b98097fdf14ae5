/**
 * Providers' claims: a value under a provider's setting, or with its prefix, that only the name-based
 * or header rules find and that resembles the provider's format without having it, is reported as a
 * broken copy (a placeholder), not a secret. A value of another shape under the same name stays a secret.
 */
import { describe, expect, it } from "@jest/globals";
import { builtinRules } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { Claims } from "../../src/core/detect/claims.js";
import { fake } from "../../src/core/detect/fake.js";
import type { Rule } from "../../src/core/detect/rule.js";

const scanner = new Scanner(builtinRules);
const scan = (text: string, path = "settings.env") => scanner.scan({ path, text }).findings.map((f) => ({ rule: f.rule, category: f.category }));
/** Lower-case letters and digits, both present. */
const lowerDigits = (n: number, seed: string) => fake.lower(2, seed + "l") + fake.digits(2, seed + "d") + fake.lowerDigits(n - 4, seed);

describe("a provider's setting", () => {
  it("keeps a value of the provider's format as the provider's", () => {
    expect(scan(`LOKALISE_TOKEN=${lowerDigits(40, "lok-ok")}`)).toEqual([{ rule: "lokalise-token", category: "secret" }]);
  });

  it("takes a value one character off the format's length for a broken copy", () => {
    const found = scanner.scan({ path: "settings.env", text: `LOKALISE_TOKEN=${lowerDigits(39, "lok-short")}` }).findings;
    expect(found.map((f) => [f.rule, f.category])).toEqual([["generic-secret", "placeholder"]]);
    expect(found[0]?.message).toMatch(/Lokalise setting.*cut-short, mistyped or made-up copy/);
  });

  it("takes a value with a wrong letter in a hex format for a broken copy, in the word before the name too", () => {
    const hex = fake.hex(40, "wandb-typo");
    expect(scan(`WANDB_API_KEY=${hex.slice(0, 20)}g${hex.slice(21)}`)).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    const amplitude = fake.hex(32, "amp-typo");
    expect(scan(`Using amplitude Secret=${amplitude.slice(0, 9)}q${amplitude.slice(10)}`, "debug.txt")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });

  it("takes hex with letters of both cases for a broken copy, and hex in one case for the provider's", () => {
    const hex = fake.hex(40, "meraki-case");
    const mixed = hex.replace(/[a-f]/, (c) => c.toUpperCase());
    expect(mixed).not.toBe(hex);
    expect(scan(`meraki-api-key: ${mixed}`, "config.yml")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(scan(`meraki-api-key: ${hex.toUpperCase()}`, "config.yml")).toEqual([{ rule: "generic-secret", category: "secret" }]);
  });

  it("reads the provider's name in the words before the setting's, and a name run into the next word", () => {
    const key = fake.hex(128, "leankit-near");
    expect(scan(`planviewleankit token - '${key}0a'`, "notes.txt")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    const mobile = "AA" + fake.hex(38, "nrma-short") + "-NRMA";
    expect(scan(`new relic mobile app token = '${mobile}'`, "notes.txt")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });

  it("takes a Data Center token cut short or padded under a Jira setting for a broken copy, not a Cloud token", () => {
    const body = fake.base64(43, "jira-dc").replace(/[+/]/g, "A");
    expect(scan(`jira_token: A${body}`, "config.yml")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(scan(`jira_token: N${body}=`, "config.yml")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(scan(`jira_token: ${fake.alnum(30, "jira-other")}`, "config.yml")).toEqual([{ rule: "generic-secret", category: "secret" }]);
  });

  it("takes a one-character slip of the format of a provider named on the line above for a broken copy, nothing looser", () => {
    const key = lowerDigits(40, "lok-above");
    const above = (value: string) => scan(`[INFO] calling the Lokalise API\n[DEBUG] using API_KEY=${value}`, "debug.txt");
    expect(above(`${key.slice(0, 20)}_${key.slice(21)}`)).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(above(`${key}x`)).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(above(`${key.slice(0, 34)}`)).toEqual([{ rule: "generic-secret", category: "secret" }]);
    expect(above(`${key.slice(0, 20)}_-${key.slice(22)}`)).toEqual([{ rule: "generic-secret", category: "secret" }]);
    expect(scan(`[INFO] calling the API\n[DEBUG] using API_KEY=${key.slice(0, 20)}_${key.slice(21)}`, "debug.txt")).toEqual([{ rule: "generic-secret", category: "secret" }]);
  });

  it("leaves a value of another shape under the same name a secret: another credential of the provider", () => {
    expect(scan(`LOKALISE_TOKEN=${fake.alnum(14, "lok-other")}-${fake.alnum(6, "lok-other2")}`)).toEqual([{ rule: "generic-secret", category: "secret" }]);
    expect(scan(`WANDB_API_KEY=${fake.alnum(20, "wandb-other")}`)).toEqual([{ rule: "generic-secret", category: "secret" }]);
  });

  it("holds a format's whole structure where the alphabet and length say too little", () => {
    const id = fake.digits(8, "tg-id").replace(/^0/, "5");
    expect(scan(`TELEGRAM_BOT_TOKEN=${id}:AA${fake.alnum(33, "tg-ok")}`)).toEqual([{ rule: "telegram-bot-token", category: "secret" }]);
    expect(scan(`TELEGRAM_BOT_TOKEN=${id}:A${fake.lowerDigits(39, "tg-long")}`)).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });
});

describe("a provider's prefix", () => {
  it("takes a value that starts with it but has the wrong length for a broken copy, under any name", () => {
    expect(scan(`token = "spu-${fake.digits(4, "spu-short")}"`, "app.py")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(scan(`API_KEY=xai-${fake.alnum(41, "xai-short")}`)).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });

  it("keeps a value with the prefix and the format as the provider's", () => {
    expect(scan(`token = "spu-${lowerDigits(32, "spu-ok")}"`, "app.py")).toEqual([{ rule: "spectral-ops-token", category: "secret" }]);
  });

  it("keeps a whole token its rule leaves to the name-based rules (it wants context) a secret, and a cut one a copy", () => {
    const body = lowerDigits(40, "bkua-wide").replace(/[a-f]/g, "z");
    expect(scan(`buildkite_secret := "bkua_${body}"`, "main.go")).toEqual([{ rule: "generic-secret", category: "secret" }]);
    expect(scan(`buildkite_secret := "bkua_${body.slice(0, 30)}-${body.slice(30, 36)}"`, "main.go")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
    expect(scan(`client_secret: gloas-${fake.hex(32, "gloas-short")}`, "config.yml")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });

  it("reads the name a header value is assigned to", () => {
    const body = fake.alnum(21, "baremetrics-near");
    expect(scan(`baremetricsToken := "Bearer sk_${body.slice(0, 6)}_${body.slice(7)}"`, "main.go")).toEqual([{ rule: "authorization-bearer-token", category: "placeholder" }]);
    expect(scan(`baremetricsToken := "Bearer sk_${body}"`, "main.go")).toEqual([{ rule: "baremetrics-api-key", category: "secret" }]);
  });

  it("takes a Plaid access token's prefix before a body that is no UUID for a broken copy, a whole sandbox token for a secret", () => {
    expect(scan(`plaid_token = "access-sandbox-${fake.uuid("plaid-sb")}"`, "app.py")).toEqual([{ rule: "generic-secret", category: "secret" }]);
    expect(scan(`plaid_token = "access-sandbox-${fake.lowerDigits(8, "plaid-bad").replace(/[a-f]/g, "z")}-${fake.uuid("plaid-sb2").slice(9)}"`, "app.py")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });

  it("keeps the case of a body after a literal prefix", () => {
    expect(scan(`token = "spu-${fake.hexUpper(32, "spu-upper")}"`, "app.py")).toEqual([{ rule: "generic-secret", category: "placeholder" }]);
  });
});

describe("Claims", () => {
  const owner: Rule = { id: "acme-key", title: "Acme key", provider: "Acme", category: "secret", severity: "high", keywords: ["acme"], owns: { names: ["acme cloud"], prefixes: ["acm_"], shape: { chars: "0-9a-f", length: [32, 32] } }, examples: () => ({ truePositives: [], falsePositives: [] }) };
  const claims = new Claims([owner]);

  it("reads the provider's name in a setting's words, however the name is written", () => {
    const near = fake.hex(31, "acme-near");
    for (const setting of ["ACME_CLOUD_KEY", "acmeCloudToken", "acme-cloud.secret", "AcmeCloudApiKey"]) expect(claims.brokenCopyOf(near, setting)?.by).toBe("setting");
    expect(claims.brokenCopyOf(near, "ACME_KEY")).toBeUndefined();
    expect(claims.brokenCopyOf(near, "CLOUD_KEY")).toBeUndefined();
  });

  it("claims its prefix whatever the setting, and refuses a prefix too short to be distinctive", () => {
    expect(claims.brokenCopyOf(`acm_${fake.alnum(5, "acm")}`)?.by).toBe("prefix");
    expect(() => new Claims([{ ...owner, owns: { prefixes: ["a_"] } }])).toThrow(/3 characters/);
  });
});
