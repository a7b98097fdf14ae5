/**
 * The pre-flight decision on recorded Claude Code events: what blocks, what is only context, what the
 * replies look like (the JSON Claude Code reads), and that no reply carries a secret.
 */
import { describe, expect, it } from "@jest/globals";
import { decide, type HookDecision, type HookProtocol } from "../../src/hook/decide.js";
import { parseHookEvent } from "../../src/hook/event.js";
import { buildHookSetup } from "../../src/hook/setup.js";
import { emailLine, githubToken, password, privateKey, recorded, recordedText, type Fixture } from "../fixtures/hook/events.js";

const CWD = "/work/demo";

interface Options {
  configText?: string;
  ignoreText?: string;
  files?: Record<string, string>;
  protocol?: HookProtocol;
}

async function run(fixture: Fixture, slots: Record<string, string>, options: Options = {}): Promise<HookDecision> {
  const parsed = parseHookEvent(recordedText(fixture, { CWD, ...slots }));
  if (!parsed.ok) throw new Error(parsed.error);
  const setup = await buildHookSetup({
    ...(options.configText !== undefined ? { configText: options.configText } : {}),
    ...(options.ignoreText !== undefined ? { ignoreText: options.ignoreText } : {}),
  });
  expect(setup.errors).toEqual([]);
  return decide(parsed.event, {
    scanner: setup.scanner,
    config: setup.config,
    isIgnoredPath: setup.isIgnoredPath,
    root: CWD,
    readFile: (path) => options.files?.[path],
    ...(options.protocol ? { protocol: options.protocol } : {}),
  });
}

function reply(decision: HookDecision): Record<string, unknown> {
  return JSON.parse(decision.reply.stdout) as Record<string, unknown>;
}

function output(decision: HookDecision): string {
  return decision.reply.stdout + decision.reply.stderr;
}

/** Neither the value nor its random part (without a well-known prefix) appears anywhere in the output. */
function expectNoSecret(decision: HookDecision, secret: string) {
  const out = output(decision);
  expect(out).not.toContain(secret);
  expect(out).not.toContain(secret.slice(4));
  expect(out).not.toContain(secret.slice(-8));
}

const preToolReason = (d: HookDecision) => (reply(d)["hookSpecificOutput"] as Record<string, string>)["permissionDecisionReason"] ?? "";
const contextOf = (d: HookDecision) => (reply(d)["hookSpecificOutput"] as Record<string, string>)["additionalContext"] ?? "";

