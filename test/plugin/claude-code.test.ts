/**
 * The plugin in the real Claude Code client (the npm package @anthropic-ai/claude-code, installed here),
 * offline: a throwaway HOME, the model API answered by a local stand-in (ANTHROPIC_BASE_URL), the
 * repository's committed files copied as a clean clone holds them (no lib/, no node_modules; dist/ as
 * built). `claude plugin validate`, `plugin marketplace add` and `plugin install`, then a session started
 * in a subfolder of a project sends a prompt holding a generated token: the plugin's hook blocks it and
 * the token never reaches the model.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { githubToken } from "../fixtures/hook/events.js";

/**
 * The client, pinned, installed by this test from the npm registry into node_modules/.cache rather than
 * listed as a devDependency: its engines field asks for Node >= 22, so `npm ci --engine-strict` (CI,
 * Node 20) would refuse the whole install. The client is a native binary and needs no Node to run.
 */
const CLIENT_VERSION = "2.1.332";
const CLIENT_DIR = resolve("node_modules/.cache/claude-code-client", CLIENT_VERSION);
const CLAUDE = join(CLIENT_DIR, "node_modules/.bin/claude");

function installClient(): void {
  if (existsSync(CLAUDE)) return;
  mkdirSync(CLIENT_DIR, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--prefix", CLIENT_DIR, "--no-save", "--no-package-lock", "--engine-strict=false", "--no-audit", "--no-fund", `@anthropic-ai/claude-code@${CLIENT_VERSION}`], { stdio: "ignore", timeout: 600000 });
}
let work: string;
let home: string;
let server: Server;
let baseUrl: string;
const modelRequests: string[] = [];

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env["PATH"],
    HOME: home,
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-dummy-for-a-local-stand-in",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_GUARD_CACHE_DIR: join(work, "cg-cache"),
  };
}

function claude(args: string[], cwd: string) {
  const out = spawnSync(CLAUDE, args, { cwd, env: env(), encoding: "utf8", timeout: 120000 });
  return { code: out.status, stdout: out.stdout ?? "", stderr: out.stderr ?? "", error: out.error };
}

/** A stand-in for the Messages API: one short text answer, streamed (SSE) when the client asks for it. */
function standIn(): Server {
  return createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (req.url?.startsWith("/v1/messages/count_tokens")) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ input_tokens: 10 }));
        return;
      }
      if (!req.url?.startsWith("/v1/messages")) {
        res.writeHead(404, { "content-type": "application/json" }).end("{}");
        return;
      }
      modelRequests.push(body);
      const parsed = JSON.parse(body || "{}") as { stream?: boolean; model?: string };
      const message = { id: "msg_standin", type: "message", role: "assistant", model: parsed.model ?? "stand-in", content: [] as unknown[], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
      if (!parsed.stream) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...message, content: [{ type: "text", text: "ok" }], stop_reason: "end_turn" }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send("message_start", { type: "message_start", message });
      send("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
      send("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "ok" } });
      send("content_block_stop", { type: "content_block_stop", index: 0 });
      send("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 1 } });
      send("message_stop", { type: "message_stop" });
      res.end();
    });
  });
}

beforeAll(async () => {
  installClient();
  work = mkdtempSync(join(tmpdir(), "cg-plugin-"));
  home = join(work, "home");
  mkdirSync(home);
  server = standIn();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 660000);
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

describe("the Claude Code plugin in the real client", () => {
  it("validates, installs from the repository's marketplace, and blocks a token in a prompt from a subfolder session", () => {
    // beforeAll installs the client (its postinstall puts the native binary in place); npm run test:e2e builds dist/.
    expect({ client: existsSync(CLAUDE), hookBundle: existsSync(resolve("dist/hook/hook/cli.js")) }).toEqual({ client: true, hookBundle: true });
    // The repository as a clone holds it: the files git tracks (and the plugin files being added), with
    // dist/ as built; no lib/, no node_modules.
    const source = join(work, "claude-guard");
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { encoding: "utf8" }).split("\0").filter((f) => f && existsSync(f));
    for (const file of files) {
      mkdirSync(dirname(join(source, file)), { recursive: true });
      cpSync(file, join(source, file));
    }
    expect(existsSync(join(source, "lib"))).toBe(false);

    const validate = claude(["plugin", "validate", source], work);
    expect(validate.stdout + validate.stderr).toContain("Validation passed");
    const added = claude(["plugin", "marketplace", "add", source], work);
    expect(added.code).toBe(0);
    const installed = claude(["plugin", "install", "secret-preflight@claude-guard"], work);
    expect(installed.code).toBe(0);

    // A project with its own folders; the session starts in one of them.
    const project = join(work, "project");
    mkdirSync(join(project, "services", "api"), { recursive: true });
    execFileSync("git", ["init", "-q", project]);
    const token = githubToken("plugin-e2e");
    const session = claude(["-p", `deploy with ${token} please`, "--output-format", "stream-json", "--verbose"], join(project, "services", "api"));
    const output = session.stdout + session.stderr;
    expect(output).toContain("claude-guard stopped this prompt");
    // The model never saw the token (a blocked prompt makes no request with it).
    expect(modelRequests.some((body) => body.includes(token))).toBe(false);
  }, 300000);
});
