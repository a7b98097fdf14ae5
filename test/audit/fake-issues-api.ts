/**
 * An in-memory fake of GitHub's issues and comments endpoints, served over node:http, for the
 * concurrency test: several App processes (each with its own Octokit) write to it at once. Each request
 * waits a random (seeded) delay before it takes effect and another before it answers, so writes from
 * different processes interleave as they do against GitHub. Like GitHub it offers no compare-and-swap:
 * a PATCH simply replaces the body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { prng } from "../../src/core/detect/fake.js";

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  created_at: string;
  labels: Array<{ name: string }>;
  user: { login: string; type: string };
  performed_via_github_app: { id: number; slug: string } | null;
  comments: FakeComment[];
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  performed_via_github_app: { id: number; slug: string } | null;
}

export class FakeIssuesApi {
  readonly issues = new Map<number, FakeIssue>();
  readonly requests: Array<{ method: string; path: string }> = [];
  private nextIssue = 1;
  private nextComment = 1;
  private server?: Server;
  private readonly random: () => number;
  port = 0;

  constructor(
    private readonly repoPath: string,
    private readonly app: { id: number; slug: string },
    options: { seed?: number; maxDelayMs?: number } = {},
  ) {
    this.random = prng(options.seed ?? 7);
    this.maxDelayMs = options.maxDelayMs ?? 12;
  }
  private readonly maxDelayMs: number;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

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

  openIssues(): FakeIssue[] {
    return [...this.issues.values()].filter((i) => i.state === "open");
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.floor(this.random() * this.maxDelayMs)));
  }

  private bot() {
    return { user: { login: `${this.app.slug}[bot]`, type: "Bot" }, performed_via_github_app: { ...this.app } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const input = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    this.requests.push({ method, path: url.pathname });
    await this.pause(); // before the effect
    const [status, data, headers] = this.apply(method, url, input);
    await this.pause(); // before the answer
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(data));
  }

  private page<T>(url: URL, items: T[]): [number, T[], Record<string, string>] {
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set("page", String(page + 1));
      headers["link"] = `<${this.baseUrl}${next.pathname}${next.search}>; rel="next"`;
    }
    return [200, slice, headers];
  }

  private apply(method: string, url: URL, input: Record<string, unknown>): [number, unknown, Record<string, string>] {
    const path = url.pathname;
    const base = this.repoPath;
    let m: RegExpExecArray | null;
    if (method === "GET" && path === `${base}/issues`) {
      const label = url.searchParams.get("labels");
      const state = url.searchParams.get("state") ?? "open";
      const list = [...this.issues.values()]
        .filter((i) => (state === "all" || i.state === state) && (!label || i.labels.some((l) => l.name === label)))
        .sort((a, b) => a.number - b.number)
        .map(({ comments: _comments, ...issue }) => issue);
      return this.page(url, list);
    }
    if (method === "POST" && path === `${base}/issues`) {
      const issue: FakeIssue = {
        number: this.nextIssue++,
        title: String(input["title"]),
        body: String(input["body"] ?? ""),
        state: "open",
        state_reason: null,
        created_at: new Date().toISOString(),
        labels: ((input["labels"] as string[] | undefined) ?? []).map((name) => ({ name })),
        ...this.bot(),
        comments: [],
      };
      this.issues.set(issue.number, issue);
      const { comments: _comments, ...shown } = issue;
      return [201, shown, {}];
    }
    if ((m = new RegExp(`^${base}/issues/(\\d+)$`).exec(path)) && method === "GET") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }, {}];
      const { comments: _comments, ...shown } = issue;
      return [200, shown, {}];
    }
    if ((m = new RegExp(`^${base}/issues/(\\d+)$`).exec(path)) && method === "PATCH") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }, {}];
      if (typeof input["body"] === "string") issue.body = input["body"];
      if (input["state"] === "closed" || input["state"] === "open") issue.state = input["state"];
      if (typeof input["state_reason"] === "string") issue.state_reason = input["state_reason"];
      return [200, { number: issue.number, state: issue.state }, {}];
    }
    if ((m = new RegExp(`^${base}/issues/(\\d+)/labels$`).exec(path)) && method === "POST") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }, {}];
      for (const name of (input["labels"] as string[]) ?? []) if (!issue.labels.some((l) => l.name === name)) issue.labels.push({ name });
      return [200, issue.labels, {}];
    }
    if ((m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path)) && method === "DELETE") {
      for (const issue of this.issues.values()) {
        const index = issue.comments.findIndex((c) => c.id === Number(m?.[1]));
        if (index !== -1) {
          issue.comments.splice(index, 1);
          return [204, "", {}];
        }
      }
      return [404, { message: "Not Found" }, {}];
    }
    if ((m = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(path))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }, {}];
      if (method === "GET") return this.page(url, issue.comments);
      if (method === "POST") {
        const comment: FakeComment = { id: this.nextComment++, body: String(input["body"]), ...this.bot() };
        issue.comments.push(comment);
        return [201, comment, {}];
      }
    }
    return [404, { message: "Not Found" }, {}];
  }
}
