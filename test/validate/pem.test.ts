import { generateKeyPairSync } from "node:crypto";
import {
  checkKeyBlock,
  checkPrivateKeyText,
  crc24,
  findPemPrivateKeys,
  findPuttyKeys,
  MIN_BODY_CHARS,
  type KeyBlock,
} from "../../src/core/detect/validate/pem.js";
import { asJsonString, exampleKeys } from "../../src/core/detect/rules/private-keys.js";

// Real keys, generated for this run only (never written anywhere).
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-384" });
const ed = generateKeyPairSync("ed25519");
const pem = {
  pkcs1: rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string,
  pkcs8Rsa: rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  sec1: ec.privateKey.export({ type: "sec1", format: "pem" }) as string,
  pkcs8Ec: ec.privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  ed25519: ed.privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  encryptedPkcs8: rsa.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw-for-" + "test" }) as string,
  legacyEncrypted: rsa.privateKey.export({ type: "pkcs1", format: "pem", cipher: "aes-128-cbc", passphrase: "pw-for-" + "test" }) as string,
};

function only(text: string): KeyBlock {
  const blocks = [...findPemPrivateKeys(text), ...findPuttyKeys(text)];
  expect(blocks).toHaveLength(1);
  return blocks[0] as KeyBlock;
}

function lines(text: string): string[] {
  return text.trimEnd().split("\n");
}

/** Replaces one base64 character of the body line `lineIndex` (counted from the BEGIN line). */
function tamperLine(blockLines: string[], lineIndex: number, at = 10): string[] {
  const out = [...blockLines];
  const line = out[lineIndex] as string;
  out[lineIndex] = line.slice(0, at) + (line[at] === "A" ? "B" : "A") + line.slice(at + 1);
  return out;
}

