/**
 * The repository's data classification and where it came from, first found wins:
 *   1. the org custom property named by `classificationProperty` (default `data_classification`);
 *   2. the repository config's `classification`;
 *   3. a default from the repository's visibility: public -> `public`, private and internal -> `internal`;
 *   4. without GitHub (the CLI), the `--classification` flag stands where the custom property would:
 *      it is the person running the scan saying what the repository is, so it beats the config.
 *   5. nothing known at all (the CLI with no flag and no config value): `internal`, the default for a
 *      repository that is not known to be public, and the source says so.
 * A property value that is not one of the four classifications is reported (`problems`) and skipped,
 * never silently used: `Confidential ` (case, spaces) is accepted as `confidential`, `secret` is not.
 * Pure.
 */
import { CLASSIFICATIONS, type Classification } from "../config/config.js";
import { CONFIG_FILE } from "../files.js";

export interface ResolvedClassification {
  value: Classification;
  /** For people: "custom property data_classification", "config .github/claude-guard.yml", … */
  source: string;
}

export interface ClassificationInputs {
  /** The custom property's value; an array (multi-select property) counts by its first entry. */
  propertyValue?: string | string[] | null;
  /** The custom property's name (the config's `classificationProperty`). */
  propertyName: string;
  /** The effective config's `classification`. */
  configValue?: Classification;
  /** Where the config value was read from, for the source text (default `.github/claude-guard.yml`). */
  configFile?: string;
  /** GitHub's `repository.visibility` (`public`, `private`, `internal`), or `private: true/false` mapped to it. */
  visibility?: string;
  /** The CLI's `--classification`. */
  cliValue?: Classification;
  /** How the door names the last resort (the CLI: "no --classification flag and no classification in the config"). */
  defaultSource?: string;
}

export interface ClassificationResolution {
  classification: ResolvedClassification;
  /** Values that were not used and why (an invalid custom property value). Shown as notes or warnings. */
  problems: string[];
}

export function parseClassification(value: unknown): Classification | undefined {
  if (typeof value !== "string") return undefined;
  const normalized = value.trim().toLowerCase();
  return (CLASSIFICATIONS as readonly string[]).includes(normalized) ? (normalized as Classification) : undefined;
}

export function resolveClassification(inputs: ClassificationInputs): ClassificationResolution {
  const problems: string[] = [];
  const raw = Array.isArray(inputs.propertyValue) ? inputs.propertyValue[0] : inputs.propertyValue;
  if (typeof raw === "string" && raw.trim() !== "") {
    const value = parseClassification(raw);
    if (value) return { classification: { value, source: `custom property ${inputs.propertyName}` }, problems };
    problems.push(
      `The custom property ${inputs.propertyName} holds ${JSON.stringify(raw)}, which is not a classification (expected one of ${CLASSIFICATIONS.join(", ")}); ` +
        `it was ignored. Fix the property value in the organization's settings.`,
    );
  }
  if (inputs.cliValue) return { classification: { value: inputs.cliValue, source: "--classification" }, problems };
  if (inputs.configValue) return { classification: { value: inputs.configValue, source: `config ${inputs.configFile ?? CONFIG_FILE}` }, problems };
  const visibility = inputs.visibility?.trim().toLowerCase();
  if (visibility === "public") return { classification: { value: "public", source: "repository visibility (public)" }, problems };
  if (visibility === "private" || visibility === "internal") {
    return { classification: { value: "internal", source: `repository visibility (${visibility})` }, problems };
  }
  return {
    classification: { value: "internal", source: `default, as no ${inputs.defaultSource ?? "custom property, config classification or visibility"} says otherwise` },
    problems,
  };
}
