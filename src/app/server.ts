/**
 * `npm start`: the App's HTTP server, configured by Probot's standard environment (the variables
 * below, as the README documents them). Stateless: any number of replicas can run behind a load balancer.
 *
 *   PORT (3000)  HOST (0.0.0.0)  APP_ID  PRIVATE_KEY | PRIVATE_KEY_PATH  WEBHOOK_SECRET
 *   GHE_HOST + GHE_PROTOCOL (https): GitHub Enterprise Server, base URL <protocol>://<host>/api/v3
 *   LOG_LEVEL (info)  CLAUDE_GUARD_MODE=inline: finish the scan before answering (serverless adapters)
 *   AUDIT_HMAC_KEY: key of the audit records' hashes (the audit feature is off without it)
 *   APP_SLUG (optional): the App's slug, to recognise its own audit issue by its bot login
 *
 * Routes: POST /api/github/webhooks (signed webhooks; a bad or missing signature gets 400 and changes
 * nothing), GET /healthz (and Probot's GET /ping) for load balancers.
 *
 * Unlike `probot run`, it refuses to start without a webhook secret (Probot would silently accept
 * webhooks signed with "development") and never falls into the interactive setup mode.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { pino, type Logger } from "pino";
import { createNodeMiddleware, createProbot } from "probot";
import { auditStartupStatus } from "./audit.js";
import { createApp } from "./index.js";
import { toolVersion } from "../version.js";
import type { QueueMode, WorkQueue } from "./work-queue.js";

const WEBHOOK_PATH = "/api/github/webhooks";

interface ServerSettings {
  port: number;
  host: string;
  appId: number;
  privateKey: string;
  webhookSecret: string;
  baseUrl?: string;
  logLevel: string;
  mode: QueueMode;
}

export class AppSettingsError extends Error {}

/** Reads and checks the environment; every problem is named at once, none is guessed around. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const problems: string[] = [];
  const appId = Number(env["APP_ID"]);
  if (!env["APP_ID"] || !Number.isInteger(appId) || appId <= 0) problems.push("APP_ID must be the App's numeric id");
  let privateKey = env["PRIVATE_KEY"]?.replace(/\\n/g, "\n");
  if (!privateKey && env["PRIVATE_KEY_PATH"]) {
    try {
      privateKey = readFileSync(env["PRIVATE_KEY_PATH"], "utf8");
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  if (!privateKey) problems.push("PRIVATE_KEY or PRIVATE_KEY_PATH must hold the App's private key (PEM)");
  else if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) problems.push("the private key is not a PEM private key");
  const webhookSecret = env["WEBHOOK_SECRET"] ?? "";
  if (webhookSecret === "") problems.push("WEBHOOK_SECRET must be set: without it anyone could send webhooks (Probot would accept ones signed with \"development\")");
  const port = env["PORT"] ? Number(env["PORT"]) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push("PORT must be a port number");
  const protocol = env["GHE_PROTOCOL"] || "https";
  if (protocol !== "https" && protocol !== "http") problems.push("GHE_PROTOCOL must be https or http");
  if (problems.length > 0) throw new AppSettingsError(`claude-guard app: cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const settings: ServerSettings = {
    port,
    host: env["HOST"] || "0.0.0.0",
    appId,
    privateKey: privateKey as string,
    webhookSecret,
    logLevel: env["LOG_LEVEL"] || "info",
    mode: env["CLAUDE_GUARD_MODE"] === "inline" ? "inline" : "background",
  };
  if (env["GHE_HOST"]) settings.baseUrl = `${protocol}://${env["GHE_HOST"].replace(/\/+$/, "")}/api/v3`;
  return settings;
}

/**
 * JSON logs (one object a line, for any log pipeline). Octokit's request logging attaches the request
 * body (check-run outputs) to its debug lines: only the method, route and status are kept. Headers that
 * carry credentials are redacted wherever they appear.
 */
function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "claude-guard" },
    // Errors are logged as type, message and status only: Probot's webhook errors carry the event (its
    // payload) and Octokit's carry the request and response, neither of which belongs in a log.
    serializers: { err: safeError, error: safeError },
    redact: { paths: ["*.headers.authorization", "*.request.headers.authorization", "headers.authorization", "*.privateKey", "*.secret"], censor: "[redacted]" },
    hooks: {
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (typeof second === "string" && second.startsWith("GitHub request:") && typeof first === "object") {
          return method.apply(this, [second] as unknown as Parameters<typeof method>);
        }
        return method.apply(this, args);
      },
    },
  });
}

