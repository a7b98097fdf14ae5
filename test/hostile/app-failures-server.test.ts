/**
 * Hostile conditions for the App (issue 10, "silent failures"): every failed job is logged at error level
 * with its delivery id, through Probot's logger (the queue's too), and leaves a completed check run
 * saying why whenever GitHub lets the App create one.
 *
 * Here the server as `npm start` builds it (startServer, in process) against a local GitHub that
 * rejects the App's credentials with 401 for every request (no nock in this file: it would intercept
 * the webhooks sent to the server).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Writable } from "node:stream";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../src/app/server.js";
import { payload } from "../app/github-fixtures.js";

interface LogLine {
  level: number;
  msg: string;
  deliveryId?: string;
  [key: string]: unknown;
}

const ERROR = 50;
const WARN = 40;

/** A pino logger whose JSON lines land in `lines`. */
function capturingLogger(): { log: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n")) if (text.trim()) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines };
}

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("the server, with credentials GitHub rejects (401 on every request)", () => {
  const SECRET = "hostile-" + randomUUID();
  const requests: string[] = [];
  let github: Server;
  let running: RunningServer;
  const captured = capturingLogger();

  beforeAll(async () => {
    github = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest" }));
    });
    await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
    const address = github.address();
    const githubPort = typeof address === "object" && address ? address.port : 0;
    running = await startServer(
      { port: 0, host: "127.0.0.1", appId: 123, privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(), webhookSecret: SECRET, baseUrl: `http://127.0.0.1:${githubPort}/api/v3`, logLevel: "debug", mode: "background" },
      captured.log,
    );
  });

  afterAll(async () => {
    await running.close(2000);
    github.closeAllConnections();
    await new Promise<void>((resolve) => github.close(() => resolve()));
  });

  async function send(event: string, body: unknown, delivery: string): Promise<number> {
    const text = JSON.stringify(body);
    const response = await fetch(`http://127.0.0.1:${running.port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": delivery,
        "x-hub-signature-256": "sha256=" + createHmac("sha256", SECRET).update(text).digest("hex"),
      },
      body: text,
    });
    await response.text();
    return response.status;
  }

  it("logs the failed scan at error level with the delivery id, not only a warning", async () => {
    const delivery = randomUUID();
    expect(await send("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), delivery)).toBe(200);
    await running.queue.idle();
    await until(() => captured.lines.some((l) => l.level >= ERROR && l.deliveryId === delivery), "an error line");

    const mine = captured.lines.filter((l) => l.deliveryId === delivery);
    const errors = mine.filter((l) => l.level >= ERROR);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]?.msg).toMatch(/check run could not be created/);
    expect(String(errors[0]?.["reason"])).toMatch(/401/);
    // The warning about the lookup is not the only trace any more.
    expect(mine.some((l) => l.level === WARN)).toBe(true);
    // GitHub refused everything: no check run could be created, and the App did try.
    expect(requests.some((r) => r.startsWith("POST /api/v3/app/installations/"))).toBe(true);
  });

  it("logs a failed button job through Probot's logger: the queue is the one built with it", async () => {
    const delivery = randomUUID();
    expect(await send("check_run", payload("check-run-show-ignore-lines-button"), delivery)).toBe(200);
    await running.queue.idle();
    await until(() => captured.lines.some((l) => l.level >= ERROR && l.deliveryId === delivery), "the queue's error line");
    const line = captured.lines.find((l) => l.level >= ERROR && l.deliveryId === delivery);
    expect(line?.msg).toBe("scan job failed");
    expect(String(line?.["error"])).toMatch(/credentials|401/i);
  });
});

