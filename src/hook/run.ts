/**
 * `claude-guard hook`: the I/O around decide.ts. Reads one event from stdin, finds the project (the git
 * root of the event's `cwd`, else the cwd), loads its config and ignore file, asks decide(), writes the
 * reply, and appends an audit record when asked to.
 *
 * It answers within its own time budget (HOOK_BUDGET_MS, well under Claude Code's timeout), so that the
 * hook decides and never the timeout. When it cannot finish its check (malformed or refused input, its
 * time budget, an internal error) it allows the event with a warning the user sees, or blocks it where
 * the policy says so (`hook.failClosed`, on by default in a `restricted` repository), and says why. A
 * config error does not count: the hook goes on with the defaults for the keys that are wrong (which
 * still block credentials), and says so on stderr.
 */
import { existsSync, fstatSync, read, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { GuardConfig } from "../core/config/config.js";
import { hookFailsClosed } from "../core/config/hook-policy.js";
import { CONFIG_FILE } from "../core/files.js";
import { decide, eventTexts, type HookDecision, type HookProtocol } from "./decide.js";
import { appendAuditLine, auditIdentity, auditLogPath } from "./audit-log.js";
import { inputString, parseHookEvent, type HookEvent } from "./event.js";
import { cacheDirectory } from "../cache-dir.js";
import { loadHookPolicy, loadHookSetup } from "./setup.js";
import { toolVersion } from "../version.js";

export interface HookIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The event text; default: all of process.stdin. */
  readStdin?: () => Promise<string>;
  /** The time budget in milliseconds; default HOOK_BUDGET_MS. */
  budgetMs?: number;
}

interface HookRunOptions {
  /** Append one JSON line per decision to this file (also: CLAUDE_GUARD_AUDIT_LOG). */
  auditLog?: string;
  protocol?: HookProtocol;
}

/**
 * Larger events are not read whole (a Write of a huge generated file): not checked, see cannotCheck.
 * Reading and parsing this much takes a fraction of the time budget even on a loaded machine.
 */
export const MAX_EVENT_BYTES = 8 * 1024 * 1024;
/** The hook answers within this many milliseconds of starting, whatever the input. */
export const HOOK_BUDGET_MS = 2000;
/**
 * Most characters of one event the hook scans: about a quarter of the budget on a loaded machine. A
 * larger event (a Write of a huge generated file) is checked up to there and then counts as not checked.
 */
export const HOOK_MAX_SCAN_CHARS = 4 * 1024 * 1024;
/** Kept back from the budget for loading the hook's modules and writing the answer. */
const ANSWER_MARGIN_MS = 400;
/** Files read for an Edit's line numbers: beyond this, positions are given within the new text. */
const MAX_READ_FOR_LINES = 4 * 1024 * 1024;

/**
 * Milliseconds since the process started, as performance.now() counts them; that global loads Node's
 * perf_hooks modules on first use, a cost every event would pay.
 */
const sinceStart = (): number => process.uptime() * 1000;