describe("PEM keys from node:crypto are confirmed, with what was checked", () => {
  it.each([
    ["PKCS#1 RSA", pem.pkcs1, "rsa", /modulus = p × q/, "RSA 2048-bit"],
    ["PKCS#8 RSA", pem.pkcs8Rsa, "pkcs8", /modulus = p × q/, "RSA 2048-bit"],
    ["SEC 1 EC", pem.sec1, "ec", /SEC 1/, "EC P-384"],
    ["PKCS#8 EC", pem.pkcs8Ec, "pkcs8", /PKCS#8 EC/, "EC P-384"],
    ["PKCS#8 Ed25519", pem.ed25519, "pkcs8", /Ed25519/, "Ed25519"],
  ])("%s", (_name, text, format, check, detail) => {
    const block = only(text);
    expect(block.format).toBe(format);
    expect(block.complete).toBe(true);
    expect(text.slice(block.start, block.end)).toBe(text.trimEnd());
    const result = checkKeyBlock(block);
    expect(result).toMatchObject({ status: "confirmed", encrypted: false, detail });
    expect(result.check).toMatch(check);
  });

  it("marks passphrase-protected keys as encrypted but well-formed", () => {
    const pkcs8 = checkKeyBlock(only(pem.encryptedPkcs8));
    expect(pkcs8).toMatchObject({ status: "confirmed", encrypted: true, detail: "PBES2" });
    const legacy = only(pem.legacyEncrypted);
    expect(legacy.headers["proc-type"]).toBe("4,ENCRYPTED");
    expect(checkKeyBlock(legacy)).toMatchObject({ status: "confirmed", encrypted: true, detail: "AES-128-CBC" });
  });

  it("never puts key material in what it returns", () => {
    const result = JSON.stringify(checkKeyBlock(only(pem.pkcs1)));
    for (const line of lines(pem.pkcs1).slice(1, -1)) expect(result).not.toContain(line.slice(0, 16));
  });
});

describe("deterministic example keys (rule examples) pass the same checks", () => {
  it.each([
    ["rsa", exampleKeys.rsa(), false],
    ["rsa legacy encrypted", exampleKeys.rsaLegacyEncrypted(), true],
    ["ec", exampleKeys.ec(), false],
    ["dsa", exampleKeys.dsa(), false],
    ["pkcs8 ed25519", exampleKeys.pkcs8Ed25519(), false],
    ["pkcs8 rsa", exampleKeys.pkcs8Rsa(), false],
    ["pkcs8 encrypted", exampleKeys.pkcs8Encrypted(), true],
    ["openssh", exampleKeys.openssh(), false],
    ["openssh encrypted", exampleKeys.opensshEncrypted(), true],
    ["pgp", exampleKeys.pgp(), false],
    ["putty", exampleKeys.putty(), false],
    ["putty encrypted", exampleKeys.puttyEncrypted(), true],
  ])("%s", (_name, keyLines, encrypted) => {
    const result = checkKeyBlock(only(keyLines.join("\n")));
    expect(result).toMatchObject({ status: "confirmed", encrypted });
  });

  it("are the same on every run (seeded)", () => {
    expect(exampleKeys.openssh(5)).toEqual(exampleKeys.openssh(5));
    expect(exampleKeys.openssh(5)).not.toEqual(exampleKeys.openssh(6));
  });
});

describe("edited, truncated and made-up keys fail", () => {
  it("an RSA key whose modulus is not p × q", () => {
    const result = checkKeyBlock(only(tamperLine(lines(pem.pkcs1), 3).join("\n")));
    expect(result.status).toBe("failed");
    expect(result.note).toMatch(/modulus is not p × q/);
  });

  it("a DSA key whose y is not g^x mod p", () => {
    const keyLines = exampleKeys.dsa();
    const result = checkKeyBlock(only(tamperLine(keyLines, keyLines.length - 3).join("\n")));
    expect(result.status).toBe("failed");
  });

  it("a body cut short: the DER length runs past the data", () => {
    const keyLines = lines(pem.pkcs1);
    const cut = [...keyLines.slice(0, 6), keyLines[keyLines.length - 1] as string].join("\n");
    const result = checkKeyBlock(only(cut));
    expect(result).toMatchObject({ status: "failed" });
    expect(result.note).toMatch(/truncated/);
  });

  it("a block with no END line is never confirmed, even when what is there parses", () => {
    const noEnd = lines(pem.ed25519).slice(0, -1).join("\n") + "\nconst next = 1;";
    const block = only(noEnd);
    expect(block.complete).toBe(false);
    expect(checkKeyBlock(block).status).toBe("failed");
  });

  it("an ellipsis after a real first line stops the body and fails the check", () => {
    const keyLines = lines(pem.pkcs1);
    const text = [keyLines[0], keyLines[1], keyLines[2], "...", keyLines[keyLines.length - 1]].join("\n");
    const block = only(text);
    expect(block.problem).toMatch(/not base64/);
    expect(checkKeyBlock(block).status).toBe("failed");
  });

  it("random base64 under a BEGIN line (a hallucinated key)", () => {
    const random = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256)).toString("base64");
    const text = ["-----BEGIN RSA PRIVATE KEY-----", ...random.match(/.{1,64}/g)!, "-----END RSA PRIVATE KEY-----"].join("\n");
    expect(checkKeyBlock(only(text)).status).toBe("failed");
  });

  it("an OpenSSH key whose check integers differ", () => {
    const keyLines = exampleKeys.openssh();
    // Bytes 98-105 hold the two check integers: base64 characters 2-7 of the third body line.
    const result = checkKeyBlock(only(tamperLine(keyLines, 3, 3).join("\n")));
    expect(result.status).toBe("failed");
    expect(result.note).toMatch(/check integers differ/);
  });

  it("an OpenPGP block whose armor CRC does not match", () => {
    const keyLines = exampleKeys.pgp();
    const result = checkKeyBlock(only(tamperLine(keyLines, 3).join("\n")));
    expect(result).toMatchObject({ status: "failed" });
    expect(result.note).toMatch(/armor checksum/);
  });

  it("a PuTTY key whose Private-MAC does not match", () => {
    const keyLines = exampleKeys.putty();
    const macLine = keyLines.length - 1;
    keyLines[macLine] = (keyLines[macLine] as string).replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    const result = checkKeyBlock(only(keyLines.join("\n")));
    expect(result.status).toBe("failed");
    expect(result.note).toMatch(/Private-MAC/);
  });

  it("an END line naming another block", () => {
    const text = lines(pem.pkcs1).slice(0, -1).join("\n") + "\n-----END PRIVATE KEY-----";
    const block = only(text);
    expect(block.problem).toMatch(/different block/);
    expect(checkKeyBlock(block).status).toBe("failed");
  });
});