function safeError(error: unknown): unknown {
  if (!error || typeof error !== "object") return error;
  const e = error as { name?: string; message?: string; status?: number; errors?: unknown[] };
  const message = String(e.message ?? "").split("\n", 1)[0];
  return { type: e.name ?? "Error", message, ...(typeof e.status === "number" ? { status: e.status } : {}) };
}

/** GitHub sends at most 25 MB per delivery. */
const MAX_WEBHOOK_BYTES = 26 * 1024 * 1024;

class RefusedBody extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The webhook body, refused (400) when it is not a JSON object: no GitHub event is anything else, and
 * Probot would answer a signed `null` or `[]` with a 500. Each handler checks its event's fields
 * (payload.ts); this only keeps what reaches Probot an object, and bounds its size (413).
 */
async function readWebhookBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES) throw new RefusedBody(413, "the webhook payload is larger than GitHub sends");
    chunks.push(chunk as Buffer);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RefusedBody(400, "the webhook payload is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new RefusedBody(400, "the webhook payload is not a JSON object");
  return text;
}

export interface RunningServer {
  server: Server;
  port: number;
  queue: WorkQueue;
  log: Logger;
  /** Stops taking requests and waits (up to `graceMs`) for the queued scans. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(settings: ServerSettings, log: Logger = createLogger(settings.logLevel)): Promise<RunningServer> {
  const probot = createProbot({
    env: {},
    overrides: {
      appId: settings.appId,
      privateKey: settings.privateKey,
      secret: settings.webhookSecret,
      log,
      logLevel: settings.logLevel as "info",
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    },
  });
  // Probot's Octokit keeps its throttling and retry plugins on: they are what keeps a busy org under
  // GitHub's rate limits.
  const created = createApp({ appId: settings.appId, mode: settings.mode });
  const webhooks = await createNodeMiddleware(created.app, { probot, webhooksPath: WEBHOOK_PATH });
  // Read after Probot has loaded the app: the queue is then built with Probot's logger (see index.ts).
  const queue = created.queue;
  const httpLog = log.child({ name: "http" });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    res.on("finish", () => {
      const delivery = req.headers["x-github-delivery"];
      httpLog.info({ method: req.method, path, status: res.statusCode, ms: Date.now() - started, ...(delivery ? { deliveryId: String(delivery) } : {}) }, "request");
    });
    if (req.method === "GET" && (path === "/healthz" || path === "/ping")) {
      const body = path === "/ping" ? "PONG" : JSON.stringify({ status: "ok", version: toolVersion(), queued: queue.size });
      res.writeHead(200, { "content-type": path === "/ping" ? "text/plain" : "application/json" }).end(body);
      return;
    }
    const notFound = () => {
      if (!res.headersSent) res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
    };
    // Anything but a JSON POST to the webhook path is Probot's to answer (404, 415, …).
    if (req.method !== "POST" || path !== WEBHOOK_PATH || !/^\s*application\/json\s*(?:;|$)/i.test(req.headers["content-type"] ?? "")) {
      void webhooks(req, res, notFound);
      return;
    }
    void readWebhookBody(req).then(
      (body) => {
        // Probot reads a string body as the payload (and checks the signature over it).
        (req as IncomingMessage & { body?: string }).body = body;
        void webhooks(req, res, notFound);
      },
      (error: unknown) => {
        const refused = error instanceof RefusedBody ? error : new RefusedBody(400, "the request body could not be read");
        res.writeHead(refused.status, { "content-type": "application/json" }).end(JSON.stringify({ error: refused.message }));
      },
    );
  });
  server.keepAliveTimeout = 65_000; // longer than the usual load balancer idle timeout

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  log.info({ port, host: settings.host, webhookPath: WEBHOOK_PATH, githubApi: settings.baseUrl ?? "https://api.github.com", version: toolVersion() }, "claude-guard app listening");
  // The audit trail needs AUDIT_HMAC_KEY: without it the feature stays off (scanning does not) and says why.
  const audit = auditStartupStatus(process.env);
  log[audit.level]({ feature: "audit" }, audit.message);

  return {
    server,
    port,
    queue,
    log,
    async close(graceMs = 25_000) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.race([queue.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}

async function main(): Promise<void> {
  let settings: ServerSettings;
  try {
    settings = readSettings();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const running = await startServer(settings);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.log.info({ signal, queued: running.queue.size }, "stopping: finishing queued scans");
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`claude-guard app: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
