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
