/**
 * The claude-guard GitHub App (Probot 14). This file only wires events to their handlers; the work is
 * in handle-*.ts (one per event family), run-check.ts (the check run's life) and scan-target.ts (the
 * REST reading, handed to the pure core).
 */
import type { ApplicationFunction, Probot } from "probot";
import type { AppDeps } from "./deps.js";
import { CHECK_EVENTS, handleCheckRun, handleCheckSuite } from "./handle-check.js";
import { handlePullRequest, PULL_REQUEST_EVENTS } from "./handle-pull-request.js";
import { handleInstallation, INSTALLATION_EVENTS } from "./handle-installation.js";
import { handlePush } from "./handle-push.js";
import { WorkQueue, type QueueMode } from "./work-queue.js";

interface AppOptions {
  /** Share a queue to wait for the work (tests, graceful shutdown). */
  queue?: WorkQueue;
  /** `inline` for serverless adapters that freeze the process after the response. */
  mode?: QueueMode;
  appId?: number;
  /** Web host for links (GitHub Enterprise Server); default from GHE_HOST and GHE_PROTOCOL. */
  serverUrl?: string;
}

/**
 * The App with its queue, for the server (shutdown waits for the queue) and for tests. Without
 * `options.queue`, the queue is built when Probot loads the app, with Probot's logger.
 */
export function createApp(options: AppOptions = {}): { app: ApplicationFunction; queue: WorkQueue } {
  let queue = options.queue;
  const app = (probot: Probot) => {
    queue ??= new WorkQueue(options.mode ?? "background", probot.log.child({ name: "claude-guard" }));
    const appId = options.appId ?? (Number(process.env["APP_ID"]) || undefined);
    const gheHost = process.env["GHE_HOST"];
    const serverUrl = options.serverUrl ?? (gheHost ? `${process.env["GHE_PROTOCOL"] || "https"}://${gheHost}` : undefined);
    const deps: AppDeps = { queue, ...(appId ? { appId } : {}), ...(serverUrl ? { serverUrl } : {}) };
    probot.on([...PULL_REQUEST_EVENTS], (context) => handlePullRequest(context, deps));
    probot.on("push", (context) => handlePush(context, deps));
    probot.on([...INSTALLATION_EVENTS], (context) => handleInstallation(context, deps));
    probot.on(CHECK_EVENTS.filter((e) => e.startsWith("check_suite.")) as Array<"check_suite.requested" | "check_suite.rerequested">, (context) => handleCheckSuite(context, deps));
    probot.on(CHECK_EVENTS.filter((e) => e.startsWith("check_run.")) as Array<"check_run.rerequested" | "check_run.requested_action">, (context) => handleCheckRun(context, deps));
  };
  return {
    app,
    // The queue logs failed jobs through Probot's logger, which exists only once Probot loads the app:
    // asked for before that, it would be a queue that fails in silence.
    get queue(): WorkQueue {
      if (!queue) throw new Error("createApp: the work queue exists once Probot has loaded the app (or pass one in options.queue)");
      return queue;
    },
  };
}

/** For `probot run lib/app/index.js`: the App with default options. */
const defaultApp: ApplicationFunction = createApp().app;
export default defaultApp;
