/**
 * The commented starter `.github/claude-guard.yml` that `claude-guard init` writes. Pure: the CLI
 * writes the text. Every key is present with its default or a safe value and a comment that says what
 * it does; examples of the policy keys are commented out. A test parses it with zero errors.
 */
import { SCHEMA_REF, type Classification } from "./schema.js";

interface StarterOptions {
  /** The repository's classification; absent: the line is written commented out. */
  classification?: Classification;
}

export function starterConfig(options: StarterOptions = {}): string {
  const classificationLine =
    options.classification !== undefined
      ? `classification: ${options.classification}`
      : "# classification: internal";
  return `# yaml-language-server: $schema=${SCHEMA_REF}
#
# claude-guard: what Claude Code may do in this repository, and how its changes are checked.
# Reference: docs/config.md in the claude-guard package. Unknown keys and wrong values are errors
# (claude-guard names the key and the line), so a typo never switches a check off silently.
# Org-wide settings live in the same file in the org's ".github" repository; this file may only
# tighten them. For a pull request, this file as it is on the base branch applies, never the PR's
# own version. Lines starting with "# key:" are examples: uncomment one in place of the line above.

# The repository's data classification: public | internal | confidential | restricted.
# The org custom property named below wins when set; without either, public repositories are
# "public" and the others "internal".
${classificationLine}

# Org custom property that holds each repository's classification (set by the org).
classificationProperty: data_classification

# Lowest severity that fails the check (and makes \`claude-guard scan\` exit 1):
# critical | high | medium | low | none.
failOn: high

# How Claude-authored commits are recognised (the Claude Code trailers are built in).
authorship:
  # Extra regular expressions matched on the commit message (case-insensitive; write /pattern/flags
  # to choose flags). Each is checked for catastrophic backtracking.
  markers: []
  # markers: ["^Assisted-by: acme-agent"]

# What is never scanned.
paths:
  # Path globs (the ** wildcard spans folders).
  ignore: []
  # ignore: ["**/testdata/**", "docs/generated/**"]

# Extra detectors for your own credential formats: an id, a regex (checked for catastrophic
# backtracking) and keywords (literals every match contains, for a fast prefilter).
rules: []
# rules:
#   - id: acme-internal-token
#     regex: "acme_[a-z0-9]{32}"
#     keywords: [acme_]
#     category: secret          # secret | placeholder | pii
#     severity: critical        # critical | high | medium | low
#     description: Acme internal API token; rotate it in the Acme console.

# Which Claude skills may run here, by skill name glob: the highest classification each may run in,
# and the GitHub teams whose members may run it. A skill must satisfy every pattern it matches.
skills: {}
# skills:
#   "code-review/*": { maxClassification: restricted }
#   "deploy/*": { maxClassification: internal, teams: [platform] }

# Per classification: the tool permissions (Claude Code permission rules) an agent may not hold in
# repositories of that classification, and the only MCP servers it may use there.
permissions: {}
# permissions:
#   restricted: { forbid: ["Bash(*)", "WebFetch"], mcpServers: [approved-server] }

# Signals that classify what a change contains; content above the repository's classification is a
# policy finding.
content:
  # Path globs and the classification of what they hold.
  paths: {}
  # paths: { "**/payments/**": confidential }
  # Changes made outside these hours in restricted repositories are flagged for review.
  # businessHours: { timezone: Europe/Berlin, days: [mon, tue, wed, thu, fri], start: "08:00", end: "19:00" }

# Inherit another repository's config (Probot's _extends): repo, owner/repo or owner/repo:path.
# _extends: shared-config

# The audit trail (audit.repository, audit.notify) is set in the org's .github repository only:
# a repository's config cannot redirect it.
`;
}
