/**
 * Zoom: app client secrets, 32 letters and digits with no prefix, read only as the value of a Zoom
 * secret setting (Zoom's OAuth documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "zoom-client-secret",
    title: "Zoom app client secret",
    provider: "Zoom",
    severity: "high",
    keywords: ["zoom"],
    regex: assigned(`${ci("zoom")}[\\w. -]{0,30}?${ci("secret")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.zoom.us/docs/integrations/oauth/",
    remediation: "Regenerate the client secret in the app's App Credentials page (Zoom App Marketplace) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "zoom")] as const,
    truePositives: ([s]) => [...inSyntaxes("zoom_client_secret", s), ...withValue(s, '  "zoomApiSecret": "%s",')],
    falsePositives: ([s]) => [`ZOOM_CLIENT_ID=${s.slice(0, 22)}`, `ZOOM_CLIENT_SECRET=${s.slice(0, 20)}`],
  }),
];
