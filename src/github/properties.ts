/**
 * The repository's data classification: its custom property value (the payload's
 * `repository.custom_properties` when the webhook carries it, else one REST call), else the config's
 * `classification`, else the repository's visibility. Reading property values needs only metadata read.
 */
import type { Classification as ConfigClassification } from "../core/config/config.js";
import { resolveClassification, type ResolvedClassification } from "../core/policy/classification.js";
import { describeApiError, httpStatus, isNotFound, type GitHubClient, type RepoRef } from "./client.js";

export interface Classification {
  value: string;
  /** Said in the summary, e.g. `custom property data_classification`. */
  source: string;
}

type PropertyValue = string | string[] | null | undefined;
/** A repository's custom property values, by property name. */
export type PropertyValues = Record<string, PropertyValue>;

/** The payload's `repository.visibility`, else its `private` flag mapped to it; undefined when neither. */
export function payloadVisibility(repository: unknown): string | undefined {
  const r = repository as { visibility?: unknown; private?: unknown } | null;
  if (typeof r?.visibility === "string" && r.visibility) return r.visibility;
  if (typeof r?.private === "boolean") return r.private ? "private" : "public";
  return undefined;
}

/** The payload's `repository.custom_properties` when it carries them (absent is not the same as empty). */
export function payloadCustomProperties(repository: unknown): PropertyValues | undefined {
  const value = (repository as { custom_properties?: unknown } | null)?.custom_properties;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as PropertyValues) : undefined;
}

interface ClassificationResult {
  /** Always set: property, config or visibility (see src/core/policy/classification.ts for the order). */
  classification: ResolvedClassification;
  notes: string[];
}

export async function readClassification(
  gh: GitHubClient,
  repo: RepoRef,
  options: {
    property: string;
    payloadProperties?: PropertyValues | null;
    configValue?: ConfigClassification;
    /** Where the config was read from, for the source text. */
    configFile?: string;
    /** The payload's `repository.visibility` (or `private` mapped to it). */
    visibility?: string;
  },
): Promise<ClassificationResult> {
  const notes: string[] = [];
  let value: PropertyValue;
  if (options.payloadProperties && typeof options.payloadProperties === "object") {
    value = options.payloadProperties[options.property];
  } else {
    try {
      const { data } = await gh.request("GET /repos/{owner}/{repo}/properties/values", { owner: repo.owner, repo: repo.repo });
      value = (data as Array<{ property_name: string; value: PropertyValue }>).find((p) => p.property_name === options.property)?.value;
    } catch (error) {
      // Custom properties are an organization feature: a user's repository has none (404), and GHES
      // versions before 3.12 lack the endpoint. Say so and go on with the config's value.
      notes.push(
        isNotFound(error) || httpStatus(error) === 403
          ? `The repository's custom property values could not be read (HTTP ${httpStatus(error)}); the classification comes from the config or the visibility.`
          : `The repository's custom property values could not be read (${describeApiError(error)}); the classification comes from the config or the visibility.`,
      );
    }
  }
  const resolved = resolveClassification({
    propertyName: options.property,
    ...(value !== undefined ? { propertyValue: value } : {}),
    ...(options.configValue ? { configValue: options.configValue } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.visibility ? { visibility: options.visibility } : {}),
  });
  notes.push(...resolved.problems);
  return { classification: resolved.classification, notes };
}
