/**
 * One file's content at one ref through the contents API, asked for in the raw media type (as Probot's
 * config loader does: up to 100 MB, one request). A server that answers with the JSON form instead
 * (base64 `content`) is understood too.
 */
import { isNotFound, type GitHubClient, type RepoRef } from "./client.js";

export type FileRead =
  | { status: "ok"; text: string; bytes: number }
  | { status: "missing" }
  | { status: "binary"; bytes: number }
  | { status: "too-large"; bytes: number }
  | { status: "not-a-file" };

/** Files larger than this are not decoded (the scanner's own cap for a file read whole). */
const DEFAULT_MAX_CONTENT_BYTES = 8 * 1024 * 1024;

export async function readFileAt(gh: GitHubClient, repo: RepoRef, path: string, ref: string | undefined, maxBytes = DEFAULT_MAX_CONTENT_BYTES): Promise<FileRead> {
  let data: unknown;
  try {
    const response = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner: repo.owner,
      repo: repo.repo,
      path,
      ...(ref !== undefined ? { ref } : {}),
      mediaType: { format: "raw" },
    });
    data = response.data;
  } catch (error) {
    if (isNotFound(error)) return { status: "missing" };
    throw error;
  }
  return decodeContent(data, maxBytes);
}

export function decodeContent(data: unknown, maxBytes: number): FileRead {
  let bytes: Buffer;
  if (typeof data === "string") {
    bytes = Buffer.from(data, "utf8");
  } else if (data instanceof ArrayBuffer) {
    bytes = Buffer.from(data);
  } else if (ArrayBuffer.isView(data)) {
    bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  } else if (Array.isArray(data)) {
    return { status: "not-a-file" };
  } else if (data && typeof data === "object") {
    const json = data as { type?: string; content?: string; encoding?: string; size?: number };
    if (json.type !== undefined && json.type !== "file") return { status: "not-a-file" };
    // The JSON form leaves `content` empty above 1 MB ("encoding": "none").
    if (typeof json.content !== "string" || (json.encoding !== undefined && json.encoding !== "base64")) {
      return { status: "too-large", bytes: json.size ?? 0 };
    }
    bytes = Buffer.from(json.content, "base64");
  } else {
    return { status: "missing" };
  }
  if (bytes.length > maxBytes) return { status: "too-large", bytes: bytes.length };
  if (bytes.subarray(0, 8000).includes(0)) return { status: "binary", bytes: bytes.length };
  return { status: "ok", text: bytes.toString("utf8"), bytes: bytes.length };
}
