/**
 * A thin wrapper over nock (15.0.0 intercepts Octokit's fetch on Node 20) for GitHub's API: every test
 * ends with `assertAllMocksUsed()`, which fails on a mock left unused AND on a request nothing mocked,
 * so a test breaks loudly when the App calls more, less or something else than it should.
 * It also records each request the App sent (method, path, body) for assertions such as "no whole
 * secret in any request".
 */
import nock from "nock";

export const GITHUB_API = "https://api.github.com";

export interface SentRequest {
  method: string;
  path: string;
  body: string;
}

let sent: SentRequest[] = [];
let unmatched: string[] = [];

const onNoMatch = (req: { method?: string; path?: string; href?: string; url?: string }) => {
  unmatched.push(`${req.method ?? "?"} ${req.path ?? req.url ?? req.href ?? "?"}`);
};

export function setUpHttpMock(): void {
  nock.disableNetConnect();
  sent = [];
  unmatched = [];
  nock.emitter.removeListener("no match", onNoMatch);
  nock.emitter.on("no match", onNoMatch);
}

/** A scope on GitHub's API that records what the App sends through it. */
export function githubApi(base: string = GITHUB_API): nock.Scope {
  const scope = nock(base);
  scope.on("request", (req: { method?: string; path?: string; url?: string }, _interceptor: unknown, body: string) => {
    // Under fetch interception the request carries a full `url` (and no `path`).
    const path = req.path ?? (req.url ? new URL(req.url).pathname + new URL(req.url).search : "");
    sent.push({ method: req.method ?? "", path, body: body ?? "" });
  });
  return scope;
}

export function sentRequests(): SentRequest[] {
  return sent;
}

/** Bodies of the requests sent with a method (PATCH, POST), parsed as JSON. */
export function sentBodies<T = Record<string, unknown>>(method: string, pathPart?: string): T[] {
  return sent.filter((r) => r.method === method && (!pathPart || r.path.includes(pathPart))).map((r) => JSON.parse(r.body || "{}") as T);
}

export function assertAllMocksUsed(): void {
  const pending = nock.pendingMocks();
  const missing = [...unmatched];
  nock.cleanAll();
  nock.emitter.removeListener("no match", onNoMatch);
  const problems = [
    ...pending.map((p) => `mock never called: ${p}`),
    ...missing.map((m) => `request without a mock: ${m}`),
  ];
  if (problems.length > 0) throw new Error(`HTTP mocks out of step with the App:\n${problems.join("\n")}`);
}

export function tearDownHttpMock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

/** The org's `.github` repository holds no claude-guard config: every App scan reads it before the repository's. */
export function mockNoOrgConfig(owner = "acme"): void {
  githubApi().get(`/repos/${owner}/.github/contents/.github%2Fclaude-guard.yml`).reply(404, { message: "Not Found" });
}
