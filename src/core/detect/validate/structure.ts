/**
 * Structure checks of tokens that embed data: base64 text, base64 JSON claims (Sentry, Grafana,
 * 1Password, Mapbox), and the confirmed/failed verdict a structure check gives.
 */
import type { Validation } from "../../types.js";

/** Decodes base64 or base64url text to a string, or undefined when it is not valid base64. */
export function decodeBase64(text: string): string | undefined {
  const cleaned = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/_-]*$/.test(cleaned)) return undefined;
  return Buffer.from(cleaned, "base64").toString("utf8");
}

/** The JSON object a base64 text encodes, or undefined. */
export function decodeJsonObject(text: string): Record<string, unknown> | undefined {
  const decoded = decodeBase64(text);
  if (decoded === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(decoded);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The verdict of a structure check named `check`. */
export function structureCheck(ok: boolean, check: string, note?: string): Validation {
  return ok ? { status: "confirmed", check } : { status: "failed", check, ...(note ? { note } : {}) };
}

/**
 * Atlassian Data Center tokens (Jira and Confluence personal access tokens, the body of Bitbucket's
 * `BBDC-` HTTP access tokens): 44 base64 characters encoding a 12-digit token id, `:` and 20 random bytes.
 */
export function isAtlassianDataCenterToken(body: string): boolean {
  if (!/^[A-Za-z0-9+/]{44}$/.test(body)) return false;
  const bytes = Buffer.from(body, "base64");
  return bytes.length === 33 && /^\d{12}:$/.test(bytes.subarray(0, 13).toString("latin1"));
}
