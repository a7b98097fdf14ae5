/**
 * AI and ML platforms: model APIs, vector databases, experiment trackers. Leaked keys run up bills and
 * expose prompts, fine-tuning data and stored vectors. Admin keys are `critical`, the rest `high`.
 *
 * Google AI Studio / Gemini keys (`AIza…`) are Google API keys: the cloud rules report them.
 * Example tokens are generated at run time (see fake.ts): no realistic key is written literally here.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";

// ---------------------------------------------------------------------------------------------------
// Pattern helpers (kept local: each provider file is self-contained).

/** Escapes regex metacharacters and spells letters as `[aA]`: case-insensitive without the `i` flag. */
function ci(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/**
 * Closing quote, spaces and an assignment (`=`, `:`, `=>`, `:=`, `,`, a call's `(`, or a space), then an
 * opening quote.
 */
const ASSIGN = `["'\\]]{0,2}\\s{0,3}(?:=>|:=|[:=,(]|\\s)\\s{0,3}["'\`]?`;

/** Words that, next to a provider's name, say the value is a credential. */
const KINDS = ["key", "token", "secret", "auth", "cred", "password"];

/**
 * What precedes a value assigned to an identifier naming the provider and a kind of credential
 * (`MISTRAL_API_KEY=…`, `"mistralApiKey": "…"`, `os.environ["MISTRAL_API_KEY"] = "…"`), or passed as a
 * named argument to a call that names the provider (`Mistral(api_key="…")`, `new Mistral({ apiKey: "…" })`).
 * Bounded repetitions separated by disjoint classes: a small constant cost per occurrence of the name.
 */
function assignmentPrefix(names: string[], kinds: string[] = KINDS): string {
  const name = `(?:${names.map(ci).join("|")})`;
  const kind = `(?:${kinds.map(ci).join("|")})`;
  const direct = `[\\w.-]{0,24}?${kind}[\\w.-]{0,12}${ASSIGN}`;
  const namedArgument = `[\\w.]{0,30}\\(\\s{0,3}\\{?\\s{0,3}\\w{0,12}${kind}\\w{0,12}["']?\\s{0,2}[=:]\\s{0,2}["'\`]?`;
  return `${name}(?:${direct}|${namedArgument})`;
}

function assignedTo(names: string[], kinds: string[], value: string, end = "(?![A-Za-z0-9_])"): RegExp {
  return new RegExp(`${assignmentPrefix(names, kinds)}(?<secret>${value})${end}`);
}

/** A token with a distinctive prefix, not part of a longer identifier on either side. */
function prefixed(body: string, chars = "A-Za-z0-9_-"): RegExp {
  return new RegExp(`(?<![${chars}])(?<secret>${body})(?![${chars}])`);
}

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

// ---------------------------------------------------------------------------------------------------
// OpenAI: every key embeds `T3BlbkFJ` (base64 of "OpenAI") between two random halves.

const OPENAI_MARKER = "T3BlbkFJ";
/** Halves of 74 or 58 URL-safe characters (2024+ keys), or 20 alphanumerics (early project keys). */
const OPENAI_HALF = "(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58}|[A-Za-z0-9]{20})";

function openaiKey(seed: string, prefix: string, halfLength = 74): string {
  return prefix + fake.base64url(halfLength, seed + "-a") + OPENAI_MARKER + fake.base64url(halfLength, seed + "-b");
}

const openaiRemediation =
  "Revoke the key in the OpenAI platform (API keys page), create a new one scoped to the project, and load it from a secret manager or environment variable.";

function openaiRule(kind: "proj" | "svcacct" | "admin", id: string, title: string, docs: string): Rule {
  const prefix = `sk-${kind}-`;
  return {
    id,
    title,
    provider: "OpenAI",
    category: "secret",
    severity: kind === "admin" ? "critical" : "high",
    keywords: [prefix],
    regex: prefixed(`${prefix}${OPENAI_HALF}${OPENAI_MARKER}${OPENAI_HALF}`),
    docs,
    remediation: openaiRemediation,
    examples: () => ({
      truePositives: [
        `OPENAI_API_KEY=${openaiKey(id + "-1", prefix)}`,
        `client = OpenAI(api_key="${openaiKey(id + "-2", prefix, 58)}")`,
        `const openai = new OpenAI({ apiKey: "${prefix + fake.alnum(20, id + "-3") + OPENAI_MARKER + fake.alnum(20, id + "-4")}" });`,
      ],
      falsePositives: [
        // No marker between the halves.
        `OPENAI_API_KEY=${prefix}${fake.base64url(156, id + "-5")}`,
        `OPENAI_API_KEY=${prefix}${fake.base64url(30, id + "-6")}${OPENAI_MARKER}${fake.base64url(30, id + "-7")}`,
        "const apiKey = process.env.OPENAI_API_KEY ?? '';",
      ],
    }),
  };
}

const openai: Rule[] = [
  openaiRule("proj", "openai-project-key", "OpenAI project API key", "https://platform.openai.com/docs/api-reference/authentication"),
  openaiRule("svcacct", "openai-service-account-key", "OpenAI service account key", "https://platform.openai.com/docs/api-reference/project-service-accounts"),
  openaiRule("admin", "openai-admin-key", "OpenAI admin API key", "https://platform.openai.com/docs/api-reference/administration"),
  {
    id: "openai-legacy-key",
    title: "OpenAI API key (legacy user key)",
    provider: "OpenAI",
    category: "secret",
    severity: "high",
    keywords: [OPENAI_MARKER.toLowerCase()],
    regex: prefixed(`sk-[A-Za-z0-9]{20}${OPENAI_MARKER}[A-Za-z0-9]{20}`),
    docs: "https://platform.openai.com/docs/api-reference/authentication",
    remediation: openaiRemediation,
    examples: () => ({
      truePositives: [
        `openai.api_key = "${"sk-" + fake.alnum(20, "oai-legacy-1") + OPENAI_MARKER + fake.alnum(20, "oai-legacy-2")}"`,
        `OPENAI_KEY: ${"sk-" + fake.alnum(20, "oai-legacy-3") + OPENAI_MARKER + fake.alnum(20, "oai-legacy-4")}`,
      ],
      falsePositives: [
        `sk-${fake.alnum(48, "oai-legacy-5")}`,
        `sk-${fake.alnum(19, "oai-legacy-6")}${OPENAI_MARKER}${fake.alnum(20, "oai-legacy-7")}`,
        `task-${fake.alnum(20, "oai-legacy-8")}${OPENAI_MARKER}${fake.alnum(20, "oai-legacy-9")}`,
      ],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Anthropic: 93 URL-safe characters, then `AA`, after a versioned prefix.

const anthropicRemediation =
  "Revoke the key in the Anthropic Console (Settings > API keys), create a new one, and load it from a secret manager or environment variable.";

const anthropic: Rule[] = [
  {
    id: "anthropic-api-key",
    title: "Anthropic API key",
    provider: "Anthropic",
    category: "secret",
    severity: "high",
    keywords: ["sk-ant-api03-"],
    regex: prefixed("sk-ant-api03-[A-Za-z0-9_-]{93}AA"),
    docs: "https://docs.anthropic.com/en/api/overview#authentication",
    remediation: anthropicRemediation,
    examples: () => ({
      truePositives: [
        `ANTHROPIC_API_KEY=${"sk-ant-api03-" + fake.base64url(93, "ant-1") + "AA"}`,
        `client = anthropic.Anthropic(api_key="${"sk-ant-api03-" + fake.base64url(93, "ant-2") + "AA"}")`,
      ],
      falsePositives: [
        `ANTHROPIC_API_KEY=sk-ant-api03-${fake.base64url(93, "ant-3")}QQ`,
        `ANTHROPIC_API_KEY=sk-ant-api03-${fake.base64url(60, "ant-4")}AA`,
        "ANTHROPIC_API_KEY=sk-ant-api03-...",
      ],
    }),
  },
  {
    id: "anthropic-admin-key",
    title: "Anthropic Admin API key",
    provider: "Anthropic",
    category: "secret",
    // Manages the organization: members, workspaces and every API key.
    severity: "critical",
    keywords: ["sk-ant-admin01-"],
    regex: prefixed("sk-ant-admin01-[A-Za-z0-9_-]{93}AA"),
    docs: "https://docs.anthropic.com/en/api/administration-api",
    remediation: "Revoke the Admin key in the Anthropic Console (Settings > Admin keys) at once and keep admin keys out of application code entirely.",
    examples: () => ({
      truePositives: [
        `ANTHROPIC_ADMIN_KEY=${"sk-ant-admin01-" + fake.base64url(93, "ant-admin-1") + "AA"}`,
        `curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: ${"sk-ant-admin01-" + fake.base64url(93, "ant-admin-2") + "AA"}"`,
      ],
      falsePositives: [`sk-ant-admin01-${fake.base64url(93, "ant-admin-3")}`, `sk-ant-admin02-${fake.base64url(93, "ant-admin-4")}AA`],
    }),
  },
  {
    id: "anthropic-oauth-token",
    title: "Claude Code OAuth token",
    provider: "Anthropic",
    category: "secret",
    severity: "high",
    keywords: ["sk-ant-oat01-"],
    // Issued by `claude setup-token` for CI (CLAUDE_CODE_OAUTH_TOKEN): 95 URL-safe characters.
    regex: prefixed("sk-ant-oat01-[A-Za-z0-9_-]{95}"),
    docs: "https://docs.anthropic.com/en/docs/claude-code/github-actions",
    remediation: "Sign out the token's sessions from claude.ai account settings, issue a new one with `claude setup-token`, and store it as a CI secret.",
    examples: () => ({
      truePositives: [
        `CLAUDE_CODE_OAUTH_TOKEN=${"sk-ant-oat01-" + fake.base64url(95, "ant-oat-1")}`,
        `claude_code_oauth_token: "${"sk-ant-oat01-" + fake.base64url(95, "ant-oat-2")}"`,
      ],
      falsePositives: [
        `CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-${fake.base64url(40, "ant-oat-3")}`,
        "claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}",
      ],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Prefixed tokens of other providers.

interface PrefixedSpec {
  id: string;
  title: string;
  provider: string;
  keyword: string;
  body: string;
  make: (seed: string) => string;
  docs: string;
  remediation: string;
  /** Lines whose value must not be reported (wrong length, charset...). */
  falsePositives: () => string[];
  /** Assignment syntaxes for the true positives; `$` is replaced with the token. */
  syntaxes: [string, string, ...string[]];
  severity?: Rule["severity"];
  chars?: string;
}

function prefixedRule(spec: PrefixedSpec): Rule {
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    category: "secret",
    severity: spec.severity ?? "high",
    keywords: [spec.keyword],
    regex: prefixed(spec.body, spec.chars),
    docs: spec.docs,
    remediation: spec.remediation,
    examples: () => ({
      truePositives: spec.syntaxes.map((syntax, i) => syntax.replace("$", spec.make(`${spec.id}-${i}`))),
      falsePositives: spec.falsePositives(),
    }),
  };
}

const prefixedTokens: Rule[] = [
  prefixedRule({
    id: "huggingface-access-token",
    title: "Hugging Face user access token",
    provider: "Hugging Face",
    keyword: "hf_",
    // 34 letters only: a digit or underscore means something else (gitleaks counts many such identifiers).
    body: "hf_[A-Za-z]{34}",
    chars: "A-Za-z0-9_",
    make: (seed) => "hf_" + fake.upper(17, seed + "-u") + fake.lower(17, seed + "-l"),
    docs: "https://huggingface.co/docs/hub/security-tokens",
    remediation: "Invalidate the token in Hugging Face settings (Access Tokens), create a fine-grained one, and load it from HF_TOKEN.",
    syntaxes: ["HF_TOKEN=$", "login(token='$')", "huggingface-cli login --token $"],
    falsePositives: () => [
      `- (id)hf_requiredCharacteristicTypesForDisplayMetadata;`,
      `HF_TOKEN=hf_${fake.alnum(34, "hf-fp-1").replace(/[A-Za-z]/, "7")}`,
      `HF_TOKEN=hf_${fake.lower(20, "hf-fp-2")}`,
    ],
  }),
  prefixedRule({
    id: "huggingface-org-token",
    title: "Hugging Face organization API token (legacy)",
    provider: "Hugging Face",
    keyword: "api_org_",
    body: "api_org_[A-Za-z]{34}",
    chars: "A-Za-z0-9_",
    make: (seed) => "api_org_" + fake.upper(17, seed + "-u") + fake.lower(17, seed + "-l"),
    docs: "https://huggingface.co/docs/hub/security-tokens",
    remediation: "Revoke the organization token in the organization's Hugging Face settings and move to fine-grained user tokens.",
    syntaxes: ["os.environ['HUGGINGFACEHUB_API_TOKEN'] = '$'", `use_auth_token: "$"`],
    falsePositives: () => [
      "const api_org_controller = require('../../controllers/api/index').organizations;",
      `def _api_org_${fake.hex(8, "hforg-1")}_${fake.hex(4, "hforg-2")}(self):`,
    ],
  }),
  prefixedRule({
    id: "replicate-api-token",
    title: "Replicate API token",
    provider: "Replicate",
    keyword: "r8_",
    body: "r8_[A-Za-z0-9]{37}",
    chars: "A-Za-z0-9_",
    make: (seed) => "r8_" + fake.alnum(37, seed),
    docs: "https://replicate.com/docs/topics/security/api-tokens",
    remediation: "Disable the token on Replicate (Account > API tokens), create a new one and load it from REPLICATE_API_TOKEN.",
    syntaxes: ["REPLICATE_API_TOKEN=$", `replicate.Client(api_token="$")`],
    falsePositives: () => [`REPLICATE_API_TOKEN=r8_${fake.alnum(20, "r8-fp")}`, `var r8_${fake.alnum(37, "r8-fp-2")}_x = 1;`],
  }),
  prefixedRule({
    id: "groq-api-key",
    title: "Groq API key",
    provider: "Groq",
    keyword: "gsk_",
    body: "gsk_[A-Za-z0-9]{52}",
    chars: "A-Za-z0-9_",
    make: (seed) => "gsk_" + fake.alnum(52, seed),
    docs: "https://console.groq.com/docs/quickstart",
    remediation: "Delete the key in the GroqCloud console (API Keys), create a new one and load it from GROQ_API_KEY.",
    syntaxes: ["GROQ_API_KEY=$", `const groq = new Groq({ apiKey: "$" });`],
    falsePositives: () => [`GROQ_API_KEY=gsk_${fake.alnum(40, "gsk-fp")}`, `gsk_${fake.alnum(60, "gsk-fp-2")}`],
  }),
  prefixedRule({
    id: "perplexity-api-key",
    title: "Perplexity API key",
    provider: "Perplexity",
    keyword: "pplx-",
    body: "pplx-[A-Za-z0-9]{48}",
    make: (seed) => "pplx-" + fake.alnum(48, seed),
    docs: "https://docs.perplexity.ai/guides/getting-started",
    remediation: "Delete the key in Perplexity's API settings, generate a new one and load it from PERPLEXITY_API_KEY.",
    syntaxes: ["PERPLEXITY_API_KEY=$", `headers = {"Authorization": "Bearer $"}`],
    falsePositives: () => [`pplx-${fake.alnum(30, "pplx-fp")}`, `pplx-7b-online`],
  }),
  prefixedRule({
    id: "xai-api-key",
    title: "xAI (Grok) API key",
    provider: "xAI",
    keyword: "xai-",
    body: "xai-[A-Za-z0-9]{80}",
    make: (seed) => "xai-" + fake.alnum(80, seed),
    docs: "https://docs.x.ai/docs/overview",
    remediation: "Delete the key in the xAI console (API Keys), create a new one and load it from XAI_API_KEY.",
    syntaxes: ["XAI_API_KEY=$", `client = Client(api_key="$")`],
    falsePositives: () => [`XAI_API_KEY=xai-${fake.alnum(40, "xai-fp")}`, `model: "xai-grok-beta"`],
  }),
  prefixedRule({
    id: "together-api-key",
    title: "Together AI API key",
    provider: "Together AI",
    keyword: "tgp_v1_",
    body: "tgp_v1_[A-Za-z0-9_-]{43}",
    make: (seed) => "tgp_v1_" + fake.base64url(43, seed),
    docs: "https://docs.together.ai/reference/authentication-1",
    remediation: "Revoke the key in Together AI settings (API Keys), create a new one and load it from TOGETHER_API_KEY.",
    syntaxes: ["TOGETHER_API_KEY=$", `client = Together(api_key="$")`],
    falsePositives: () => [`TOGETHER_API_KEY=tgp_v1_${fake.base64url(30, "tgp-fp")}`, `tgp_v2_${fake.base64url(43, "tgp-fp-2")}`],
  }),
  prefixedRule({
    id: "fireworks-api-key",
    title: "Fireworks AI API key",
    provider: "Fireworks AI",
    keyword: "fw_",
    // `fw_` is also a common "firmware" prefix in C: require a digit, which random keys practically
    // always contain and identifiers such as `fw_GetFirmwareImageVersion` do not.
    body: "fw_(?=[A-Za-z]{0,47}[0-9])[A-Za-z0-9]{20,48}",
    chars: "A-Za-z0-9_",
    make: (seed) => "fw_" + fake.alnum(24, seed).replace(/^./, "3"),
    docs: "https://docs.fireworks.ai/api-reference/introduction",
    remediation: "Delete the key in the Fireworks AI account settings (API Keys), create a new one and load it from FIREWORKS_API_KEY.",
    syntaxes: ["FIREWORKS_API_KEY=$", `fireworks.client.api_key = "$"`],
    falsePositives: () => ["int fw_GetFirmwareImageVersionNumber(void);", `fw_${fake.alnum(10, "fw-fp")}9`],
  }),
  prefixedRule({
    id: "elevenlabs-api-key",
    title: "ElevenLabs API key",
    provider: "ElevenLabs",
    keyword: "sk_",
    body: "sk_[a-f0-9]{48}",
    chars: "A-Za-z0-9_",
    make: (seed) => "sk_" + fake.hex(48, seed),
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
    remediation: "Delete the key in ElevenLabs (Developers > API Keys), create a new one and load it from ELEVENLABS_API_KEY.",
    syntaxes: ["ELEVENLABS_API_KEY=$", `client = ElevenLabs(api_key="$")`],
    falsePositives: () => [`sk_${fake.hex(32, "el-fp")}`, `sk_live_${fake.hex(48, "el-fp-2")}`],
  }),
  prefixedRule({
    id: "langsmith-personal-access-token",
    title: "LangSmith personal access token",
    provider: "LangChain",
    keyword: "lsv2_pt_",
    body: "lsv2_pt_[a-f0-9]{32}_[a-f0-9]{10}",
    chars: "A-Za-z0-9_",
    make: (seed) => "lsv2_pt_" + fake.hex(32, seed + "-a") + "_" + fake.hex(10, seed + "-b"),
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    remediation: "Delete the token in LangSmith (Settings > API Keys), create a new one and load it from LANGSMITH_API_KEY.",
    syntaxes: ["LANGCHAIN_API_KEY=$", `os.environ["LANGSMITH_API_KEY"] = "$"`],
    falsePositives: () => [`LANGCHAIN_API_KEY=ls__${fake.hex(32, "ls-fp")}`, `lsv2_pt_${fake.hex(32, "ls-fp-2")}`],
  }),
  prefixedRule({
    id: "langsmith-service-key",
    title: "LangSmith service key",
    provider: "LangChain",
    keyword: "lsv2_sk_",
    body: "lsv2_sk_[a-f0-9]{32}_[a-f0-9]{10}",
    chars: "A-Za-z0-9_",
    make: (seed) => "lsv2_sk_" + fake.hex(32, seed + "-a") + "_" + fake.hex(10, seed + "-b"),
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    remediation: "Delete the service key in LangSmith (Settings > API Keys), create a new one and keep it in a secret manager.",
    syntaxes: ["LANGSMITH_API_KEY=$", `langsmith_key: "$"`],
    falsePositives: () => [`lsv2_sk_${fake.hex(20, "lss-fp")}_${fake.hex(10, "lss-fp-2")}`, `lsv2_xx_${fake.hex(32, "lss-fp-3")}_${fake.hex(10, "lss-fp-4")}`],
  }),
  prefixedRule({
    id: "pinecone-api-key",
    title: "Pinecone API key",
    provider: "Pinecone",
    keyword: "pcsk_",
    // `pcsk_` + key id (a few characters) + `_` + the secret.
    body: "pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80}",
    chars: "A-Za-z0-9_",
    make: (seed) => "pcsk_" + fake.alnum(6, seed + "-id") + "_" + fake.alnum(63, seed + "-s"),
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
    remediation: "Delete the key in the Pinecone console (API Keys), create a new one with the least role needed, and load it from PINECONE_API_KEY.",
    syntaxes: ["PINECONE_API_KEY=$", `pc = Pinecone(api_key="$")`],
    falsePositives: () => [`pcsk_${fake.alnum(6, "pc-fp")}_${fake.alnum(20, "pc-fp-2")}`, `pcsk_${fake.alnum(70, "pc-fp-3")}`],
  }),
  prefixedRule({
    id: "cerebras-api-key",
    title: "Cerebras Cloud API key",
    provider: "Cerebras",
    keyword: "csk-",
    body: "csk-[a-z0-9]{48}",
    make: (seed) => "csk-" + fake.lowerDigits(48, seed),
    docs: "https://inference-docs.cerebras.ai/quickstart",
    remediation: "Delete the key in Cerebras Cloud (API Keys), create a new one and load it from CEREBRAS_API_KEY.",
    syntaxes: ["CEREBRAS_API_KEY=$", `client = Cerebras(api_key="$")`],
    falsePositives: () => [`CEREBRAS_API_KEY=csk-${fake.lowerDigits(20, "csk-fp")}`, `xcsk-${fake.lowerDigits(48, "csk-fp-2")}`],
  }),
  prefixedRule({
    id: "openrouter-api-key",
    title: "OpenRouter API key",
    provider: "OpenRouter",
    keyword: "sk-or-v1-",
    body: "sk-or-v1-[a-f0-9]{64}",
    make: (seed) => "sk-or-v1-" + fake.hex(64, seed),
    docs: "https://openrouter.ai/docs/api-reference/authentication",
    remediation: "Delete the key in OpenRouter (Keys), create a new one with a credit limit, and load it from OPENROUTER_API_KEY.",
    syntaxes: ["OPENROUTER_API_KEY=$", `-H "Authorization: Bearer $"`],
    falsePositives: () => [`sk-or-v1-${fake.hex(40, "or-fp")}`, `sk-or-v2-${fake.hex(64, "or-fp-2")}`],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Keys without a prefix: reported only next to the provider's name (and, for broad charsets, only when
// random-looking, so that words and paths are not taken for keys).

interface ContextSpec {
  id: string;
  title: string;
  provider: string;
  names: string[];
  keywords: string[];
  value: string;
  make: (seed: string) => string;
  docs: string;
  remediation: string;
  syntaxes: [string, string, ...string[]];
  falsePositives: () => string[];
  minEntropy?: number;
  end?: string;
  kinds?: string[];
}

function contextRule(spec: ContextSpec): Rule {
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    category: "secret",
    severity: "high",
    keywords: spec.keywords,
    regex: assignedTo(spec.names, spec.kinds ?? KINDS, spec.value, spec.end),
    ...(spec.minEntropy !== undefined ? { minEntropy: spec.minEntropy } : {}),
    docs: spec.docs,
    remediation: spec.remediation,
    examples: () => ({
      truePositives: spec.syntaxes.map((syntax, i) => syntax.replace("$", spec.make(`${spec.id}-${i}`))),
      falsePositives: spec.falsePositives(),
    }),
  };
}

const contextual: Rule[] = [
  contextRule({
    id: "cohere-api-key",
    title: "Cohere API key",
    provider: "Cohere",
    names: ["cohere", "co_api"],
    keywords: ["cohere", "co_api"],
    value: "[A-Za-z0-9]{40}",
    minEntropy: 3.5,
    make: (seed) => fake.alnum(40, seed),
    docs: "https://docs.cohere.com/reference/about",
    remediation: "Delete the key in the Cohere dashboard (API Keys), create a new one and load it from CO_API_KEY.",
    syntaxes: ["CO_API_KEY=$", `co = cohere.Client(api_key="$")`, `"cohereApiKey": "$"`],
    falsePositives: () => ["CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", `COHERE_MODEL=command-r-plus`, `CO_API_KEY=${fake.alnum(32, "cohere-fp")}`],
  }),
  contextRule({
    id: "mistral-api-key",
    title: "Mistral AI API key",
    provider: "Mistral AI",
    names: ["mistral"],
    keywords: ["mistral"],
    value: "[A-Za-z0-9]{32}",
    minEntropy: 3.5,
    make: (seed) => fake.alnum(32, seed),
    docs: "https://docs.mistral.ai/getting-started/quickstart/",
    remediation: "Revoke the key in Mistral's La Plateforme (API Keys), create a new one and load it from MISTRAL_API_KEY.",
    syntaxes: ["MISTRAL_API_KEY=$", `client = Mistral(api_key="$")`],
    falsePositives: () => [`MISTRAL_API_KEY=os.environ["MISTRAL_API_KEY"]`, `mistral_model = "mistral-large-latest"`, `MISTRAL_API_KEY=${fake.alnum(40, "mistral-fp")}`],
  }),
  contextRule({
    id: "deepseek-api-key",
    title: "DeepSeek API key",
    provider: "DeepSeek",
    names: ["deepseek"],
    keywords: ["deepseek"],
    value: "sk-[a-f0-9]{32}",
    make: (seed) => "sk-" + fake.hex(32, seed),
    docs: "https://api-docs.deepseek.com/",
    remediation: "Delete the key in the DeepSeek platform (API keys), create a new one and load it from DEEPSEEK_API_KEY.",
    syntaxes: ["DEEPSEEK_API_KEY=$", `llm = ChatDeepSeek(api_key="$", model="deepseek-chat")`],
    falsePositives: () => [`DEEPSEEK_API_KEY=sk-${fake.hex(20, "ds-fp")}`, `OPENAI_API_KEY=sk-${fake.hex(32, "ds-fp-2")}`],
  }),
  contextRule({
    id: "together-legacy-api-key",
    title: "Together AI API key (legacy hex)",
    provider: "Together AI",
    names: ["together"],
    keywords: ["together"],
    value: "[a-f0-9]{64}",
    make: (seed) => fake.hex(64, seed),
    docs: "https://docs.together.ai/reference/authentication-1",
    remediation: "Revoke the key in Together AI settings (API Keys), create a new one and load it from TOGETHER_API_KEY.",
    syntaxes: ["TOGETHER_API_KEY=$", `together.api_key = "$"`],
    falsePositives: () => [`TOGETHER_API_KEY=${fake.hex(40, "tg-fp")}`, `const togetherHash = "${fake.hex(64, "tg-fp-2")}";`],
  }),
  contextRule({
    id: "elevenlabs-legacy-api-key",
    title: "ElevenLabs API key (legacy hex)",
    provider: "ElevenLabs",
    names: ["elevenlabs", "eleven_labs", "xi-api", "xi_api"],
    keywords: ["elevenlabs", "eleven_labs", "xi-api", "xi_api"],
    value: "[a-f0-9]{32}",
    make: (seed) => fake.hex(32, seed),
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
    remediation: "Delete the key in ElevenLabs (Developers > API Keys), create a new one and load it from ELEVENLABS_API_KEY.",
    syntaxes: ["ELEVENLABS_API_KEY=$", `headers = {"xi-api-key": "$"}`],
    falsePositives: () => [`ELEVENLABS_VOICE_ID=${fake.hex(32, "el-fp")}`, `ELEVENLABS_API_KEY=${fake.hex(20, "el-fp-2")}`],
  }),
  contextRule({
    id: "pinecone-legacy-api-key",
    title: "Pinecone API key (legacy UUID)",
    provider: "Pinecone",
    names: ["pinecone"],
    keywords: ["pinecone"],
    value: UUID,
    end: "(?![A-Za-z0-9_-])",
    make: (seed) => fake.uuid(seed),
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
    remediation: "Delete the key in the Pinecone console (API Keys), create a new one and load it from PINECONE_API_KEY.",
    syntaxes: ["PINECONE_API_KEY=$", `pinecone.init(api_key="$", environment="us-west1-gcp")`],
    falsePositives: () => [`PINECONE_INDEX_ID=${fake.uuid("pc-legacy-fp")}`, `PINECONE_API_KEY=${fake.hex(32, "pc-legacy-fp-2")}`],
  }),
  contextRule({
    id: "assemblyai-api-key",
    title: "AssemblyAI API key",
    provider: "AssemblyAI",
    names: ["assemblyai", "assembly_ai", "assembly-ai", "aai.settings"],
    keywords: ["assemblyai", "assembly_ai", "assembly-ai", "aai.settings"],
    value: "[a-f0-9]{32}",
    make: (seed) => fake.hex(32, seed),
    docs: "https://www.assemblyai.com/docs/api-reference/overview",
    remediation: "Regenerate the key in the AssemblyAI dashboard, and load it from ASSEMBLYAI_API_KEY.",
    syntaxes: ["ASSEMBLYAI_API_KEY=$", `aai.settings.api_key = "$"`],
    falsePositives: () => [`ASSEMBLYAI_TRANSCRIPT_ID=${fake.hex(32, "aai-fp")}`, `ASSEMBLYAI_API_KEY=${fake.hex(24, "aai-fp-2")}`],
  }),
  contextRule({
    id: "deepgram-api-key",
    title: "Deepgram API key",
    provider: "Deepgram",
    names: ["deepgram"],
    keywords: ["deepgram"],
    value: "[a-f0-9]{40}",
    make: (seed) => fake.hex(40, seed),
    docs: "https://developers.deepgram.com/docs/create-additional-api-keys",
    remediation: "Delete the key in the Deepgram console (API Keys), create a new one and load it from DEEPGRAM_API_KEY.",
    syntaxes: ["DEEPGRAM_API_KEY=$", `deepgram = DeepgramClient(api_key="$")`],
    falsePositives: () => [`DEEPGRAM_PROJECT_ID=${fake.hex(40, "dg-fp")}`, `DEEPGRAM_API_KEY=${fake.hex(32, "dg-fp-2")}`],
  }),
  contextRule({
    id: "azure-openai-api-key",
    title: "Azure OpenAI API key",
    provider: "Microsoft Azure",
    names: ["azure_openai", "azure-openai", "azureopenai", "azure.openai"],
    keywords: ["azure"],
    // Classic keys: 32 hex characters. The 84-character keys issued since 2024 carry an "ACOG" signature
    // and are the cloud rules' (azure-ai-services-key): not matched here, so one key gives one finding.
    value: "[a-f0-9]{32}",
    // Random 32-hex values score about 3.5-3.9 bits: 3 only drops repeats and words.
    minEntropy: 3,
    make: (seed) => fake.hex(32, seed),
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference",
    remediation: "Regenerate the key in the Azure portal (resource > Keys and Endpoint), switch callers to the other key first, and prefer Microsoft Entra ID authentication.",
    syntaxes: ["AZURE_OPENAI_API_KEY=$", `client = AzureOpenAI(api_key="$", api_version="2024-06-01")`, `azure_openai_key: "$"`],
    falsePositives: () => [
      `AZURE_OPENAI_DEPLOYMENT=${fake.hex(32, "az-fp")}`,
      `AZURE_OPENAI_API_KEY=${fake.alnum(60, "az-fp-2")}`,
      `AZURE_OPENAI_API_KEY=${fake.alnum(84, "az-fp-3")}`,
    ],
  }),
  contextRule({
    id: "voyage-api-key",
    title: "Voyage AI API key",
    provider: "Voyage AI",
    names: ["voyage"],
    keywords: ["voyage"],
    value: "pa-[A-Za-z0-9_-]{40,48}",
    end: "(?![A-Za-z0-9_-])",
    make: (seed) => "pa-" + fake.base64url(43, seed),
    docs: "https://docs.voyageai.com/docs/api-key-and-installation",
    remediation: "Revoke the key in the Voyage AI dashboard (API Keys), create a new one and load it from VOYAGE_API_KEY.",
    syntaxes: ["VOYAGE_API_KEY=$", `vo = voyageai.Client(api_key="$")`],
    falsePositives: () => ["VOYAGE_API_KEY=pa-...", `VOYAGE_API_KEY=pa-${fake.base64url(20, "vo-fp")}`],
  }),
  contextRule({
    id: "stability-api-key",
    title: "Stability AI API key",
    provider: "Stability AI",
    names: ["stability"],
    keywords: ["stability"],
    value: "sk-[A-Za-z0-9]{48}",
    make: (seed) => "sk-" + fake.alnum(48, seed),
    docs: "https://platform.stability.ai/docs/getting-started/authentication",
    remediation: "Delete the key in the Stability AI platform (Account > API Keys), create a new one and load it from STABILITY_API_KEY.",
    syntaxes: ["STABILITY_API_KEY=$", `stability_api = client.StabilityInference(key="$")`],
    falsePositives: () => [`STABILITY_API_KEY=sk-${fake.alnum(20, "stab-fp")}`, `stability_level = "sk-${fake.alnum(48, "stab-fp-2")}"`],
  }),
];

/** Weights & Biases: 40 hex characters, in an assignment or after `wandb login`. */
const wandb: Rule = {
  id: "wandb-api-key",
  title: "Weights & Biases API key",
  provider: "Weights & Biases",
  category: "secret",
  severity: "high",
  keywords: ["wandb"],
  regex: new RegExp(
    `(?:${assignmentPrefix(["wandb"])}|${ci("wandb")}\\s{1,3}login(?:\\s{1,3}--[\\w-]{1,20}){0,2}\\s{1,3})(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_])`,
  ),
  docs: "https://docs.wandb.ai/guides/track/environment-variables/",
  remediation: "Revoke the key in W&B user settings (API keys), create a new one and load it from WANDB_API_KEY.",
  examples: () => ({
    truePositives: [`WANDB_API_KEY=${fake.hex(40, "wandb-1")}`, `wandb login --relogin ${fake.hex(40, "wandb-2")}`, `wandb.login(key="${fake.hex(40, "wandb-3")}")`],
    falsePositives: [`WANDB_RUN_ID=${fake.hex(40, "wandb-4")}`, `wandb login $WANDB_API_KEY`, `WANDB_API_KEY=${fake.hex(32, "wandb-5")}`],
  }),
};

export const rules: Rule[] = [...openai, ...anthropic, ...prefixedTokens, ...contextual, wandb];
