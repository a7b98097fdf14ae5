import { rules } from "../../../src/core/detect/rules/providers/gitlab.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { crc32 } from "../../../src/core/detect/validate/checksum.js";
import { ruleFinder } from "./find-rule.js";

const { byId } = ruleFinder(rules);

/** Change one character of the random part (not the checksum) of a token. */
function tamper(token: string, at: number): string {
  const c = token[at] === "A" ? "B" : "A";
  return token.slice(0, at) + c + token.slice(at + 1);
}

function gitlabRoutable(prefix: string, payload: string): string {
  const head = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, "0")}`;
  return head + crc32(head).toString(36).padStart(7, "0");
}

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
