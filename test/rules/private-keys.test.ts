import { generateKeyPairSync } from "node:crypto";
import { exampleKeys, rules } from "../../src/core/detect/rules/private-keys.js";
import { findPemPrivateKeys } from "../../src/core/detect/validate/pem.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { Scanner } from "../../src/core/detect/engine.js";
import type { RawMatch, Rule } from "../../src/core/detect/rule.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Every match must point at its value: text.slice(index) starts with the secret. */
function run(rule: Rule, text: string): RawMatch[] {
  const matches = runRule(rule, text, { path: "x.txt", configLike: false });
  for (const m of matches) expect(text.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
  return matches;
}

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs1 = (rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string).trimEnd();
const pkcs8 = (rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string).trimEnd();
const encrypted = (rsa.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw-for-" + "test" }) as string).trimEnd();

describe("private key rules: contract", () => {
  it("have private-key-* ids (the redactor shows nothing of them), docs, remediation and a window", () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^private-key-[a-z0-9-]+$/);
      expect(rule.severity).toBe("critical");
      expect(rule.provider).not.toBe("generic");
      expect(rule.window).toBeGreaterThanOrEqual(20_000);
      expect(rule.docs).toMatch(/^https:\/\//);
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
    }
  });

  // The contract checks each example's value; here, that its structure checks out.
  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, rule) => {
    it.each(rule.examples().truePositives.map(([line]) => line).map((l, i) => [i, l]))("confirms true positive #%s as a well-formed block", (_i, line) => {
      const matches = run(rule, line);
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(m.validation?.status).toBe("confirmed");
    });
  });
});

describe("what a match says", () => {
  it("reports the whole block, from BEGIN to the END marker, as the value", () => {
    const text = `const key = \`${pkcs1}\`;\nmodule.exports = key;`;
    const [match] = run(byId("private-key-rsa"), text);
    expect(match?.secret).toBe(pkcs1);
    expect(match?.message).toMatch(/RSA 2048-bit.*unencrypted/);
    expect(match?.severity).toBeUndefined(); // the rule's critical
  });

  it("lowers passphrase-protected keys to medium and says why they still matter", () => {
    const [match] = run(byId("private-key-pkcs8-encrypted"), encrypted);
    expect(match?.severity).toBe("medium");
    expect(match?.message).toMatch(/passphrase/);
    const [legacy] = run(byId("private-key-rsa"), exampleKeys.rsaLegacyEncrypted().join("\n"));
    expect(legacy?.severity).toBe("medium");
    const [ssh] = run(byId("private-key-openssh"), exampleKeys.opensshEncrypted().join("\n"));
    expect(ssh?.severity).toBe("medium");
    const [ppk] = run(byId("private-key-putty"), exampleKeys.puttyEncrypted().join("\n"));
    expect(ppk?.severity).toBe("medium");
  });

  it("reports a key that does not check out as not confirmed, without lowering it itself", () => {
    const keyLines = pkcs1.split("\n");
    const truncated = [...keyLines.slice(0, 8), keyLines[keyLines.length - 1]].join("\n");
    const [match] = run(byId("private-key-rsa"), truncated);
    expect(match?.validation).toMatchObject({ status: "failed" });
    expect(match?.message).toMatch(/not a confirmed key/);
  });

  it("reads a GCP service-account file's private_key (JSON with \\n escapes)", () => {
    const line = `  "private_key": ${JSON.stringify(pkcs8 + "\n")},`;
    const [match] = run(byId("private-key-pkcs8"), line);
    expect(match?.validation?.status).toBe("confirmed");
    expect(match?.secret.startsWith("-----BEGIN PRIVATE KEY-----\\n")).toBe(true);
    expect(match?.secret.endsWith("-----END PRIVATE KEY-----")).toBe(true);
  });

  it("leaves each format to its own rule", () => {
    const text = [pkcs1, pkcs8, encrypted].join("\n");
    expect(run(byId("private-key-rsa"), text)).toHaveLength(1);
    expect(run(byId("private-key-pkcs8"), text)).toHaveLength(1);
    expect(run(byId("private-key-pkcs8-encrypted"), text)).toHaveLength(1);
    expect(run(byId("private-key-pem"), text)).toHaveLength(0);
  });
});

describe("findPemPrivateKeys", () => {
  it("reads the blocks whose BEGIN marker starts before startsBefore, each whole", () => {
    const first = exampleKeys.ec(7).join("\n");
    const text = `${first}\n${exampleKeys.ec(8).join("\n")}`;
    expect(findPemPrivateKeys(text).map((b) => b.start)).toEqual([0, first.length + 1]);
    const [only, ...rest] = findPemPrivateKeys(text, first.indexOf("\n"));
    expect(rest).toEqual([]);
    expect(text.slice(only?.start, only?.end).trimEnd()).toBe(first);
  });
});

