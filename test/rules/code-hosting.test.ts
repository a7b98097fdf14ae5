import { exampleSecrets, rules } from "../../src/core/detect/rules/providers/code-hosting.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { fake } from "../../src/core/detect/fake.js";
import { crc32, githubStyleChecksum } from "../../src/core/detect/validate/checksum.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Change one character of the random part (not the checksum) of a token. */
function tamper(token: string, at: number): string {
  const c = token[at] === "A" ? "B" : "A";
  return token.slice(0, at) + c + token.slice(at + 1);
}

const GH = {
  pat: "gh" + "p_",
  oauth: "gh" + "o_",
  user: "gh" + "u_",
  installation: "gh" + "s_",
  refresh: "gh" + "r_",
};

function githubToken(prefix: string, seed: string): string {
  const body = fake.alnum(30, seed);
  return prefix + body + githubStyleChecksum(body);
}

function gitlabRoutable(prefix: string, payload: string): string {
  const head = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, "0")}`;
  return head + crc32(head).toString(36).padStart(7, "0");
}

describe("code-hosting rules: contract", () => {
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
});

describe("GitHub checksums", () => {
  it.each([
    ["github-pat-classic", GH.pat],
    ["github-oauth-token", GH.oauth],
    ["github-user-to-server-token", GH.user],
    ["github-installation-token", GH.installation],
    ["github-refresh-token", GH.refresh],
  ])("%s: confirmed when the CRC32 matches, failed when a character changed", (id, prefix) => {
    const token = githubToken(prefix, `checksum-${id}`);
    const [ok] = runRule(byId(id), `token = "${token}"`);
    expect(ok?.secret).toBe(token);
    expect(ok?.validation).toEqual({ status: "confirmed", check: "CRC32 checksum" });

    const typo = tamper(token, prefix.length + 5);
    const [bad] = runRule(byId(id), `token = "${typo}"`);
    expect(bad?.secret).toBe(typo);
    expect(bad?.validation?.status).toBe("failed");
  });

  it("does not check formats that carry no classic checksum", () => {
    const stateless = GH.installation + "1234567_eyJ" + fake.base64url(30, "h") + ".eyJ" + fake.base64url(200, "p") + "." + fake.base64url(86, "s");
    const [m] = runRule(byId("github-installation-token"), `GITHUB_TOKEN=${stateless}`);
    expect(m?.secret).toBe(stateless);
    expect(m?.validation?.status).toBe("unchecked");
    const refresh = GH.refresh + fake.alnum(76, "r");
    expect(runRule(byId("github-refresh-token"), refresh)[0]?.validation?.status).toBe("unchecked");
  });

  it("reports GitHub's documented refresh token example as a placeholder", () => {
    const documented = GH.refresh + "1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498";
    const [m] = runRule(byId("github-refresh-token"), `"refresh_token": "${documented}"`);
    expect(m?.category).toBe("placeholder");
  });

  it("keeps each prefix to its own rule", () => {
    const pat = githubToken(GH.pat, "own");
    expect(runRule(byId("github-oauth-token"), pat)).toEqual([]);
    expect(runRule(byId("github-pat-classic"), pat).map((m) => m.secret)).toEqual([pat]);
  });

  it("matches the fine-grained format exactly: 22 + underscore + 59", () => {
    const good = "github_pat_" + fake.alnum(22, "a") + "_" + fake.alnum(59, "b");
    expect(runRule(byId("github-pat-fine-grained"), good).map((m) => m.secret)).toEqual([good]);
    const wrong = "github_pat_" + fake.alnum(21, "a") + "_" + fake.alnum(59, "b");
    expect(runRule(byId("github-pat-fine-grained"), wrong)).toEqual([]);
  });
});

describe("GitLab routable tokens", () => {
  it("confirms the CRC-32 of a routable token and flags a tampered one", () => {
    const token = gitlabRoutable("glpat-", fake.base64url(38, "routable"));
    const [ok] = runRule(byId("gitlab-pat"), `GITLAB_TOKEN=${token}`);
    expect(ok?.secret).toBe(token);
    expect(ok?.validation).toEqual({ status: "confirmed", check: "CRC32 checksum" });

    const typo = tamper(token, 10);
    const [bad] = runRule(byId("gitlab-pat"), `GITLAB_TOKEN=${typo}`);
    expect(bad?.secret).toBe(typo);
    expect(bad?.validation?.status).toBe("failed");
  });

  it("leaves classic 20-character tokens unchecked", () => {
    const classic = "glpat-" + fake.base64url(20, "classic");
    const [m] = runRule(byId("gitlab-pat"), `token: ${classic}`);
    expect(m?.secret).toBe(classic);
    expect(m?.validation?.status).toBe("unchecked");
  });

  it("reads the routable runner token format with its type marker", () => {
    const token = gitlabRoutable("glrt-", "t1_" + fake.base64url(36, "runner"));
    const [m] = runRule(byId("gitlab-runner-authentication-token"), `  token = "${token}"`);
    expect(m?.secret).toBe(token);
    expect(m?.validation?.status).toBe("confirmed");
  });

  it("tells glrt- and glrtr- tokens apart", () => {
    const registered = "glrtr-" + fake.base64url(20, "r");
    expect(runRule(byId("gitlab-runner-authentication-token"), registered)).toEqual([]);
    expect(runRule(byId("gitlab-runner-registered-token"), registered).map((m) => m.secret)).toEqual([registered]);
  });
});
