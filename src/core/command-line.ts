/**
 * What every door's command line shares: option parsing whose mistakes come back as sentences with a
 * "did you mean", and the sentences for the system errors (`ENOENT`, `ENOTFOUND`, ...) their work may
 * meet. Pure: it only reads the arguments and error objects it is given.
 */
import { parseArgs } from "node:util";

type OptionTable = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** A mistake in the command line, said as a sentence. */
class CommandLineError extends Error {}

/** The candidate a mistyped word most likely meant (a few letters off, or a prefix of it), if any. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  // One edit in four letters (at least one): "instal", "--formt", "scna"; not two unrelated words.
  const allowed = Math.max(1, Math.floor(best.candidate.length / 4));
  if (best.distance <= allowed) return best.candidate;
  const prefixed = candidates.filter((c) => word.length >= 3 && c.toLowerCase().startsWith(word.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, (rows[i - 2]?.[j - 2] as number) + 1);
    }
  }
  return rows[a.length]?.[b.length] as number;
}

/** ` (did you mean "x"?)` for a mistyped word, or nothing. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = closestWord(word, candidates);
  return guess === undefined ? "" : `; did you mean "${guess}"?`;
}

/** The error for a word that is not one of the commands (or subcommands) expected there. */
export function unknownCommand(what: string, word: string, known: readonly string[]): CommandLineError {
  return new CommandLineError(`unknown ${what} "${word}"${didYouMean(word, known) || `; use ${known.join(", ")}`}`);
}

/**
 * node:util's parseArgs (strict), with its mistakes as sentences: an unknown option names the closest
 * known one, and an option missing its value says which value it takes.
 */
export function parseFlags<T extends OptionTable>(args: readonly string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const given = /'(-{1,2}[^'=]*)/.exec(message)?.[1] ?? "";
      const known = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
      const guess = closestWord(given, known);
      return fail(`unknown option ${given}${guess ? `; did you mean ${guess}?` : ""}`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const word = /'([^']*)'/.exec(message)?.[1] ?? "";
      return fail(`unexpected argument "${word}": this command takes options only`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const flag = /(--[\w-]+)/.exec(message)?.[1] ?? "the option";
      return fail(options[flag.slice(2)]?.type === "boolean" ? `${flag} takes no value` : `${flag} needs a value`);
    }
    return fail(message.replace(/\. To specify.*$/s, ""));
  }
}

function fail(message: string): never {
  throw new CommandLineError(message);
}

// ---- System errors as sentences -------------------------------------------------------------------

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "something of that name is already there",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EMFILE: "too many files are open",
  ENAMETOOLONG: "the name is too long",
  ENOTEMPTY: "the folder is not empty",
  EBUSY: "it is busy",
  ENOTFOUND: "cannot resolve host",
  EAI_AGAIN: "cannot resolve host (the name lookup failed; is the network up?)",
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
};

const ACTIONS: Record<string, string> = {
  open: "open",
  read: "read",
  write: "write",
  mkdir: "create the folder",
  rmdir: "remove the folder",
  scandir: "list the folder",
  stat: "read",
  lstat: "read",
  rename: "rename",
  unlink: "remove",
  copyfile: "copy",
  access: "reach",
  spawn: "start",
};

interface SystemErrorLike {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  hostname?: unknown;
  cause?: unknown;
  message?: unknown;
}

/** The first error in a chain of causes (fetch wraps the network's in two) that carries a system code. */
function systemError(error: unknown): SystemErrorLike | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as SystemErrorLike;
    if (typeof e.code === "string" && REASONS[e.code] !== undefined) return e;
    current = e.cause;
  }
  return undefined;
}

/**
 * A system error as a sentence ("cannot create the folder /x/y: a part of the path is a file, not a
 * folder"; "cannot resolve host api.example.com"), or undefined when the error is not one.
 */
export function describeSystemError(error: unknown): string | undefined {
  const e = systemError(error);
  if (!e) return undefined;
  const code = e.code as string;
  const reason = REASONS[code] as string;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    const host = typeof e.hostname === "string" ? e.hostname : /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(String(e.message))?.[1];
    return host ? `${reason.replace("host", `host ${host}`)}` : reason;
  }
  const action = typeof e.syscall === "string" ? ACTIONS[e.syscall] : undefined;
  if (typeof e.path === "string") return `cannot ${action ?? "use"} ${e.path}: ${reason}`;
  return reason;
}

/** Why a call failed, in words ("no such file or folder"), for a message that already says what failed. */
export function errorReason(error: unknown): string {
  const code = systemError(error)?.code;
  return typeof code === "string" ? (REASONS[code] as string) : firstLine(error);
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n", 1)[0] as string;
}

/** Any error's message for a person: a system error as a sentence, else the first line of its message. */
export function errorSentence(error: unknown): string {
  return describeSystemError(error) ?? firstLine(error);
}
