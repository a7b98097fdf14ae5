import { rules } from "../../../src/core/detect/rules/providers/aws.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { byId, secretsIn } = ruleFinder(rules);

describe("AWS rules", () => {
  it("keeps the rule id the JSON report documents", () => {
    expect(rules.map((r) => r.id)).toContain("aws-access-key-id");
  });

  it("classifies AWS's documented example keys as placeholders", () => {
    const [match] = runRule(byId("aws-access-key-id"), "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE");
    expect(match?.category).toBe("placeholder");
    const [secret] = runRule(byId("aws-secret-access-key"), "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY");
    expect(secret?.category).toBe("placeholder");
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

  it("requires the STS header for a generically named session token", () => {
    const body = fake.base64(200, "sts");
    expect(secretsIn("aws-session-token", `sessionToken = "${body}"`)).toEqual([]);
    expect(secretsIn("aws-session-token", `AWS_SESSION_TOKEN=${body}`)).toEqual([body]);
  });
});
