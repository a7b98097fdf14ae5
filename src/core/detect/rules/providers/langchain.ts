/**
 * LangChain's LangSmith keys (docs.smith.langchain.com): `lsv2_pt_` personal access tokens and
 * `lsv2_sk_` service keys, 32 hex characters, `_`, then 10 more.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "langsmith-personal-access-token",
    title: "LangSmith personal access token",
    provider: "LangChain",
    severity: "high",
    keywords: ["lsv2_pt_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>lsv2_pt_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_])/,
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    remediation: "Delete the token in LangSmith (Settings > API Keys), create a new one and load it from LANGSMITH_API_KEY.",
    samples: () => ["lsv2_pt_" + fake.hex(32, "ls-1-a") + "_" + fake.hex(10, "ls-1-b"), "lsv2_pt_" + fake.hex(32, "t-ls-1") + "_" + fake.hex(10, "t-ls-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("langchain_api_key", a), ...withValue(b, `os.environ["LANGSMITH_API_KEY"] = "%s"`)],
    falsePositives: () => [`LANGCHAIN_API_KEY=ls__${fake.hex(32, "ls-fp")}`, `lsv2_pt_${fake.hex(32, "ls-fp-2")}`],
  }),
  defineRule({
    id: "langsmith-service-key",
    title: "LangSmith service key",
    provider: "LangChain",
    severity: "high",
    keywords: ["lsv2_sk_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>lsv2_sk_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_])/,
    docs: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    remediation: "Delete the service key in LangSmith (Settings > API Keys), create a new one and keep it in a secret manager.",
    samples: () => ["lsv2_sk_" + fake.hex(32, "lss-1-a") + "_" + fake.hex(10, "lss-1-b"), "lsv2_sk_" + fake.hex(32, "t-ls-3") + "_" + fake.hex(10, "t-ls-4")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("langsmith_api_key", a), ...withValue(b, `langsmith_key: "%s"`)],
    falsePositives: () => [`lsv2_sk_${fake.hex(20, "lss-fp")}_${fake.hex(10, "lss-fp-2")}`, `lsv2_xx_${fake.hex(32, "lss-fp-3")}_${fake.hex(10, "lss-fp-4")}`],
  }),
];
