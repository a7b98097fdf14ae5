/**
 * Per-finding advice for the check run and the job summary: which environment variable the value
 * should move to, how the file's language reads it, and which comment suppresses a false positive on
 * that line. Pure: derived from the path, the rule id and the finding's message only.
 */
import type { Finding } from "../types.js";
import { ALLOW_COMMENT } from "./meta.js";

export interface FileLanguage {
  /** Stable id, e.g. "typescript", "python", "github-workflow". */
  id: string;
  /** Human name, e.g. "TypeScript". */
  name: string;
  /** The expression (or line) that reads the environment variable `env` in this language. */
  read: (env: string) => string;
  /** A short note on where the value then lives, when the snippet alone does not say it. */
  note?: string;
  /** The inline comment that suppresses a finding on its line; undefined when the format has no comments. */
  allow?: string;
}

const hashComment = `# ${ALLOW_COMMENT}`;
const slashComment = `// ${ALLOW_COMMENT}`;

const LANGUAGES = {
  javascript: { id: "javascript", name: "JavaScript", read: (e: string) => `process.env.${e}`, allow: slashComment },
  typescript: { id: "typescript", name: "TypeScript", read: (e: string) => `process.env.${e}`, allow: slashComment },
  python: { id: "python", name: "Python", read: (e: string) => `os.environ["${e}"]`, allow: hashComment },
  java: { id: "java", name: "Java", read: (e: string) => `System.getenv("${e}")`, allow: slashComment },
  kotlin: { id: "kotlin", name: "Kotlin", read: (e: string) => `System.getenv("${e}")`, allow: slashComment },
  groovy: { id: "groovy", name: "Groovy", read: (e: string) => `System.getenv("${e}")`, allow: slashComment },
  scala: { id: "scala", name: "Scala", read: (e: string) => `sys.env("${e}")`, allow: slashComment },
  go: { id: "go", name: "Go", read: (e: string) => `os.Getenv("${e}")`, allow: slashComment },
  ruby: { id: "ruby", name: "Ruby", read: (e: string) => `ENV.fetch("${e}")`, allow: hashComment },
  php: { id: "php", name: "PHP", read: (e: string) => `getenv('${e}')`, allow: slashComment },
  csharp: { id: "csharp", name: "C#", read: (e: string) => `Environment.GetEnvironmentVariable("${e}")`, allow: slashComment },
  rust: { id: "rust", name: "Rust", read: (e: string) => `std::env::var("${e}")`, allow: slashComment },
  swift: { id: "swift", name: "Swift", read: (e: string) => `ProcessInfo.processInfo.environment["${e}"]`, allow: slashComment },
  elixir: { id: "elixir", name: "Elixir", read: (e: string) => `System.fetch_env!("${e}")`, allow: hashComment },
  dart: { id: "dart", name: "Dart", read: (e: string) => `Platform.environment['${e}']`, allow: slashComment },
  c: { id: "c", name: "C/C++", read: (e: string) => `getenv("${e}")`, allow: slashComment },
  lua: { id: "lua", name: "Lua", read: (e: string) => `os.getenv("${e}")`, allow: `-- ${ALLOW_COMMENT}` },
  perl: { id: "perl", name: "Perl", read: (e: string) => `$ENV{${e}}`, allow: hashComment },
  r: { id: "r", name: "R", read: (e: string) => `Sys.getenv("${e}")`, allow: hashComment },
  shell: { id: "shell", name: "shell", read: (e: string) => `"\${${e}}"`, note: "set it in the environment that runs the script", allow: hashComment },
  powershell: { id: "powershell", name: "PowerShell", read: (e: string) => `$env:${e}`, allow: hashComment },
  makefile: { id: "makefile", name: "Makefile", read: (e: string) => `$(${e})`, note: "pass it from the environment", allow: hashComment },
  githubWorkflow: {
    id: "github-workflow",
    name: "GitHub Actions workflow",
    read: (e: string) => `\${{ secrets.${e} }}`,
    note: "add the secret under Settings > Secrets and variables > Actions",
    allow: hashComment,
  },
  compose: { id: "compose", name: "Compose file", read: (e: string) => `\${${e}}`, note: "Compose substitutes it from the environment or an untracked .env file", allow: hashComment },
  yaml: { id: "yaml", name: "YAML", read: (e: string) => `\${${e}}`, note: "substituted from the environment or a secret store at deploy time", allow: hashComment },
  dotenv: {
    id: "dotenv",
    name: ".env file",
    read: (e: string) => `${e}=`,
    note: "keep .env files out of Git (.gitignore) and commit only an example file with empty values",
    allow: hashComment,
  },
  dockerfile: {
    id: "dockerfile",
    name: "Dockerfile",
    read: (e: string) => `RUN --mount=type=secret,id=${e.toLowerCase()},env=${e} <command>`,
    note: "pass it with docker build --secret: a build secret never lands in an image layer",
    allow: hashComment,
  },
  terraform: {
    id: "terraform",
    name: "Terraform",
    read: (e: string) => `var.${e.toLowerCase()}`,
    note: "declare the variable with `sensitive = true` and set it through TF_VAR_ or a secret store",
    allow: hashComment,
  },
  properties: { id: "properties", name: "properties file", read: (e: string) => `\${${e}}`, allow: hashComment },
  toml: { id: "toml", name: "TOML", read: (e: string) => `${e}`, note: "TOML cannot read the environment: load the value in code from this variable", allow: hashComment },
  ini: { id: "ini", name: "INI file", read: (e: string) => `${e}`, note: "read it from this environment variable in the code that loads the file", allow: "; " + ALLOW_COMMENT },
  json: { id: "json", name: "JSON", read: (e: string) => `${e}`, note: "JSON cannot read the environment: load the value in code from this variable" },
  xml: { id: "xml", name: "XML", read: (e: string) => `\${${e}}`, note: "most XML configs (Maven, Spring) substitute it from the environment", allow: `<!-- ${ALLOW_COMMENT} -->` },
  sql: { id: "sql", name: "SQL", read: (e: string) => `${e}`, note: "pass it from the environment when the script runs, never in the script", allow: `-- ${ALLOW_COMMENT}` },
  markdown: { id: "markdown", name: "Markdown", read: (e: string) => `${e}`, note: "show a placeholder such as <your-key> in documentation instead", allow: `<!-- ${ALLOW_COMMENT} -->` },
  html: { id: "html", name: "HTML", read: (e: string) => `${e}`, note: "never ship a secret to the browser: call a server that reads it from its environment", allow: `<!-- ${ALLOW_COMMENT} -->` },
  other: { id: "other", name: "file", read: (e: string) => `${e}`, note: "read it from this environment variable or a secret store at run time", allow: hashComment },
} satisfies Record<string, FileLanguage>;