describe("markers without a body are not keys", () => {
  it.each([
    ["a regex", String.raw`const re = /-----BEGIN RSA PRIVATE KEY-----[\s\S]+?-----END RSA PRIVATE KEY-----/;`],
    ["a string comparison", 'if (pem.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----")) {\n  return parse(pem);\n}'],
    ["docs with a placeholder body", "-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----"],
    ["docs with a stub", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----"],
    ["JSON with a placeholder", String.raw`{"private_key": "-----BEGIN PRIVATE KEY-----\nYOUR_KEY_HERE\n-----END PRIVATE KEY-----\n"}`],
    ["a public key", pem.pkcs1.replaceAll("RSA PRIVATE KEY", "RSA PUBLIC KEY")],
    ["a bare header", "-----BEGIN EC PRIVATE KEY-----"],
    ["two markers back to back", "-----BEGIN RSA PRIVATE KEY----------BEGIN RSA PRIVATE KEY-----"],
    ["a PuTTY header in prose", "Files start with PuTTY-User-Key-File-3: ssh-ed25519 followed by Encryption: none."],
  ])("%s", (_name, text) => {
    expect(findPemPrivateKeys(text)).toEqual([]);
    expect(findPuttyKeys(text)).toEqual([]);
  });

  it("a body shorter than the smallest key is ignored", () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${"Q".repeat(MIN_BODY_CHARS - 1)}\n-----END PRIVATE KEY-----`;
    expect(findPemPrivateKeys(text)).toEqual([]);
  });
});

describe("keys are read through the way code wraps them", () => {
  const keyLines = lines(pem.sec1);
  const cases: Array<[string, string]> = [
    ["a JSON string with \\n escapes", `{"key": "${asJsonString(keyLines)}"}`],
    ["doubly escaped JSON", JSON.stringify(JSON.stringify({ key: pem.sec1 }))],
    ["CRLF line endings", keyLines.join("\r\n")],
    ["a YAML block scalar", ["tls:", "  key: |", ...keyLines.map((l) => "    " + l), "  cert: x"].join("\n")],
    ["JS string concatenation", ["const KEY =", ...keyLines.map((l) => `  "${l}\\n" +`), '  "";'].join("\n")],
    ["Python implicit concatenation", ["KEY = (", ...keyLines.map((l) => `    b"${l}\\n"`), ")"].join("\n")],
    ["a Go raw string", "var key = `" + keyLines.join("\n") + "`"],
    ["newlines turned into spaces", `PRIVATE_KEY="${keyLines.join(" ")}"`],
    ["shell comments", keyLines.map((l) => "# " + l).join("\n")],
    ["a JSDoc comment", ["/**", ...keyLines.map((l) => " * " + l), " */"].join("\n")],
  ];
  it.each(cases)("%s", (_name, text) => {
    const block = only(text);
    expect(block.complete).toBe(true);
    expect(checkKeyBlock(block)).toMatchObject({ status: "confirmed", detail: "EC P-384" });
    expect(text.slice(block.start, block.start + 10)).toBe("-----BEGIN");
    expect(text.slice(block.end - 5, block.end)).toBe("-----");
  });

  it("finds each of several keys in one text", () => {
    const text = [pem.sec1, "const other = 1;", pem.ed25519, JSON.stringify({ k: pem.pkcs1 })].join("\n");
    const blocks = findPemPrivateKeys(text);
    expect(blocks.map((b) => b.format)).toEqual(["ec", "pkcs8", "rsa"]);
    expect(blocks.every((b) => checkKeyBlock(b).status === "confirmed")).toBe(true);
  });

  it("checkPrivateKeyText checks the block a rule reported as its value", () => {
    expect(checkPrivateKeyText(pem.pkcs8Ec.trimEnd()).status).toBe("confirmed");
    expect(checkPrivateKeyText("-----BEGIN PRIVATE KEY-----").status).toBe("failed");
  });
});

describe("OpenPGP armor checksum", () => {
  it("crc24 matches RFC 4880's definition on known input", () => {
    // The initial value alone, then a value computed by the RFC's reference code for "123456789".
    expect(crc24(new Uint8Array())).toBe(0xb704ce);
    expect(crc24(Buffer.from("123456789"))).toBe(0x21cf02);
  });
});

describe("stays linear on adversarial input", () => {
  it.each([
    ["repeated BEGIN markers", "-----BEGIN RSA PRIVATE KEY-----a".repeat(4000)],
    ["markers followed by long lines", ("-----BEGIN PRIVATE KEY-----" + "A".repeat(500) + "\\n").repeat(200)],
    ["PuTTY headers", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n".repeat(3000)],
    ["backslashes", "-----BEGIN EC PRIVATE KEY-----" + "\\".repeat(100_000)],
  ])("%s", (_name, text) => {
    const started = performance.now();
    findPemPrivateKeys(text);
    findPuttyKeys(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