describe("UserPromptSubmit", () => {
  it("blocks a prompt holding a token, says what and where, and never repeats the token", async () => {
    const token = githubToken();
    const d = await run("user-prompt-submit", { PROMPT: `Deploy it.\nUse my token ${token} for the API calls.` });
    expect(d.verdict).toBe("block");
    expect(d.reply.exitCode).toBe(0);
    const r = reply(d);
    expect(r["decision"]).toBe("block");
    const reason = r["reason"] as string;
    expect(reason).toContain("GitHub personal access token");
    expect(reason).toContain("line 2, column 14"); // "Use my token " is 13 characters
    expect(reason).toMatch(/environment variable or a secret store/);
    expect(reason).toContain("GITHUB_TOKEN");
    // The transcript keeps the prompt: the person is told to rotate.
    expect(reason).toContain("transcript");
    expect(reason).toContain("rotate");
    expectNoSecret(d, token);
  });

  it("allows a clean prompt with no output at all", async () => {
    const d = await run("user-prompt-submit", { PROMPT: "Refactor the session store and add tests for token expiry." });
    expect(d.verdict).toBe("allow");
    expect(d.reply).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("honours an inline allow comment and the ignore file, as scans do", async () => {
    const token = githubToken("allowed");
    const allowed = await run("user-prompt-submit", { PROMPT: `test fixture ${token} claude-guard:allow` });
    expect(allowed.verdict).toBe("allow");
    const blocked = await run("user-prompt-submit", { PROMPT: `test fixture ${token}` });
    const fingerprint = blocked.blocking[0]?.finding.fingerprint ?? "";
    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const ignored = await run("user-prompt-submit", { PROMPT: `test fixture ${token}` }, { ignoreText: `${fingerprint}  # fixture in a prompt\n` });
    expect(ignored.verdict).toBe("allow");
  });

  it("passes personal data on as context, without blocking", async () => {
    const d = await run("user-prompt-submit", { PROMPT: `Add this row to the seed data: ${emailLine()}` });
    expect(d.verdict).toBe("context");
    const r = reply(d);
    expect(r["decision"]).toBeUndefined();
    expect((r["hookSpecificOutput"] as Record<string, string>)["hookEventName"]).toBe("UserPromptSubmit");
    expect(contextOf(d)).toMatch(/personal data/);
  });

  it("with the exit-code protocol, blocks with exit 2 and the reason on stderr", async () => {
    const token = githubToken("exit-code");
    const d = await run("user-prompt-submit", { PROMPT: `token ${token}` }, { protocol: "exit-code" });
    expect(d.reply.exitCode).toBe(2);
    expect(d.reply.stdout).toBe("");
    expect(d.reply.stderr).toContain("GitHub personal access token");
    expectNoSecret(d, token);
  });
});

describe("PreToolUse Write / Edit / MultiEdit", () => {
  it("denies a Write of a private key, with a fix, and without the key", async () => {
    const key = privateKey();
    const d = await run("pre-tool-use-write", { FILE: "deploy/id_rsa.pem", CONTENT: key + "\n" });
    expect(d.verdict).toBe("block");
    const r = reply(d);
    const specific = r["hookSpecificOutput"] as Record<string, string>;
    expect(specific["hookEventName"]).toBe("PreToolUse");
    expect(specific["permissionDecision"]).toBe("deny");
    expect(specific["permissionDecisionReason"]).toContain("private key");
    expect(specific["permissionDecisionReason"]).toContain("fix:");
    expect(specific["permissionDecisionReason"]).toContain("PRIVATE_KEY");
    expect(r["systemMessage"]).toContain("deploy/id_rsa.pem");
    for (const line of key.split("\n").filter((l) => !l.startsWith("-----"))) expect(output(d)).not.toContain(line);
  });

  it("gives the env-var form of the same line in the file's language", async () => {
    const token = githubToken("ts");
    const d = await run("pre-tool-use-write", { FILE: "src/client.ts", CONTENT: `import { Octokit } from "octokit";\nconst token = "${token}";\n` });
    const reason = preToolReason(d);
    expect(reason).toContain("line 2, column 16");
    expect(reason).toContain("const token = process.env.GITHUB_TOKEN;");
    expectNoSecret(d, token);

    const py = await run("pre-tool-use-write", { FILE: "app/settings.py", CONTENT: `GITHUB_TOKEN = '${token}'\n` });
    expect(preToolReason(py)).toContain(`GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]`);
  });

  it("reports an Edit's finding at its line in the file when the file can be read", async () => {
    const pw = password("edit");
    const file = `${CWD}/src/db.ts`;
    const before = "// database\nexport const config = {\n  host: \"localhost\",\n  password: \"\",\n};\n";
    const d = await run("pre-tool-use-edit", { FILE: "src/db.ts", OLD: `  password: "",`, NEW: `  password: "${pw}",` }, { files: { [file]: before } });
    expect(d.verdict).toBe("block");
    expect(preToolReason(d)).toContain("line 4, column 14");
    expect(preToolReason(d)).toContain("password: process.env.PASSWORD,");
    expectNoSecret(d, pw);
    // Without the file, the position is within the new text, and says so.
    const unknown = await run("pre-tool-use-edit", { FILE: "src/db.ts", OLD: `  password: "",`, NEW: `  password: "${pw}",` });
    expect(preToolReason(unknown)).toContain("the new text, line 1, column 14");
  });

  // Each finding's line was found by walking the text from its start: a Write of 45,000 phone numbers
  // took 10 s to decide. The lines are indexed once now.
  it("decides a Write of 50,000 findings in time that grows with their number, each at its own line", async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${emailLine()} // row ${i + 1}`);
    const started = Date.now();
    const d = await run("pre-tool-use-write", { FILE: "data/contacts.txt", CONTENT: lines.join("\n") + "\n" });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(d.reported).toHaveLength(50_000);
    expect(d.reported.map((l) => l.lineText)).toEqual(lines);
  });

  it("scans each edit of a MultiEdit and names the one that holds the credential", async () => {
    const token = githubToken("multi");
    const d = await run("pre-tool-use-multiedit", { FILE: "src/api.js", OLD1: "a", NEW1: "const retries = 3;", OLD2: "b", NEW2: `const auth = "${token}";` });
    expect(d.verdict).toBe("block");
    expect(preToolReason(d)).toContain("edit 2 of 2, line 1");
    expectNoSecret(d, token);
  });

  it("reports a placeholder password as context and allows the Write by default", async () => {
    const d = await run("pre-tool-use-write", { FILE: "config/db.py", CONTENT: `DB_PASSWORD = "changeme"\n` });
    expect(d.verdict).toBe("context");
    const specific = reply(d)["hookSpecificOutput"] as Record<string, string>;
    // No permission decision: Claude Code's own permission flow goes on as usual.
    expect(specific["permissionDecision"]).toBeUndefined();
    expect(specific["additionalContext"]).toMatch(/placeholder/i);
    expect(specific["additionalContext"]).toContain(`os.environ["DB_PASSWORD"]`);
  });

  it("denies the placeholder too in a restricted repository", async () => {
    const d = await run("pre-tool-use-write", { FILE: "config/db.py", CONTENT: `DB_PASSWORD = "changeme"\n` }, { configText: "classification: restricted\n" });
    expect(d.verdict).toBe("block");
    expect(preToolReason(d)).toContain("restricted");
  });

  it("only reports, never blocks, when the config says failOn: none", async () => {
    const token = githubToken("none");
    const d = await run("pre-tool-use-write", { FILE: "src/x.ts", CONTENT: `const t = "${token}";\n` }, { configText: "failOn: none\n" });
    expect(d.verdict).toBe("context");
    expect(contextOf(d)).toContain("reported only");
    expectNoSecret(d, token);
  });

  it("skips paths.ignore, and scans lockfiles: what Claude writes is scanned whatever the name", async () => {
    const token = githubToken("ignored");
    const ignored = await run("pre-tool-use-write", { FILE: "test/testdata/token.txt", CONTENT: token }, { configText: `paths:\n  ignore: ["**/testdata/**"]\n` });
    expect(ignored.verdict).toBe("allow");
    expect(ignored.notScanned).toContain("paths.ignore");
    const lock = await run("pre-tool-use-write", { FILE: "package-lock.json", CONTENT: `{"token": "${token}"}` });
    expect(lock.verdict).toBe("block");
  });

  it("uses the target path for config-file rules: an unquoted value is a literal in .env, not in code", async () => {
    const pw = password("dotenv");
    const env = await run("pre-tool-use-write", { FILE: ".env", CONTENT: `DB_PASSWORD=${pw}\n` });
    expect(env.verdict).toBe("block");
    expect(preToolReason(env)).toContain("DB_PASSWORD=");
    const code = await run("pre-tool-use-write", { FILE: "src/db.ts", CONTENT: `const DB_PASSWORD = ${pw.replace(/[^A-Za-z0-9]/g, "")};\n` });
    expect(code.verdict).toBe("allow");
  });

  it("passes personal data in a Write on as context", async () => {
    const d = await run("pre-tool-use-write", { FILE: "db/seed.sql", CONTENT: emailLine() + "\n" });
    expect(d.verdict).toBe("context");
    expect(contextOf(d)).toMatch(/personal data/);
  });
});

describe("PreToolUse Bash", () => {
  it("denies a curl with a token in a header, with the command in its env-var form", async () => {
    const token = githubToken("curl");
    const d = await run("pre-tool-use-bash", { COMMAND: `curl -H "Authorization: Bearer ${token}" https://api.github.com/user` });
    expect(d.verdict).toBe("block");
    expect(preToolReason(d)).toContain(`curl -H "Authorization: Bearer \${GITHUB_TOKEN}" https://api.github.com/user`);
    expectNoSecret(d, token);
  });

  it("denies a --password= flag", async () => {
    const pw = password("flag");
    const d = await run("pre-tool-use-bash", { COMMAND: `mysql -u root --password=${pw} shop` });
    expect(d.verdict).toBe("block");
    expect(preToolReason(d)).toMatch(/--password="\$\{[A-Z_]+\}" shop/);
    expectNoSecret(d, pw);
  });

  it("allows an ordinary command silently", async () => {
    const d = await run("pre-tool-use-bash", { COMMAND: "npm test -- --runInBand" });
    expect(d.reply).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });
});

describe("PostToolUse", () => {
  it("tells Claude not to repeat or commit a credential it just read from a file", async () => {
    const token = githubToken("read");
    const d = await run("post-tool-use-read", { FILE: ".env", CONTENT: `NODE_ENV=development\nGITHUB_TOKEN=${token}\n` });
    expect(d.verdict).toBe("context");
    const r = reply(d);
    expect((r["hookSpecificOutput"] as Record<string, string>)["hookEventName"]).toBe("PostToolUse");
    const context = contextOf(d);
    expect(context).toContain("line 2, column 14");
    expect(context).toMatch(/Do not repeat/);
    expect(context).toMatch(/do not commit|Do not commit/);
    expectNoSecret(d, token);
  });

  it("does the same for Bash output", async () => {
    const token = githubToken("cat");
    const d = await run("post-tool-use-bash", { COMMAND: "cat .env", STDOUT: `GITHUB_TOKEN=${token}` });
    expect(d.verdict).toBe("context");
    expect(contextOf(d)).toContain("output of this Bash command");
    expectNoSecret(d, token);
  });

  it("says nothing after reading a clean file", async () => {
    const d = await run("post-tool-use-read", { FILE: "src/x.ts", CONTENT: "export const x = 1;\n" });
    expect(d.reply).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });
});

describe("anything else", () => {
  it("allows other events and tools with a diagnostic on stderr", async () => {
    const stop = await run("stop", {});
    expect(stop.reply.exitCode).toBe(0);
    expect(stop.reply.stdout).toBe("");
    expect(stop.reply.stderr).toContain("nothing to check on Stop");

    const read = parseHookEvent(JSON.stringify({ ...recorded("pre-tool-use-bash", { CWD, COMMAND: "ls" }), tool_name: "Glob" }));
    if (!read.ok) throw new Error("parse");
    const setup = await buildHookSetup({});
    const d = decide(read.event, { scanner: setup.scanner, config: setup.config, isIgnoredPath: () => false, root: CWD });
    expect(d.reply.exitCode).toBe(0);
    expect(d.reply.stderr).toContain("PreToolUse Glob");
  });

  it("parses malformed input into an error, never an exception", () => {
    for (const text of ["", "not json", "[]", "42", "{}", `{"hook_event_name": 3}`, "{\"hook_event_name\": \"PreToolUse\""]) {
      const parsed = parseHookEvent(text);
      expect(parsed.ok).toBe(false);
    }
    const odd = parseHookEvent(JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "Write", tool_input: "nope", cwd: 5 }));
    expect(odd.ok).toBe(true);
  });
});
