import { exampleSecrets, rules } from "../../src/core/detect/rules/providers/cloud.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { fake } from "../../src/core/detect/fake.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function secretsIn(id: string, text: string): string[] {
  return runRule(byId(id), text).map((m) => m.secret);
}

describe("cloud rules: contract", () => {
  it("has unique kebab-case ids, lower-case keywords, docs and remediation", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(rule.category).toBe("secret");
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      expect(rule.regex?.flags ?? "").not.toContain("g");
      expect(rule.docs).toMatch(/^https:\/\//);
      expect(rule.remediation?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it("keeps the rule id the JSON report documents", () => {
    expect(ids()).toContain("aws-access-key-id");
  });
});

function ids(): string[] {
  return rules.map((r) => r.id);
}

describe.each(rules.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const { truePositives: declared, falsePositives } = rule.examples();
    const truePositives = declared.map(exampleLine);

  it("declares at least two true and two false positives", () => {
    expect(truePositives.length).toBeGreaterThanOrEqual(2);
    expect(falsePositives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(truePositives)("reports the credential in: %s", (line) => {
    // The engine only runs the rule on lines holding one of its keywords.
    expect(rule.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
    const found = runRule(rule, line).map((m) => m.secret);
    expect(found.some((s) => exampleSecrets(id).includes(s))).toBe(true);
  });

  it.each(falsePositives)("reports nothing in: %s", (line) => {
    expect(runRule(rule, line)).toEqual([]);
  });

  it("stays fast on a long adversarial line", () => {
    const seed = rule.keywords[0] ?? "x";
    const line = (seed + "=" + "A1b2+/".repeat(40) + " ").repeat(300);
    const start = Date.now();
    runRule(rule, line);
    expect(Date.now() - start).toBeLessThan(500);
  });
});

describe("cloud rules: edge cases", () => {
  it("classifies AWS's documented example keys as placeholders", () => {
    const [match] = runRule(byId("aws-access-key-id"), "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE");
    expect(match?.category).toBe("placeholder");
    const [secret] = runRule(byId("aws-secret-access-key"), "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY");
    expect(secret?.category).toBe("placeholder");
  });

  it("classifies the Azurite and Cosmos DB emulator keys as placeholders", () => {
    const azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2" + "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    const [m] = runRule(byId("azure-storage-account-key"), `AccountName=devstoreaccount1;AccountKey=${azurite};`);
    expect(m?.category).toBe("placeholder");
    const emulator = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuV" + "TqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    const [c] = runRule(byId("azure-cosmosdb-key"), `COSMOS_KEY=${emulator}`);
    expect(c?.category).toBe("placeholder");
  });

  it("matches every documented AWS key-id prefix and nothing else", () => {
    for (const prefix of ["AKIA", "ASIA", "ABIA", "ACCA", "A3TX"]) {
      const id = prefix + "QWERTYUI234567AB";
      expect(secretsIn("aws-access-key-id", `key = "${id}"`)).toEqual([id]);
    }
    expect(secretsIn("aws-access-key-id", 'key = "AIDA' + 'QWERTYUI234567AB"')).toEqual([]);
  });

  it("reports the value, not the name, and every key on a line", () => {
    const a = "AKIA" + "QWERTYUI234567AB";
    const b = "ASIA" + "ZXCVBNMA234567CD";
    expect(secretsIn("aws-access-key-id", `${a},${b}`)).toEqual([a, b]);
    const [m] = runRule(byId("aws-secret-access-key"), `aws_secret_access_key=${fake.base64(40, 7)}`);
    expect(m?.index).toBe("aws_secret_access_key=".length);
  });

  it("leaves Cosmos DB identifiable keys to the Cosmos rule even after AccountKey=", () => {
    const cosmos = fake.base64(76, "c") + "ACDb" + fake.base64(5, "d") + "A==";
    const line = `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${cosmos};`;
    expect(secretsIn("azure-storage-account-key", line)).toEqual([]);
    expect(secretsIn("azure-cosmosdb-key", line)).toEqual([cosmos]);
  });

  it("does not read SharedAccessKeyName as a key", () => {
    const key = fake.base64(43, "sb") + "=";
    expect(secretsIn("azure-shared-access-key", `SharedAccessKeyName=${key};`)).toEqual([]);
    expect(secretsIn("azure-shared-access-key", `SharedAccessKeyName=x;SharedAccessKey=${key}`)).toEqual([key]);
  });

  it("needs the signed version before the signature of a SAS", () => {
    const sig = fake.base64(43, "sig") + "=";
    expect(secretsIn("azure-sas-token", `?sr=b&sig=${sig}&sv=2022-11-02`)).toEqual([]);
    expect(secretsIn("azure-sas-token", `?sv=2022-11-02&sr=b&sig=${sig}`)).toEqual([sig]);
  });

  it("tells the AWS and IBM HMAC secrets apart by length and alphabet", () => {
    const hmac = fake.hex(48, "hmac");
    expect(secretsIn("ibm-cos-hmac-secret", `secret_access_key = ${hmac}`)).toEqual([hmac]);
    expect(secretsIn("aws-secret-access-key", `secret_access_key = ${hmac}`)).toEqual([]);
  });

  it("requires the STS header for a generically named session token", () => {
    const body = fake.base64(200, "sts");
    expect(secretsIn("aws-session-token", `sessionToken = "${body}"`)).toEqual([]);
    expect(secretsIn("aws-session-token", `AWS_SESSION_TOKEN=${body}`)).toEqual([body]);
  });
});