const BY_EXTENSION: Record<string, FileLanguage> = {
  js: LANGUAGES.javascript, mjs: LANGUAGES.javascript, cjs: LANGUAGES.javascript, jsx: LANGUAGES.javascript,
  vue: LANGUAGES.javascript, svelte: LANGUAGES.javascript, astro: LANGUAGES.javascript,
  ts: LANGUAGES.typescript, mts: LANGUAGES.typescript, cts: LANGUAGES.typescript, tsx: LANGUAGES.typescript,
  py: LANGUAGES.python, pyw: LANGUAGES.python, ipynb: LANGUAGES.python,
  java: LANGUAGES.java, kt: LANGUAGES.kotlin, kts: LANGUAGES.kotlin, groovy: LANGUAGES.groovy, gradle: LANGUAGES.groovy,
  scala: LANGUAGES.scala, sc: LANGUAGES.scala,
  go: LANGUAGES.go,
  rb: LANGUAGES.ruby, rake: LANGUAGES.ruby, gemspec: LANGUAGES.ruby, erb: LANGUAGES.ruby,
  php: LANGUAGES.php,
  cs: LANGUAGES.csharp, csx: LANGUAGES.csharp,
  rs: LANGUAGES.rust,
  swift: LANGUAGES.swift,
  ex: LANGUAGES.elixir, exs: LANGUAGES.elixir,
  dart: LANGUAGES.dart,
  c: LANGUAGES.c, h: LANGUAGES.c, cc: LANGUAGES.c, cpp: LANGUAGES.c, cxx: LANGUAGES.c, hpp: LANGUAGES.c, m: LANGUAGES.c,
  lua: LANGUAGES.lua,
  pl: LANGUAGES.perl, pm: LANGUAGES.perl,
  r: LANGUAGES.r,
  sh: LANGUAGES.shell, bash: LANGUAGES.shell, zsh: LANGUAGES.shell, ksh: LANGUAGES.shell, fish: LANGUAGES.shell,
  ps1: LANGUAGES.powershell, psm1: LANGUAGES.powershell,
  mk: LANGUAGES.makefile,
  yml: LANGUAGES.yaml, yaml: LANGUAGES.yaml,
  env: LANGUAGES.dotenv,
  tf: LANGUAGES.terraform, tfvars: LANGUAGES.terraform, hcl: LANGUAGES.terraform,
  properties: LANGUAGES.properties,
  toml: LANGUAGES.toml,
  ini: LANGUAGES.ini, cfg: LANGUAGES.ini, conf: LANGUAGES.ini,
  json: LANGUAGES.json, jsonc: LANGUAGES.json,
  xml: LANGUAGES.xml, config: LANGUAGES.xml, csproj: LANGUAGES.xml,
  sql: LANGUAGES.sql,
  md: LANGUAGES.markdown, mdx: LANGUAGES.markdown,
  html: LANGUAGES.html, htm: LANGUAGES.html,
};

