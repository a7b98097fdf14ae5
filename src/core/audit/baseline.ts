/**
 * The installation baseline (issue 15): when the App is installed on repositories, it writes one record
 * per repository to the audit issue, `"type": "inventory-baseline"`, holding that repository's part of
 * the inventory (src/core/inventory: counts, logins, teams, dates, skills; never content, paths or
 * messages). The records are the baseline's checkpoint too: a repository whose signed record is in the
 * issue is not read again. Each record is a comment with a hidden marker signed with AUDIT_HMAC_KEY, as
 * audit records are (comment.ts), so that a person who can comment cannot forge one. Pure.
 * The JSON Schema of this shape is schema/inventory-baseline.v1.json; the two change together.
 */
import { parseJson } from "../bounded-parse.js";
import type { RepositoryInventory } from "../inventory/index.js";
import { codeBlock, codeSpan } from "../report/markdown.js";
import { plural } from "../report/plural.js";
import { jsonBlock } from "./comment.js";
import { signature, signatureMatches } from "./hash.js";

const BASELINE_SCHEMA = "https://unpkg.com/claude-guard/schema/inventory-baseline.v1.json";
const REPOSITORY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const BASELINE_MARKER = /^<!-- claude-guard:inventory-baseline v1 repo=([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}) sig=([0-9a-f]{32}) -->/;

/** Authors listed in a record (most commits first); the rest are counted in a note. */
export const MAX_BASELINE_AUTHORS = 200;

/**
 * A repository's inventory without the per-commit list, and with at most MAX_BASELINE_AUTHORS authors:
 * a comment holds at most 65536 characters, and a record too long to post would stop the baseline there.
 */
type BaselineRepository = Omit<RepositoryInventory, "claude"> & { claude: Omit<RepositoryInventory["claude"], "changes"> };

export interface InventoryBaselineRecord {
  $schema: string;
  version: 1;
  type: "inventory-baseline";
  /** ISO 8601, when the repository was read. */
  timestamp: string;
  /** The installation event's delivery. */
  session: { type: "installation"; id: string };
  repository: BaselineRepository;
  tool: { name: string; version: string };
}

export function buildBaselineRecord(input: { timestamp: string; deliveryId: string; inventory: RepositoryInventory; tool: { name: string; version: string } }): InventoryBaselineRecord {
  if (!REPOSITORY_NAME.test(input.inventory.name)) throw new Error("inventory baseline: repository name is not owner/name");
  const { changes: _changes, ...claude } = input.inventory.claude;
  const omitted = claude.authors.length - MAX_BASELINE_AUTHORS;
  const notes = [...(input.inventory.notes ?? []), ...(omitted > 0 ? [`${omitted} more Claude authors not listed (the ${MAX_BASELINE_AUTHORS} with the most commits are)`] : [])];
  return {
    $schema: BASELINE_SCHEMA,
    version: 1,
    type: "inventory-baseline",
    timestamp: new Date(input.timestamp).toISOString(),
    session: { type: "installation", id: input.deliveryId.replace(/[^A-Za-z0-9._:-]/g, "_").slice(0, 100) || "unknown" },
    repository: { ...input.inventory, claude: { ...claude, authors: claude.authors.slice(0, MAX_BASELINE_AUTHORS) }, ...(notes.length > 0 ? { notes } : {}) },
    tool: input.tool,
  };
}

/** JSON with every object's keys sorted: the signed form, whatever order a reader keeps the keys in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function signedText(name: string, record: unknown): string {
  return `inventory-baseline:v1\n${name}\n${canonicalJson(record)}`;
}

export function renderBaselineComment(record: InventoryBaselineRecord, key: string): string {
  const repo = record.repository;
  const agents = Object.values(repo.otherAgents).reduce((sum, n) => sum + n, 0);
  return [
    `<!-- claude-guard:inventory-baseline v1 repo=${repo.name} sig=${signature(key, signedText(repo.name, record))} -->`,
    `**Inventory baseline** · ${codeSpan(repo.name)} · classification ${codeSpan(repo.classification)}`,
    "",
    `${plural(repo.commitsRead, "commit")} read: ${plural(repo.claude.commits, "Claude commit")} (${plural(repo.claude.linesAdded, "added line")}, ${plural(repo.claude.authors.length, "author")}), ${plural(agents, "other agent's commit", "other agents' commits")}`,
    "",
    `<details><summary>Record (JSON, ${record.type} v${record.version})</summary>`,
    "",
    codeBlock(JSON.stringify(record, null, 2), "json"),
    "",
    "</details>",
  ].join("\n");
}

/**
 * The baseline record in a comment body, or undefined when the body is not one. `signed`: the marker's
 * signature matches the record under `key` (only signed records count as the checkpoint).
 */
export function parseBaselineComment(body: string, key: string): { record: InventoryBaselineRecord; signed: boolean } | undefined {
  const marker = BASELINE_MARKER.exec(body);
  const json = marker ? jsonBlock(body) : undefined;
  if (!marker || json === undefined) return undefined;
  let value: unknown;
  try {
    value = parseJson(json).value;
  } catch {
    return undefined;
  }
  const record = value as InventoryBaselineRecord | null;
  if (typeof record !== "object" || record === null || record.type !== "inventory-baseline" || record.repository?.name !== marker[1]) return undefined;
  return { record, signed: signatureMatches(key, signedText(marker[1], record), marker[2] as string) };
}