describe("base64-wrapped key files", () => {
  const wrapped = byId("private-key-base64-pem");

  it("decodes a Kubernetes Secret value and checks the key inside", () => {
    const value = Buffer.from(pkcs8 + "\n").toString("base64");
    const line = `  tls.key: ${value}`;
    const [match] = run(wrapped, line);
    expect(match?.secret).toBe(value);
    expect(match?.validation?.status).toBe("confirmed");
  });

  it("follows `base64` output wrapped at 76 columns", () => {
    const value = Buffer.from(pkcs1 + "\n").toString("base64");
    const text = `data:\n  key: |\n${value.match(/.{1,76}/g)!.map((l) => "    " + l).join("\n")}\nkind: Secret`;
    const [match] = run(wrapped, text);
    expect(match?.validation?.status).toBe("confirmed");
    expect(match?.secret.replace(/\s/g, "")).toBe(value);
  });

  it("ignores certificates and public keys, which share the prefix", () => {
    const cert = Buffer.from(pkcs1.replaceAll("RSA PRIVATE KEY", "CERTIFICATE")).toString("base64");
    const pub = Buffer.from(rsa.publicKey.export({ type: "spki", format: "pem" }) as string).toString("base64");
    expect(run(wrapped, `tls.crt: ${cert}\npub: ${pub}`)).toEqual([]);
  });

  it("ignores a prefix inside a longer base64 run", () => {
    const value = Buffer.from(pkcs8).toString("base64");
    expect(run(wrapped, `blob: QUJD${value}`)).toEqual([]);
  });
});

describe("through the engine", () => {
  const scanner = new Scanner(rules);

  it("reports a key file once, on its BEGIN line, with nothing of the key in the preview", () => {
    const text = ["# deploy key", pkcs1, "", "# end"].join("\n");
    const { findings } = scanner.scan({ path: "deploy/id_rsa", text });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "private-key-rsa", category: "secret", severity: "critical", line: 2, column: 1, redacted: "[private key]" });
    expect(findings[0]?.validation?.status).toBe("confirmed");
  });

  it("reports each of two keys in one file", () => {
    const text = [pkcs1, "", exampleKeys.ec(3).join("\n")].join("\n");
    const { findings } = scanner.scan({ path: "keys.pem", text });
    expect(findings.map((f) => f.rule)).toEqual(["private-key-rsa", "private-key-ec"]);
  });

  // Each BEGIN line holds its rule's keyword, so each block has a window of its own: a window reads the
  // blocks that start on its first line only (MatchContext.hitLineEnd). Reading on through every block a
  // window held read a file of many keys once for each of the ~24 keys a 20,000-character window holds.
  it("reads each block of a file of many keys once, from its own BEGIN line", () => {
    const keys = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? exampleKeys.ec(100 + i) : exampleKeys.rsa(100 + i)).join("\n"));
    const text = keys.join("\n");
    let blocksRead = 0;
    const counting = rules.map((rule) => (rule.find ? { ...rule, find: (t: string, c: Parameters<NonNullable<Rule["find"]>>[1]) => {
      const found = (rule.find as NonNullable<Rule["find"]>)(t, c);
      blocksRead += found.length;
      return found;
    } } : rule));
    const { findings } = new Scanner(counting).scan({ path: "keys.pem", text });
    const beginLines = text.split("\n").flatMap((line, i) => (line.startsWith("-----BEGIN") ? [i + 1] : []));
    expect(findings.map((f) => f.line)).toEqual(beginLines);
    expect(findings.map((f) => f.rule)).toEqual(keys.map((_, i) => (i % 2 === 0 ? "private-key-ec" : "private-key-rsa")));
    expect(blocksRead).toBe(keys.length);
  });

  it("finds a key of another label ending in BLOCK alone in its file", () => {
    const key = exampleKeys.rsa(47).join("\n").replaceAll("RSA PRIVATE KEY", "ACME PRIVATE KEY BLOCK");
    const { findings } = scanner.scan({ path: "acme.key", text: `# key\n${key}\n` });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([["private-key-pem", 2]]);
  });

  it("reports nothing for docs that only mention the markers", () => {
    const text = [
      "Paste your key between the markers:",
      "```",
      "-----BEGIN OPENSSH PRIVATE KEY-----",
      "...",
      "-----END OPENSSH PRIVATE KEY-----",
      "```",
    ].join("\n");
    expect(scanner.scan({ path: "README.md", text }).findings).toEqual([]);
  });

  it("keeps structurally confirmed PEM keys in the secret category", () => {
    for (const text of [pkcs1, pkcs8, exampleKeys.pgp().join("\n")]) {
      const { findings } = scanner.scan({ path: "k.pem", text });
      expect(findings.map((f) => f.category)).toEqual(["secret"]);
    }
  });

  // OpenSSH and PuTTY bodies hold runs like "AAAAAAAAAAAB" (SSH length fields): the engine's placeholder
  // heuristics must not take them for a dummy value.
  it("keeps structurally confirmed OpenSSH and PuTTY keys in the secret category", () => {
    for (const keyLines of [exampleKeys.openssh(), exampleKeys.putty()]) {
      const { findings } = scanner.scan({ path: "id_ed25519", text: keyLines.join("\n") });
      expect(findings.map((f) => f.category)).toEqual(["secret"]);
    }
  });
});