/** The language a path is written in, for the fix snippet and the allow comment. */
export function languageOf(path: string): FileLanguage {
  const normalized = path.replace(/\\/g, "/");
  const base = (normalized.split("/").pop() ?? "").toLowerCase();
  // Names that decide before the extension does.
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(normalized)) return LANGUAGES.githubWorkflow;
  if (/^(docker-)?compose(\.[\w-]+)*\.ya?ml$/.test(base)) return LANGUAGES.compose;
  if (base === "dockerfile" || base.startsWith("dockerfile.") || base.endsWith(".dockerfile") || base === "containerfile") return LANGUAGES.dockerfile;
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env")) return LANGUAGES.dotenv;
  if (base === "makefile" || base === "gnumakefile") return LANGUAGES.makefile;
  if (base === "gemfile" || base === "rakefile" || base === "podfile" || base === "fastfile") return LANGUAGES.ruby;
  if (base === "jenkinsfile") return LANGUAGES.groovy;
  if (base === ".bashrc" || base === ".zshrc" || base === ".profile" || base === ".bash_profile") return LANGUAGES.shell;
  if (base === ".npmrc" || base === ".pypirc" || base === ".gitconfig") return LANGUAGES.ini;
  const dot = base.lastIndexOf(".");
  const ext = dot >= 0 ? base.slice(dot + 1) : "";
  return BY_EXTENSION[ext] ?? LANGUAGES.other;
}

/** Well-known variable names, where the provider's own tools read one. */
const KNOWN_ENV: Record<string, string> = {
  "aws-access-key-id": "AWS_ACCESS_KEY_ID",
  "aws-secret-access-key": "AWS_SECRET_ACCESS_KEY",
  "aws-session-token": "AWS_SESSION_TOKEN",
  "openai-legacy-key": "OPENAI_API_KEY",
  "anthropic-admin-key": "ANTHROPIC_ADMIN_KEY",
  "anthropic-oauth-token": "CLAUDE_CODE_OAUTH_TOKEN",
  "huggingface-access-token": "HF_TOKEN",
  "npm-access-token": "NPM_TOKEN",
  "npm-legacy-auth-token": "NPM_TOKEN",
  "pypi-api-token": "PYPI_API_TOKEN",
  "gcp-service-account-key": "GOOGLE_APPLICATION_CREDENTIALS",
  "slack-webhook-url": "SLACK_WEBHOOK_URL",
  "discord-webhook-url": "DISCORD_WEBHOOK_URL",
  "sentry-dsn-secret": "SENTRY_DSN",
  "azure-storage-account-key": "AZURE_STORAGE_KEY",
  "terraform-cloud-token": "TF_TOKEN_app_terraform_io",
};

