import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake, toBase64 } from "../../../src/core/detect/fake.js";
import { crc32 } from "../../../src/core/detect/validate/checksum.js";
import { fakeGrafanaServiceAccountToken, grafanaServiceAccountChecksum, rules } from "../../../src/core/detect/rules/providers/grafana.js";
import { tamper } from "./tamper.js";

const rule = (id: string): Rule => rules.find((r) => r.id === id)!;

describe("Grafana validators", () => {
  it("service account tokens: CRC-32 of glsa_<secret>, little-endian hex", () => {
    const secret = fake.alnum(32, "glsa-test");
    const c = crc32("glsa_" + secret);
    const expected = [c, c >>> 8, c >>> 16, c >>> 24].map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("");
    expect(grafanaServiceAccountChecksum(secret)).toBe(expected);

    const r = rule("grafana-service-account-token");
    const token = fakeGrafanaServiceAccountToken("glsa-v");
    expect(r.validate?.(token).status).toBe("confirmed");
    expect(r.validate?.(tamper(token, 10)).status).toBe("failed");
    // A tampered token is still reported, with a failed check.
    const [m] = runRule(r, `TOKEN=${tamper(token, 10)}`);
    expect(m?.validation?.status).toBe("failed");
  });

  it("legacy API keys decode to a JSON key object", () => {
    const r = rule("grafana-api-key-legacy");
    expect(r.validate?.(toBase64(JSON.stringify({ k: fake.alnum(32, "g"), n: "x", id: 1 }))).status).toBe("confirmed");
    expect(r.validate?.("eyJrIjoi" + fake.alnum(60, "g2")).status).toBe("failed");
  });
});

describe("generated examples", () => {
  it.each(["grafana-cloud-token", "grafana-service-account-token", "grafana-api-key-legacy"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
