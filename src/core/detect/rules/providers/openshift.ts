/**
 * Red Hat OpenShift credentials: OpenShift OAuth access token.
 * Formats from the provider's documentation: https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "openshift-user-token",
    title: "OpenShift OAuth access token",
    provider: "Red Hat OpenShift",
    severity: "high",
    keywords: ["sha256~"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    docs: "https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html",
    remediation: "Delete the token (oc delete useroauthaccesstoken <name>, or log out) and let tools obtain short-lived tokens instead of storing one.",
    samples: () => ["sha256~" + fake.base64url(43, "openshift")] as const,
    truePositives: ([k]) => [...inSyntaxes("oc_token", k), ...withValue(k, "oc login --token=%s --server=https://api.cluster.example:6443")],
    falsePositives: () => ["sha256~" + fake.base64url(20, "os-short"), "sha256:" + fake.hex(64, "os-digest")],
  }),
];
