/**
 * A tiny fake of GitHub's REST API (as GitHub Enterprise Server serves it, under /api/v3), shared by the
 * App's end-to-end test (test/app/e2e.test.ts) and the App's figures in `npm run bench` (bench/app.mjs,
 * which runs plain node on lib/, hence its place under src/): it records every request the App sends and
 * answers the endpoints the App calls, keeping check runs in memory like GitHub does (annotations
 * appended on each update). Test support only: nothing in the App imports it.
 */
import { CONFIG_FILE } from "../core/files.js";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
  at: number;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string;
  started_at: string;
  output: { title?: string; summary?: string; text?: string };
  annotations: Array<{ path: string; start_line: number; end_line: number; annotation_level: string; message: string }>;
  app: { id: number };
}

export interface FakeRepoData {
  owner: string;
  repo: string;
  config?: string;
  /** PR number -> commits (REST shape). */
  pullCommits: Map<number, unknown[]>;
  /** sha -> commit detail with files. */
  commitDetails: Map<string, unknown>;
  /** Other endpoints (e.g. the audit repository's issues), asked before the fake answers 404. */
  extra?: (request: { method: string; path: string; query: URLSearchParams; body: string }) => { status: number; data: unknown; headers?: Record<string, string> } | undefined;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  private server?: Server;
  private nextId = 1000;
  private listeners: Array<() => void> = [];
  port = 0;

  constructor(private readonly data: FakeRepoData) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves when `predicate` holds, re-checked after every request the fake answers. */
  waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out waiting for the App's requests")), timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method: req.method ?? "", path: path + url.search, body, at: Date.now() });
    const reply = (status: number, data: unknown, type = "application/json; charset=utf-8", headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(typeof data === "string" ? data : JSON.stringify(data));
      for (const listener of [...this.listeners]) listener();
    };
    const { owner, repo } = this.data;
    const repoPrefix = `/api/v3/repos/${owner}/${repo}`;
    let m: RegExpExecArray | null;

    if (req.method === "POST" && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return reply(201, { token: "fake-installation-token", expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} });
    }
    if (req.method === "GET" && (m = new RegExp(`^${repoPrefix}/commits/([0-9a-f]{40})/check-runs$`).exec(path))) {
      const runs = this.checkRuns.filter((r) => r.head_sha === m?.[1] && (!url.searchParams.get("check_name") || r.name === url.searchParams.get("check_name")));
      return reply(200, { total_count: runs.length, check_runs: runs.map((r) => ({ ...r, output: { ...r.output, annotations_count: r.annotations.length } })) });
    }
    if (req.method === "POST" && path === `${repoPrefix}/check-runs`) {
      const input = JSON.parse(body) as Partial<FakeCheckRun> & { output?: FakeCheckRun["output"] & { annotations?: FakeCheckRun["annotations"] } };
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: input.name ?? "",
        head_sha: input.head_sha ?? "",
        status: input.status ?? "queued",
        conclusion: input.conclusion ?? null,
        external_id: input.external_id ?? "",
        started_at: input.started_at ?? new Date().toISOString(),
        output: input.output ?? {},
        annotations: input.output?.annotations ?? [],
        app: { id: 123 },
      };
      this.checkRuns.push(run);
      return reply(201, run);
    }
    if (req.method === "PATCH" && (m = new RegExp(`^${repoPrefix}/check-runs/(\\d+)$`).exec(path))) {
      const run = this.checkRuns.find((r) => r.id === Number(m?.[1]));
      if (!run) return reply(404, { message: "Not Found" });
      const input = JSON.parse(body) as Partial<FakeCheckRun> & { output?: FakeCheckRun["output"] & { annotations?: FakeCheckRun["annotations"] } };
      if (input.status) run.status = input.status;
      if (input.conclusion) run.conclusion = input.conclusion;
      if (input.external_id !== undefined) run.external_id = input.external_id;
      if (input.output) {
        run.output = { title: input.output.title, summary: input.output.summary, ...(input.output.text !== undefined ? { text: input.output.text } : {}) };
        run.annotations.push(...(input.output.annotations ?? []));
      }
      return reply(200, run);
    }
    if (req.method === "GET" && path === `${repoPrefix}/contents/${CONFIG_FILE}`) {
      return this.data.config !== undefined ? reply(200, this.data.config, "application/vnd.github.raw; charset=utf-8") : reply(404, { message: "Not Found" });
    }
    if (req.method === "GET" && url.searchParams.has("ref") && (m = new RegExp(`^${repoPrefix}/contents/(.+)$`).exec(path))) {
      const text = this.headText(decodeURIComponent(m[1] as string));
      if (text !== undefined) return reply(200, text, "application/vnd.github.raw; charset=utf-8");
    }
    if (req.method === "GET" && (m = new RegExp(`^${repoPrefix}/pulls/(\\d+)/commits$`).exec(path))) {
      const all = this.data.pullCommits.get(Number(m[1])) ?? [];
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.ceil(all.length / perPage);
      const link: Record<string, string> = page < last ? { link: `<http://127.0.0.1:${this.port}${path}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
      return reply(200, slice, undefined, link);
    }
    if (req.method === "GET" && (m = new RegExp(`^${repoPrefix}/commits/([0-9a-f]{40})$`).exec(path))) {
      const detail = this.data.commitDetails.get(m[1] as string);
      return detail ? reply(200, detail) : reply(404, { message: "Not Found" });
    }
    if (req.method === "GET" && path === `${repoPrefix}/properties/values`) {
      return reply(200, [{ property_name: "data_classification", value: "internal" }]);
    }
    const answer = this.data.extra?.({ method: req.method ?? "", path, query: url.searchParams, body });
    if (answer) return reply(answer.status, answer.data, undefined, answer.headers ?? {});
    return reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  }

  /**
   * A file's text at the head as far as the commits' patches show it: each added line at its new line
   * number (lines no patch shows are empty), so the App finds an earlier commit's line still in place.
   * Undefined when no commit touches the path.
   */
  private headText(filePath: string): string | undefined {
    const lines: string[] = [];
    let touched = false;
    for (const detail of this.data.commitDetails.values()) {
      const files = (detail as { files?: Array<{ filename?: string; patch?: string }> }).files ?? [];
      for (const file of files) {
        if (file.filename !== filePath || typeof file.patch !== "string") continue;
        touched = true;
        let line = 0;
        for (const row of file.patch.split("\n")) {
          const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(row);
          if (hunk) line = Number(hunk[1]);
          else if (row.startsWith("+")) lines[line++ - 1] = row.slice(1);
          else if (!row.startsWith("-")) line++;
        }
      }
    }
    return touched ? Array.from(lines, (l) => l ?? "").join("\n") : undefined;
  }
}
