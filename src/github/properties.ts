/**
 * The repository's data classification: its custom property value (the payload's
 * `repository.custom_properties` when the webhook carries it, else one REST call), else the config's
 * `classification`. Reading property values needs only metadata read.
 */
import { describeApiError, httpStatus, isNotFound, type GitHubClient, type RepoRef } from "./client.js";

export interface Classification {
  value: string;
  /** Said in the summary, e.g. `custom property data_classification`. */
  source: string;
}

type PropertyValue = string | string[] | null | undefined;

export interface ClassificationResult {
  classification?: Classification;
  notes: string[];
}

export async function readClassification(
  gh: GitHubClient,
  repo: RepoRef,
  options: { property: string; payloadProperties?: Record<string, PropertyValue> | null; configValue?: string },
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
          ? `The repository's custom property values could not be read (HTTP ${httpStatus(error)}); the classification comes from the config.`
          : `The repository's custom property values could not be read (${describeApiError(error)}); the classification comes from the config.`,
      );
    }
  }
  const propertyValue = Array.isArray(value) ? value[0] : value;
  if (typeof propertyValue === "string" && propertyValue.trim() !== "") {
    return { classification: { value: propertyValue.trim().toLowerCase(), source: `custom property ${options.property}` }, notes };
  }
  if (options.configValue) return { classification: { value: options.configValue, source: "config classification" }, notes };
  return { notes };
}
