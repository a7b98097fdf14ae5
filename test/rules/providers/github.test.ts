import { rules } from "../../../src/core/detect/rules/providers/github.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { githubStyleChecksum } from "../../../src/core/detect/validate/checksum.js";
import { ruleFinder } from "./find-rule.js";

const { byId } = ruleFinder(rules);

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
