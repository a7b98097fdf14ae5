/**
 * Credentials wrapped once more in base64, as Kubernetes manifests, CI variables and config blobs keep
 * them:
 * - a JSON Web Token encoded again starts with "ZXlK" (base64 of "eyJ"). Reported only when the
 *   decoded text is a JWT whose header decodes to a JSON object, so base64 data that merely starts
 *   with those letters is not;
 * - the `data:` values of a Kubernetes `kind: Secret` manifest are its secrets, base64-encoded
 *   (`stringData:` is plain text and left to the other rules; templates and empty values are not
 *   reported, nor manifests of other kinds such as ExternalSecret or SopsSecret).
 */
import type { RawMatch, Rule } from "../../rule.js";
import { exampleJwt, fake } from "../../fake.js";
import { defineRule, withValue } from "../kit.js";

const ENCODED_JWT = /(?<![A-Za-z0-9+/_-])ZXlK[A-Za-z0-9+/_-]{40,8000}={0,2}(?![A-Za-z0-9+/=_-])/g;

/** The JWT a base64 (standard or URL-safe, padded or not) text encodes, or undefined. */
export function decodedJwt(text: string): string | undefined {
  const decoded = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
  const m = /^eyJ([A-Za-z0-9_-]{2,4096})\.[A-Za-z0-9_-]{0,16384}(?:\.[A-Za-z0-9_-]{0,4096})?$/.exec(decoded);
  if (!m) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from("eyJ" + (m[1] as string), "base64url").toString("utf8"));
    return header !== null && typeof header === "object" && !Array.isArray(header) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function findEncodedJwts(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of text.matchAll(ENCODED_JWT)) {
    if (decodedJwt(m[0]) !== undefined) out.push({ secret: m[0], index: m.index });
  }
  return out;
}

/** How far past the `apiVersion:` line a manifest is read. */
const MANIFEST_WINDOW = 6000;

const SECRET_KIND = /^\s*kind:\s*["']?[Ss]ecret["']?\s*$/m;
const DATA_KEY = /^([ \t]*)data:[ \t]*$/m;
/** `name: value` with the value on the line, or on the next one after a `|` or `>` block indicator. */
const DATA_ENTRY = /^[ \t]+["']?[\w.-]{1,253}["']?:[ \t]*(?:[|>][-+]?[ \t]*\n[ \t]+)?["']?(?<secret>[A-Za-z0-9+/]{12,65536}={0,2})["']?[ \t]*$/;

/** The base64 values under `data:` of each `kind: Secret` document in a YAML window. */
function findKubernetesSecretData(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const separators = [...text.matchAll(/^---[ \t]*$/gm)].map((m) => [m.index, m.index + m[0].length] as const);
  const bounds = [0, ...separators.flat(), text.length];
  for (let b = 0; b < bounds.length; b += 2) {
    const start = bounds[b] as number;
    const doc = text.slice(start, bounds[b + 1]);
    const data = SECRET_KIND.test(doc) ? DATA_KEY.exec(doc) : null;
    if (!data) continue;
    const indent = (data[1] as string).length;
    const lines = doc.slice(data.index + data[0].length + 1).split("\n");
    let at = start + data.index + data[0].length + 1;
    for (let i = 0; i < lines.length; i++) {
      const current = lines[i] as string;
      const lineStart = at;
      at += current.length + 1;
      if (current.trim() === "" || current.trim().startsWith("#")) continue;
      if (current.length - current.trimStart().length <= indent) break;
      // A block scalar's value sits on the next line.
      const candidate = /:[ \t]*[|>][-+]?[ \t]*$/.test(current) && i + 1 < lines.length ? current + "\n" + (lines[i + 1] as string) : current;
      const m = DATA_ENTRY.exec(candidate);
      if (!m) continue;
      const secret = m.groups?.secret as string;
      out.push({ secret, index: lineStart + candidate.lastIndexOf(secret) });
    }
  }
  return out;
}

const encode = (jwt: string) => Buffer.from(jwt, "latin1").toString("base64");

export const rules: Rule[] = [
  defineRule({
    id: "kubernetes-secret-data",
    title: "Kubernetes Secret manifest data",
    provider: "Kubernetes",
    severity: "high",
    keywords: ["apiversion"],
    window: MANIFEST_WINDOW,
    find: (text) => findKubernetesSecretData(text),
    docs: "https://kubernetes.io/docs/concepts/configuration/secret/",
    remediation: "Rotate the values, delete the manifest from history, and keep Secrets out of Git (Sealed Secrets, SOPS, External Secrets or the cluster's secret store).",
    samples: () => [Buffer.from(fake.alnum(20, "k8s-secret")).toString("base64"), Buffer.from(fake.alnum(16, "k8s-pw")).toString("base64")] as const,
    // A manifest, not a setting: the syntax matrix does not apply.
    truePositives: ([value, other]) => [
      ...withValue(value, `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: %s\n`, `apiVersion: v1\ndata:\n  token: "%s"\nkind: Secret\nmetadata:\n  name: api\n`),
      ...withValue(other, `apiVersion: v1\nkind: Secret\ndata:\n  .dockercfg: |\n    %s\nmetadata:\n  name: registry\n`),
    ],
    falsePositives: ([value]) => [
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  settings: ${value}\n`,
      `apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password }}\n  empty: ""\n`,
      `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\ndata:\n  key: ${value}\n`,
    ],
  }),
  defineRule({
    id: "jwt-base64",
    title: "Base64-encoded JSON Web Token",
    provider: "JWT",
    severity: "high",
    keywords: ["zxlk"],
    find: (text) => findEncodedJwts(text),
    docs: "https://www.rfc-editor.org/rfc/rfc7519",
    remediation: "Revoke the token (end the session or rotate the key that signed it); base64 is an encoding, not protection.",
    samples: () => {
      const jwt = exampleJwt({ sub: fake.uuid("jwt-b64-sub"), aud: "payments-api", exp: 4_102_444_800 }, "jwt-b64");
      return [encode(jwt), encode(jwt).replace(/=+$/, ""), Buffer.from(jwt, "latin1").toString("base64url")] as const;
    },
    truePositives: ([padded, unpadded, urlSafe]) => [
      ...withValue(padded, `  token: %s`),
      ...withValue(unpadded, `AUTH_TOKEN_B64="%s"`),
      ...withValue(urlSafe, `TOKEN=%s`),
    ],
    falsePositives: () => [`data: ${encode("eyJ" + fake.alnum(60, "jwt-b64-not"))}`, `blob: ZXlK${fake.alnum(60, "jwt-b64-rand")}`],
  }),
];