export async function runHook(options: HookRunOptions, io: HookIO): Promise<number> {
  const budget = io.budgetMs ?? HOOK_BUDGET_MS;
  const deadline = sinceStart() + budget - Math.min(ANSWER_MARGIN_MS, budget / 4);
  const expired = (): boolean => sinceStart() >= deadline;
  const protocol: HookProtocol = options.protocol ?? (io.env["CLAUDE_GUARD_HOOK_PROTOCOL"] === "exit-code" ? "exit-code" : "json");
  let answered = false;
  /** The exit code of the answer given: a later call (the budget's timer, a late check) returns it too. */
  let answeredCode = 0;
  let eventName: string | undefined;
  let root: string | undefined;
  let config: GuardConfig | undefined;

  const answer = (code: number, stdout: string, stderr: string): number => {
    if (answered) return answeredCode;
    answered = true;
    answeredCode = code;
    if (stdout) io.stdout.write(stdout);
    if (stderr) io.stderr.write(stderr);
    return code;
  };
  /** The hook's own error or limit: allowed with a warning the user sees, or blocked where the policy says so. */
  const cannotCheck = async (why: string): Promise<number> => {
    if (answered) return answeredCode;
    const policy = config ?? (await policyOf(root ?? projectRoot(io.env["CLAUDE_PROJECT_DIR"] ?? io.cwd), cacheDirectory(io.env)));
    if (!hookFailsClosed(policy)) {
      const warning = `claude-guard could not check this event (${why}); allowed without a check`;
      return answer(0, protocol === "json" ? JSON.stringify({ systemMessage: warning }) + "\n" : "", `claude-guard: ${why}; allowed\n`);
    }
    const because = policy.hook?.failClosed === true ? `hook.failClosed is on in ${CONFIG_FILE}` : "this repository is restricted, where hook.failClosed is on unless the config turns it off";
    const reason = `claude-guard blocked this event: it could not finish its check (${why}), and ${because}. Retry, or ask whoever owns ${CONFIG_FILE}.`;
    if (protocol === "json" && eventName === "UserPromptSubmit") return answer(0, JSON.stringify({ decision: "block", reason }) + "\n", `claude-guard: ${why}; blocked\n`);
    if (protocol === "json" && eventName === "PreToolUse") {
      const reply = { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason }, systemMessage: reason };
      return answer(0, JSON.stringify(reply) + "\n", `claude-guard: ${why}; blocked\n`);
    }
    // Any other event, or an event that could not be read: exit 2 blocks whatever the event is.
    return answer(2, "", reason + "\n");
  };

  const check = async (): Promise<number> => {
    let text: string;
    try {
      text = await (io.readStdin ?? (() => readStdin(MAX_EVENT_BYTES, Math.max(1, deadline - sinceStart()))))();
    } catch (error) {
      return cannotCheck(`could not read the event: ${(error as Error).message}`);
    }
    const parsed = parseHookEvent(text);
    if (!parsed.ok) return cannotCheck(parsed.error);
    const event = parsed.event;
    eventName = event.hook_event_name;

    root = projectRoot(event.cwd ?? io.env["CLAUDE_PROJECT_DIR"] ?? io.cwd);
    const cacheDir = cacheDirectory(io.env);
    if (event.hook_event_name === "SessionEnd") return sessionEnd(options.auditLog ?? io.env["CLAUDE_GUARD_AUDIT_LOG"], root, event, cacheDir);
    const filePaths = inputString(event, "file_path") !== undefined || inputString(event, "notebook_path") !== undefined;
    const setup = await loadHookSetup(root, { ...(cacheDir !== undefined ? { cacheDir } : {}), texts: eventTexts(event, root).map((t) => t.slice(0, HOOK_MAX_SCAN_CHARS)), filePaths });
    config = setup.config;
    if (answered) return 0;
    if (setup.errors.length > 0) {
      io.stderr.write(
        `claude-guard: the configuration has ${setup.errors.length} error(s); the hook goes on with the defaults for what is wrong (credentials are still blocked):\n${setup.errors.map((e) => `  ${e}\n`).join("")}`,
      );
    }
    for (const warning of setup.warnings) io.stderr.write(`claude-guard: warning: ${warning}\n`);
    if (expired()) return cannotCheck(`its time budget of ${budget} ms ran out before the scan`);

    const decision = decide(event, {
      scanner: setup.scanner,
      config: setup.config,
      isIgnoredPath: setup.isIgnoredPath,
      root,
      readFile: readForLines,
      protocol,
      expired,
      maxChars: HOOK_MAX_SCAN_CHARS,
    });
    // A credential found before the budget ran out still blocks; otherwise an unfinished scan is no answer.
    if (decision.incomplete !== undefined && decision.verdict !== "block") return cannotCheck(`it did not scan all of ${decision.incomplete}`);
    const code = answer(decision.reply.exitCode, decision.reply.stdout, decision.reply.stderr);
    if (io.env["CLAUDE_GUARD_HOOK_TRACE"]) {
      io.stderr.write(`claude-guard: trace: verdict=${decision.verdict} rules=${setup.rulesLoaded} config=${setup.configCached ? "cached" : "parsed"} root=${root}\n`);
    }

    const auditLog = options.auditLog ?? io.env["CLAUDE_GUARD_AUDIT_LOG"];
    if (auditLog) await writeAudit(auditLog, root, decision, event.session_id, setup.config.classification, io);
    return code;
  };

  /** A session ended: its usage record, when there is a log to write it to; nothing to decide. */
  const sessionEnd = async (auditLog: string | undefined, at: string, event: HookEvent, cacheDir: string | undefined): Promise<number> => {
    if (!auditLog) return answer(0, "", "");
    try {
      const [{ writeSessionUsage }, policy] = await Promise.all([import("./usage.js"), policyOf(at, cacheDir)]);
      writeSessionUsage(auditLog, at, event, { env: io.env, classification: policy.classification, version: toolVersion() });
      return answer(0, "", "");
    } catch (error) {
      return answer(0, "", `claude-guard: could not write the session's usage record to ${auditLog}: ${(error as Error).message}\n`);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<number>((resolvePromise) => {
    timer = setTimeout(() => resolvePromise(cannotCheck(`no answer within its time budget of ${budget} ms`)), Math.max(0, deadline - sinceStart()));
  });
  try {
    return await Promise.race([check().catch((error: unknown) => cannotCheck(`internal error: ${(error as Error)?.message ?? String(error)}`)), outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}

/** The project's config, for `hook.failClosed` when the hook stops before it loaded it; the defaults' policy when unreadable. */
async function policyOf(root: string, cacheDir: string | undefined): Promise<Pick<GuardConfig, "hook" | "classification">> {
  try {
    return await loadHookPolicy(root, cacheDir);
  } catch {
    return { classification: undefined, hook: undefined };
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
      ...auditIdentity(io.env),
    });
    appendAuditLine(auditLogPath(file, root), record);
  } catch (error) {
    io.stderr.write(`claude-guard: could not write the audit record to ${file}: ${(error as Error).message}\n`);
  }
}


/**
 * All of stdin, as UTF-8, at most `maxBytes`, within `timeoutMs`. From a pipe, a socket or a file, read
 * straight from descriptor 0: process.stdin would load Node's streams stack, a tenth of the hook's
 * start-up. Anything else (a terminal, which is refused; /dev/null), or a descriptor that will not block
 * (EAGAIN), goes through process.stdin.
 */
function readStdin(maxBytes = MAX_EVENT_BYTES, timeoutMs = HOOK_BUDGET_MS): Promise<string> {
  let direct = false;
  try {
    const stat = fstatSync(0);
    direct = stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    // no descriptor 0 to look at: the stream says what is wrong
  }
  if (!direct) return readStream(process.stdin, [], maxBytes, timeoutMs);
  const started = sinceStart();
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`no end of input after ${Math.round(timeoutMs)} ms`)), timeoutMs);
    timer.unref();
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolvePromise(Buffer.concat(chunks).toString("utf8"));
    };
    const next = (): void => {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      read(0, buffer, 0, buffer.length, null, (error, bytes) => {
        if (settled) return;
        if ((error as NodeJS.ErrnoException | null)?.code === "EAGAIN") {
          settled = true;
          clearTimeout(timer);
          readStream(process.stdin, chunks, maxBytes, Math.max(1, timeoutMs - (sinceStart() - started))).then(resolvePromise, reject);
        } else if (error) finish(error);
        else if (bytes === 0) finish();
        else if ((size += bytes) > maxBytes) finish(new Error(`the event is larger than ${maxBytes} bytes`));
        else {
          chunks.push(buffer.subarray(0, bytes));
          next();
        }
      });
    };
    next();
  });
}

/** The rest of a stream after `chunks`, as UTF-8; refuses a terminal (nobody is going to type an event) and huge input. */
function readStream(stream: NodeJS.ReadStream, chunks: Buffer[], maxBytes: number, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    if (stream.isTTY) {
      reject(new Error("stdin is a terminal: Claude Code pipes one JSON event into this command (see `claude-guard hook --help`)"));
      return;
    }
    let size = chunks.reduce((n, c) => n + c.length, 0);
    const timer = setTimeout(() => finish(new Error(`no end of input after ${Math.round(timeoutMs)} ms`)), timeoutMs);
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
