/**
 * The App's server as `npm start` builds it (startServer, in process), against a local GitHub that
 * rejects the App's credentials with 401 for every request and records them, with its logs captured as
 * JSON lines. No nock here: it would intercept the webhooks sent to the server.
 */
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Writable } from "node:stream";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../src/app/server.js";

export interface LogLine {
  level: number;
  msg: string;
  deliveryId?: string;
  [key: string]: unknown;
}

export const ERROR = 50;
export const WARN = 40;

/** A pino logger whose JSON lines land in `lines`. */
export function capturingLogger(): { log: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n")) if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines };
}

export async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface RejectingSetup {
  running: RunningServer;
  lines: LogLine[];
  /** Requests GitHub received, as `METHOD /path`. */
  githubRequests: string[];
  /** Sends a webhook signed with the server's secret (or `body` as raw text); resolves to status and body. */
  send(event: string, body: unknown, options?: { delivery?: string; raw?: boolean }): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export async function startAgainstRejectingGitHub(): Promise<RejectingSetup> {
  const secret = "hostile-" + randomUUID();
  const githubRequests: string[] = [];
  const github: Server = createServer((req, res) => {
    githubRequests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest" }));
  });
  await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
  const address = github.address();
  const githubPort = typeof address === "object" && address ? address.port : 0;
  const captured = capturingLogger();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const running = await startServer(
    { port: 0, host: "127.0.0.1", appId: 123, privateKey, webhookSecret: secret, baseUrl: `http://127.0.0.1:${githubPort}/api/v3`, logLevel: "debug", mode: "background" },
    captured.log,
  );
  return {
    running,
    lines: captured.lines,
    githubRequests,
    async send(event, body, options = {}) {
      const text = options.raw ? String(body) : JSON.stringify(body);
      const response = await fetch(`http://127.0.0.1:${running.port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": options.delivery ?? randomUUID(),
          "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(text).digest("hex"),
        },
        body: text,
      });
      return { status: response.status, text: await response.text() };
    },
    async stop() {
      await running.close(2000);
      github.closeAllConnections();
      await new Promise<void>((resolve) => github.close(() => resolve()));
    },
  };
}
