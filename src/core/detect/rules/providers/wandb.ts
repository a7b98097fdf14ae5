/**
 * Weights & Biases API keys (docs.wandb.ai, environment variables): 40 hex characters without a prefix,
 * reported under a setting or call that names W&B, or after `wandb login`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, ci, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "wandb-api-key",
    title: "Weights & Biases API key",
    provider: "Weights & Biases",
    severity: "high",
    keywords: ["wandb"],
    owns: { names: ["wandb"], shape: { chars: "0-9a-f", length: [40, 40] } },
    regex: new RegExp(
      `(?:${providerSetting(["wandb"], CREDENTIAL_KINDS)}|${ci("wandb")}\\s{1,3}login(?:\\s{1,3}--[\\w-]{1,20}){0,2}\\s{1,3})(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_])`,
    ),
    docs: "https://docs.wandb.ai/guides/track/environment-variables/",
    remediation: "Revoke the key in W&B user settings (API keys), create a new one and load it from WANDB_API_KEY.",
    samples: () => [fake.hex(40, "wandb-1"), fake.hex(40, "wandb-2"), fake.hex(40, "wandb-3")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("wandb_api_key", a),
      ...withValue(b, `wandb login --relogin %s`, `wandb login %s`),
      ...withValue(c, `wandb.login(key="%s")`),
    ],
    falsePositives: () => [`WANDB_RUN_ID=${fake.hex(40, "wandb-4")}`, `wandb login $WANDB_API_KEY`, `WANDB_API_KEY=${fake.hex(32, "wandb-5")}`],
  }),
];
