/**
 * A Probot instance for handler tests: a private key generated at run time, throttling and retries off
 * (a test must see the first answer, not wait for a retry), logs silenced, and the App's queue shared
 * so that a test can wait for the work the handlers queued.
 */
import { generateKeyPairSync } from "node:crypto";
import { pino, type Logger } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app/index.js";
import { WorkQueue } from "../../src/app/work-queue.js";
import { APP_ID, INSTALLATION_ID, REPO_PATH } from "./github-fixtures.js";
import { githubApi } from "./http-mock.js";

let privateKey: string | undefined;

export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

export interface TestApp {
  probot: Probot;
  queue: WorkQueue;
  /** Delivers a webhook as Probot would after checking its signature, then waits for the queued work. */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<void>;
}

/** `log`: where the App logs (default: nowhere); the queue logs through it too, as in the server. */
export async function createTestApp(options: { log?: Logger } = {}): Promise<TestApp> {
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    // A function, not an object: Probot merges its own throttle options over plain defaults.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options["throttle"] as object), enabled: false },
    })),
    log: options.log ?? pino({ level: "silent" }),
  });
  const queue = new WorkQueue("background", probot.log);
  await probot.load(createApp({ queue, appId: APP_ID }).app);
  return {
    probot,
    queue,
    async deliver(name, payload, id = "delivery-1") {
      await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
      await queue.idle();
    },
  };
}

/** The installation token request every event's first API call makes. */
export function mockInstallationToken(times = 1): void {
  githubApi()
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .times(times)
    .reply(201, { token: "test-installation-token", expires_at: "2099-01-01T00:00:00Z", permissions: { checks: "write", contents: "read" } });
}

export const CHECK_RUNS_LOOKUP = (headSha: string) => `${REPO_PATH}/commits/${headSha}/check-runs`;

/** Paths a test serves at the head itself (mockHeadFile): headFilesNotReadable leaves them alone. */
const servedAtHead = new Set<string>();

/**
 * The files the App reads at the head to place earlier commits' findings there (src/app/run-check.ts),
 * answered "not accessible" for tests about something else: their findings stay where their commit put
 * them. A test of that placement serves its files with mockHeadFile.
 */
export function headFilesNotReadable(...heads: string[]): void {
  servedAtHead.clear();
  githubApi()
    .persist()
    .get((uri) => {
      const path = decodeURIComponent(uri.split("?")[0]?.replace(/^.*?\/contents\//, "") ?? "");
      return uri.includes("/contents/") && path !== ".claude-guard-ignore" && !path.startsWith(".github/") && !servedAtHead.has(path);
    })
    .query((query) => heads.includes(String(query["ref"])))
    .optionally()
    .reply(403, { message: "Resource not accessible by integration" });
}

/** A file as it is at the head (`text`), or gone there (null). */
export function mockHeadFile(path: string, head: string, text: string | null): void {
  servedAtHead.add(path);
  const scope = githubApi().get(`${REPO_PATH}/contents/${encodeURIComponent(path)}`).query({ ref: head });
  if (text === null) scope.reply(404, { message: "Not Found" });
  else scope.reply(200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" });
}
