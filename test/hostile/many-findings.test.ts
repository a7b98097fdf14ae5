/**
 * A file dense with findings (a data dump of 60,000 email addresses) costs time in proportion to its
 * findings: fingerprinting once compared every finding with every other (quadratic, about 20 s here),
 * outside the reach of the per-file backstop.
 */
import { Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";

test("60,000 findings in one file are fingerprinted in linear time, each with its own id", () => {
  const scanner = new Scanner(builtinRules.filter((rule) => rule.id === "email-address"));
  const lines = Array.from({ length: 60_000 }, (_, i) => `user${i}.name${i}@corp-mail.com`);
  const started = performance.now();
  const { findings } = scanner.scan({ path: "export/users.csv", text: lines.join("\n") });
  const seconds = (performance.now() - started) / 1000;
  expect(findings).toHaveLength(60_000);
  expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(60_000);
  expect(seconds).toBeLessThan(8);
});
