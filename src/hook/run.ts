/**
 * `claude-guard hook`: the I/O around decide.ts. Reads one event from stdin, finds the project (the git
 * root of the event's `cwd`, else the cwd), loads its config and ignore file, asks decide(), writes the
 * reply, and appends an audit record when asked to.
 *
 * It must never break a Claude Code session: every failure (malformed input, an unreadable or invalid
 * config, an internal error) ends in "allow" (exit 0) with a diagnostic on stderr. A config error in
 * particular does not block everything: the hook goes on with the defaults for the keys that are wrong
 * (which still block credentials), and says so on stderr.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { decide, eventTexts, type HookDecision, type HookProtocol } from "./decide.js";
import { parseHookEvent } from "./event.js";
import { defaultCacheDir, loadHookSetup } from "./setup.js";

export interface HookIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The event text; default: all of process.stdin. */
  readStdin?: () => Promise<string>;
}

export interface HookRunOptions {
  /** Append one JSON line per decision to this file (also: CLAUDE_GUARD_AUDIT_LOG). */
  auditLog?: string;
  protocol?: HookProtocol;
}

/** Larger events are not read whole (a Write of a huge generated file): allowed with a diagnostic. */
export const MAX_EVENT_BYTES = 32 * 1024 * 1024;
const STDIN_TIMEOUT_MS = 15_000;
/** Files read for an Edit's line numbers: beyond this, positions are given within the new text. */
const MAX_READ_FOR_LINES = 4 * 1024 * 1024;

export async function runHook(options: HookRunOptions, io: HookIO): Promise<number> {
  const allow = (message: string): number => {
    io.stderr.write(`claude-guard: ${message}; allowed\n`);
    return 0;
  };
  try {
    let text: string;
    try {
      text = await (io.readStdin ?? (() => readStdin(process.stdin)))();
    } catch (error) {
      return allow(`could not read the event: ${(error as Error).message}`);
    }
    const parsed = parseHookEvent(text);
    if (!parsed.ok) return allow(parsed.error);
    const event = parsed.event;

    const root = projectRoot(event.cwd ?? io.env["CLAUDE_PROJECT_DIR"] ?? io.cwd);
    const cacheDir = defaultCacheDir(io.env);
    const setup = await loadHookSetup(root, { ...(cacheDir !== undefined ? { cacheDir } : {}), texts: eventTexts(event, root) });
    if (setup.errors.length > 0) {
      io.stderr.write(
        `claude-guard: the configuration has ${setup.errors.length} error(s); the hook goes on with the defaults for what is wrong (credentials are still blocked):\n${setup.errors.map((e) => `  ${e}\n`).join("")}`,
      );
    }
    for (const warning of setup.warnings) io.stderr.write(`claude-guard: warning: ${warning}\n`);

    const decision = decide(event, {
      scanner: setup.scanner,
      config: setup.config,
      isIgnoredPath: setup.isIgnoredPath,
      root,
      readFile: readForLines,
      protocol: options.protocol ?? (io.env["CLAUDE_GUARD_HOOK_PROTOCOL"] === "exit-code" ? "exit-code" : "json"),
    });
    if (decision.reply.stdout) io.stdout.write(decision.reply.stdout);
    if (decision.reply.stderr) io.stderr.write(decision.reply.stderr);
    if (io.env["CLAUDE_GUARD_HOOK_TRACE"]) {
      io.stderr.write(`claude-guard: trace: verdict=${decision.verdict} rules=${setup.rulesLoaded} config=${setup.configCached ? "cached" : "parsed"} root=${root}\n`);
    }

    const auditLog = options.auditLog ?? io.env["CLAUDE_GUARD_AUDIT_LOG"];
    if (auditLog) await writeAudit(auditLog, root, decision, event.session_id, setup.config.classification, io);
    return decision.reply.exitCode;
  } catch (error) {
    return allow(`internal error: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** The git root that holds `start` (a `.git` folder or file), else `start` itself. */
export function projectRoot(start: string): string {
  const from = resolve(start);
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

function readForLines(absolutePath: string): string | undefined {
  try {
    if (statSync(absolutePath).size > MAX_READ_FOR_LINES) return undefined;
    return readFileSync(absolutePath, "utf8");
  } catch {
    return undefined;
  }
}

async function writeAudit(file: string, root: string, decision: HookDecision, sessionId: string | undefined, classification: string | undefined, io: HookIO): Promise<void> {
  try {
    const { buildHookAuditRecord } = await import("./audit.js");
    const record = buildHookAuditRecord(decision, {
      version: toolVersion(),
      ...(sessionId !== undefined ? { sessionId } : {}),
      ...(classification !== undefined ? { classification } : {}),
      ...(io.env["AUDIT_HMAC_KEY"] ? { hmacKey: io.env["AUDIT_HMAC_KEY"] } : {}),
      ...(io.env["CLAUDE_GUARD_AUDIT_USER"] ? { user: io.env["CLAUDE_GUARD_AUDIT_USER"] } : {}),
      ...(io.env["CLAUDE_GUARD_AUDIT_TEAM"] ? { team: io.env["CLAUDE_GUARD_AUDIT_TEAM"] } : {}),
    });
    const target = isAbsolute(file) ? file : join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    // One write per record with O_APPEND: concurrent hook processes do not interleave lines.
    appendFileSync(target, JSON.stringify(record) + "\n", { mode: 0o600 });
  } catch (error) {
    io.stderr.write(`claude-guard: could not write the audit record to ${file}: ${(error as Error).message}\n`);
  }
}

function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** All of a stream, as UTF-8; refuses a terminal (nobody is going to type an event) and huge input. */
export function readStdin(stream: NodeJS.ReadStream, maxBytes = MAX_EVENT_BYTES, timeoutMs = STDIN_TIMEOUT_MS): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    if (stream.isTTY) {
      reject(new Error("stdin is a terminal: Claude Code pipes one JSON event into this command (see `claude-guard hook --help`)"));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new Error(`no end of input after ${timeoutMs / 1000} s`)), timeoutMs);
    timer.unref();
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stream.removeAllListeners("data").removeAllListeners("end").removeAllListeners("error");
      // Reading stops here; an open stdin must not keep the process alive.
      if (error) stream.destroy();
      if (error) reject(error);
      else resolvePromise(Buffer.concat(chunks).toString("utf8"));
    };
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new Error(`the event is larger than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    stream.on("end", () => finish());
    stream.on("error", (error) => finish(error));
  });
}