/** Prefix or pattern -> name, for rule families (several token kinds, one usual variable). */
const FAMILY_ENV: Array<[RegExp, string]> = [
  [/^github-/, "GITHUB_TOKEN"],
  [/^gitlab-/, "GITLAB_TOKEN"],
  [/^slack-(?!.*webhook)/, "SLACK_TOKEN"],
  [/^private-key/, "PRIVATE_KEY"],
  [/^redis-connection/, "REDIS_URL"],
  [/^amqp-connection/, "AMQP_URL"],
  [/^mongodb-connection/, "MONGODB_URI"],
  [/(connection-string|^jdbc-|^odbc-)/, "DATABASE_URL"],
  [/^smtp-url/, "SMTP_URL"],
];

/** `dbPassword`, `db-password`, `this.db.password` -> `DB_PASSWORD` (the last member when dotted). */
function toEnvName(key: string): string {
  const last = key.split(/\.|->|::/).filter(Boolean).pop() ?? key;
  const snake = last
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  return snake.slice(0, 60).replace(/_+$/, "");
}

/**
 * The environment variable a finding's value should move to: the key it was assigned to when the
 * rule quoted one (generic secrets say "assigned to `dbPassword`"), else the provider's usual name,
 * else the rule id in upper snake case.
 */
export function envVarName(finding: Pick<Finding, "rule" | "message">): string {
  const quoted = /assigned to `([^`]{1,120})`/.exec(finding.message ?? "");
  if (quoted?.[1]) {
    const name = toEnvName(quoted[1].replace(/^[$@:]+/, ""));
    if (/^[A-Z][A-Z0-9_]*$/.test(name) && name.length >= 2) return name;
  }
  const known = KNOWN_ENV[finding.rule];
  if (known) return known;
  for (const [pattern, name] of FAMILY_ENV) if (pattern.test(finding.rule)) return name;
  const fromRule = toEnvName(finding.rule.replace(/-(legacy|classic|fine-grained)$/, ""));
  return /^[A-Z]/.test(fromRule) ? fromRule : `SECRET_${fromRule || "VALUE"}`;
}

/**
 * What fixes a policy finding, in a few words, by its rule: the finding's message says in full what was
 * allowed, by which policy key, and what to change on its line.
 */
const POLICY_FIX: Record<string, string> = {
  "skill-above-classification": "Remove the skill here, or have security raise its maxClassification",
  "skill-team-not-allowed": "Have a member of an allowed team run it, or extend the skill's teams",
  "forbidden-tool-permission": "Remove or narrow the permission, or move it to ask",
  "mcp-server-not-approved": "Remove or disable the MCP server, or have security approve it",
  "agent-permission-widened": "Have a person review and commit the change, or revert it",
  "content-above-classification": "Move the content out, or raise the repository's classification",
  "outside-business-hours": "Have a person review the commit (does not block)",
};

interface FixHint {
  language: FileLanguage;
  env: string;
  /** What to do, plain text without a final period, e.g. "Rotate the credential ..., then read it ...". */
  lead: string;
  /** The code that replaces the literal, e.g. `process.env.GITHUB_TOKEN`; undefined when moving the value is not the fix. */
  snippet?: string;
  /** Where the value then lives, when the snippet alone does not say it. */
  note?: string;
  /** lead, snippet and note as one plain-text sentence (no Markdown). */
  sentence: string;
}

/** How to fix one finding, for its file's language. Plain text: callers escape or code-span it. */
export function fixHint(finding: Pick<Finding, "rule" | "message" | "category" | "path">): FixHint {
  const language = languageOf(finding.path);
  const env = envVarName(finding);
  switch (finding.category) {
    case "secret":
    case "placeholder": {
      const snippet = language.read(env);
      const lead =
        finding.category === "secret"
          ? "Rotate the credential at the provider (it stays in the Git history), then read it at run time from a secret store or an environment variable"
          : "Read the value from a secret store or an environment variable instead";
      const note = language.note;
      return { language, env, lead, snippet, note, sentence: `${lead}: ${snippet}${note ? ` (${note})` : ""}.` };
    }
    case "pii": {
      const lead = "Remove the personal data or replace it with obviously synthetic test data";
      return { language, env, lead, sentence: lead + "." };
    }
    case "policy": {
      const lead = POLICY_FIX[finding.rule] ?? "Change the line so that it meets the policy its message names, or have security change the policy";
      return { language, env, lead, sentence: lead + "." };
    }
  }
}
