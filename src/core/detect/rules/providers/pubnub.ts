/**
 * PubNub keysets: the publish key (`pub-c-`) and subscribe key (`sub-c-`) an app passes to the SDK,
 * and the secret key (`sec-c-`) that signs Access Manager grants and administrative calls. Publish and
 * subscribe keys are UUID-shaped after their prefix (PubNub's keyset documentation names the prefixes);
 * the secret key's body is the base64 text of a UUID, which the validator decodes.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { structureCheck } from "../../validate/structure.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { keyed } from "./keyed.js";

const KEYSETS = "https://www.pubnub.com/docs/portal/keysets";
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A secret key's body: 48 base64 characters whose bytes are a UUID's 36 characters. */
function isEncodedUuid(key: string): boolean {
  return UUID_TEXT.test(Buffer.from(key.slice("sec-c-".length), "base64").toString("latin1"));
}

export const rules: Rule[] = [
  ...keyed([
    { id: "pubnub-publish-key", provider: "PubNub", kind: "publish key", names: ["pubnub"], value: { prefix: "pub-c-", alphabet: "lowerDigits", groups: [8, 4, 4, 4, 12], standalone: true }, severity: "medium", docs: KEYSETS },
    // Lets anyone read the keyset's channels unless Access Manager is on: low, as apps ship it to clients.
    { id: "pubnub-subscribe-key", provider: "PubNub", kind: "subscribe key", names: ["pubnub"], value: { prefix: "sub-c-", alphabet: "lowerDigits", groups: [8, 4, 4, 4, 12], standalone: true }, severity: "low", docs: KEYSETS },
  ]),
  defineRule({
    id: "pubnub-secret-key",
    title: "PubNub secret key",
    provider: "PubNub",
    severity: "critical",
    keywords: ["sec-c-"],
    regex: /(?<![\w-])(?<secret>sec-c-[A-Za-z0-9+/]{48})(?![\w+/=-])/,
    validate: (key) => structureCheck(isEncodedUuid(key), "base64 of a UUID", "the body does not decode to a UUID"),
    docs: KEYSETS,
    remediation: "Rotate the keyset's secret key in the PubNub Admin Portal (Apps & Keysets), keep it on servers only, and load it from a secret store.",
    samples: () => ["sec-c-" + Buffer.from(fake.uuid("pubnub-sec-1")).toString("base64"), "sec-c-" + Buffer.from(fake.uuid("pubnub-sec-2")).toString("base64")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("pubnub_secret_key", a), ...withValue(b, `const pubnub = new PubNub({ secretKey: "%s", userId: "server" });`)],
    falsePositives: ([a]) => ["sec-c-" + fake.alnum(24, "pubnub-sec-short"), `PUBNUB_SECRET_KEY=${a}x`, "PUBNUB_SECRET_KEY=${PUBNUB_SECRET_KEY}"],
  }),
];
