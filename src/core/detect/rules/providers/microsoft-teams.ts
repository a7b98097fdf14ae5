/**
 * Microsoft Teams: incoming webhook URLs (Office 365 connectors) and Workflows (Power Automate / Logic
 * Apps) trigger URLs, whose sig= parameter signs them. The URL is the credential. Formats from
 * Microsoft Learn's Teams webhook and Power Automate documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { UUID_ANY_CASE, defineRule, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "microsoft-teams-webhook-url",
    title: "Microsoft Teams incoming webhook URL",
    provider: "Microsoft Teams",
    severity: "medium",
    keywords: ["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"],
    regex: new RegExp(
      `(?<secret>(?:[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID_ANY_CASE}@${UUID_ANY_CASE}/IncomingWebhook/[a-f0-9]{32}/${UUID_ANY_CASE}(?:/V2[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    ),
    docs: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    remediation: "Remove the connector/webhook from the channel and create a new one whose URL lives in a secret store.",
    samples: () => ["acme.webhook.office" + ".com/webhookb2/" + fake.uuid("tw1") + "@" + fake.uuid("tw2") + "/IncomingWebhook/" + fake.hex(32, "tw3") + "/" + fake.uuid("tw4") + "/V2" + fake.base64url(43, "tw5")] as const,
    truePositives: ([u]) => withValue(u, "TEAMS_WEBHOOK_URL=https://%s", 'await fetch("https://%s", { method: "POST", body })', "  teams_webhook_url: https://%s"),
    falsePositives: ([u]) => [`TEAMS_WEBHOOK_URL=https://${u.slice(0, 80)}`, 'const docs = "https://acme.webhook.office.com/webhookb2/<id>";'],
  }),
  defineRule({
    id: "microsoft-teams-workflow-webhook",
    title: "Microsoft Teams workflow (Power Automate / Logic Apps) webhook signature",
    provider: "Microsoft Teams",
    severity: "medium",
    keywords: ["/paths/invoke"],
    // Teams "Workflows" webhooks are HTTP trigger URLs signed by their sig= parameter.
    regex: /\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_-]{1,64}\/paths\/invoke\?[^\s"'<>`]{0,300}?(?<=[?&])sig=(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_%-])/,
    docs: "https://learn.microsoft.com/en-us/power-automate/teams/create-flows-power-apps-teams",
    remediation: "Regenerate the trigger's URL (re-create the workflow trigger or rotate the Logic App's access keys) and keep it in a secret store.",
    samples: () => [fake.base64url(43, "teams-wf-sig")] as const,
    truePositives: ([sig]) =>
      withValue(
        sig,
        `TEAMS_WORKFLOW_URL=https://prod-12.westus.logic.azure.com:443/workflows/${fake.hex(32, "wf")}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=%s`,
        `const url = "https://default${fake.hex(30, "env")}.0e.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${fake.hex(32, "wf2")}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=%s";`,
      ),
    falsePositives: ([sig]) => [`https://example.com/paths/invoke?sig=${sig}`, `/workflows/${fake.hex(32, "wf3")}/triggers/manual/paths/invoke?api-version=1&sig=short`],
  }),
];
