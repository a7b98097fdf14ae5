/**
 * Hugging Face tokens (huggingface.co/docs/hub/security-tokens): `hf_` user access tokens and legacy
 * `api_org_` organization tokens, 34 letters after the prefix.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "huggingface-access-token",
    title: "Hugging Face user access token",
    provider: "Hugging Face",
    severity: "high",
    keywords: ["hf_"],
    // 34 letters only: a digit or underscore means something else (gitleaks counts many such identifiers).
    regex: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])/,
    docs: "https://huggingface.co/docs/hub/security-tokens",
    remediation: "Invalidate the token in Hugging Face settings (Access Tokens), create a fine-grained one, and load it from HF_TOKEN.",
    samples: () => ["hf_" + fake.upper(17, "hf-1-u") + fake.lower(17, "hf-1-l"), "hf_" + fake.lower(20, "t-hf-1") + fake.upper(14, "t-hf-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("hf_token", a), ...withValue(b, `login(token='%s')`, `huggingface-cli login --token %s`)],
    falsePositives: () => [`- (id)hf_requiredCharacteristicTypesForDisplayMetadata;`, `HF_TOKEN=hf_${fake.alnum(34, "hf-fp-1").replace(/[A-Za-z]/, "7")}`, `HF_TOKEN=hf_${fake.lower(20, "hf-fp-2")}`, `HF_TOKEN=hf_${fake.lower(33, "edge-hf")}1`, "my_hf_" + fake.lower(34, "edge-hf-2")],
  }),
  defineRule({
    id: "huggingface-org-token",
    title: "Hugging Face organization API token (legacy)",
    provider: "Hugging Face",
    severity: "high",
    keywords: ["api_org_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_])/,
    docs: "https://huggingface.co/docs/hub/security-tokens",
    remediation: "Revoke the organization token in the organization's Hugging Face settings and move to fine-grained user tokens.",
    samples: () => ["api_org_" + fake.upper(17, "hforg-1-u") + fake.lower(17, "hforg-1-l"), "api_org_" + fake.lower(20, "t-hf-3") + fake.upper(14, "t-hf-4")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("huggingfacehub_api_token", a), ...withValue(b, `os.environ['HUGGINGFACEHUB_API_TOKEN'] = '%s'`, `use_auth_token: "%s"`)],
    falsePositives: () => ["const api_org_controller = require('../../controllers/api/index').organizations;", `def _api_org_${fake.hex(8, "hforg-1")}_${fake.hex(4, "hforg-2")}(self):`],
  }),
];
