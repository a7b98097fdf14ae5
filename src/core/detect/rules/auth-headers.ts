/**
 * Credentials written into HTTP requests: `Authorization: Bearer <token>` and `Authorization: Basic
 * <base64>` in code, curl commands, `.http` / `.rest` files and header objects; `curl -u user:password`;
 * API-key headers (`X-API-Key`, `api-key`, `X-Auth-Token`, GitLab's `Private-Token`...) with literal values.
 *
 * Built values are not findings: `'Bearer ' + token`, `` `Bearer ${token}` ``, `Bearer $TOKEN`,
 * `Bearer {{token}}`, `Bearer <token>`, and in code a header whose value is a variable. JWTs are left to
 * the JWT rule, which reads their claims. Basic credentials are decoded to check their `user:password` shape.
 */
import { shannonEntropy } from "../entropy.js";
import { fake } from "../fake.js";
import { classifyPlaceholder } from "../placeholder.js";
import type { RawMatch, Rule } from "../rule.js";
import { isTemplateOrReference } from "./connection-strings.js";
import { defineRule, withValue } from "./kit.js";

/** Between a header name and its value, in every syntax: `: `, `": "`, `", "`, `"] = "`, `' => '`,
 * and server configs' space before a quoted value (nginx `proxy_set_header Authorization "Basic ..."`). */
const SEPARATOR = String.raw`(?<nameQuote>["'\x60]?)\]?(?:\s{0,3}(?:=>|[:=,])\s{0,3}|\s{1,3}(?=["']))`;
/** What may follow a literal value: the end, a space, a closing quote or bracket, an escaped quote. */
const VALUE_END = String.raw`(?=$|[\s"'\x60,;)}\]\\<])`;
const TOKEN_CHARS = String.raw`[A-Za-z0-9._~+/=-]`;

const BEARER = new RegExp(
  String.raw`(?<![A-Za-z0-9_])authorization${SEPARATOR}(?<open>["'\x60]?)\s{0,3}(?<scheme>bearer|token|apikey)\s{1,3}(?<secret>${TOKEN_CHARS}{12,4096})${VALUE_END}`,
  "dgi",
);
/** .NET: `new AuthenticationHeaderValue("Bearer", "<token>")`. */
const DOTNET_HEADER = /AuthenticationHeaderValue\(\s{0,3}"(?<scheme>Bearer|Basic)"\s{0,3},\s{0,3}"(?<secret>[A-Za-z0-9._~+/=-]{4,4096})"/dg;
const BASIC = new RegExp(
  String.raw`(?<![A-Za-z0-9_])authorization${SEPARATOR}(?<open>["'\x60]?)\s{0,3}basic\s{1,3}(?<secret>[^\s"'\x60,;)}\]\\<>]{4,2048})${VALUE_END}`,
  "dgi",
);

/**
 * A scheme and its credentials without the header name on the same line: recorded HTTP fixtures (VCR
 * cassettes list header values as `- Bearer <token>` under `Authorization:`), Postman collections
 * (`"value": "Bearer <token>"`), header assertions in tests. Only token-shaped values count here.
 */
const BEARER_VALUE = new RegExp(String.raw`(?<![A-Za-z0-9_-])bearer\s{1,3}(?<secret>${TOKEN_CHARS}{16,4096})${VALUE_END}`, "dgi");
const BASIC_VALUE = /(?<![A-Za-z0-9_-])basic\s{1,3}(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})(?=$|[\s"'\x60,;)}\]\\<])/dgi;

/** The name a quoted value is assigned to, at the end of the text before it (`name := "`, `"name": "`). */
const ASSIGNED_TO = /([A-Za-z_$][\w$.-]{0,60})["']?[ \t]{0,3}(?::=|=|:)[ \t]{0,3}["'\x60]$/;

/** Random enough to be a token rather than a word or an identifier: letters and digits, varied. */
function tokenShaped(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value) && shannonEntropy(value) >= 3.2 && !wordLike(value);
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]{5,}\.ey[A-Za-z0-9_-]{3,}\.[A-Za-z0-9_-]*$/;

/** Words and code references that sit where a token would: `this.token`, `ACCESS_TOKEN`, `myApiKey`. */
function wordLike(value: string): string | undefined {
  if (/^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){1,6}$/.test(value) && !/\d/.test(value)) return "a code reference";
  if (/^[A-Z]{2,30}(?:_[A-Z]{2,30}){1,6}$/.test(value)) return "an upper-case variable name";
  if (/^[a-z]{2,30}(?:_[a-z]{2,30}){1,6}$/.test(value)) return "a lower-case name";
  if (/^[a-z]{2,30}(?:[A-Z][a-z]{1,30}){1,6}$/.test(value)) return "a camelCase name";
  // `Basic header`, `Basic credentials`: prose; base64 of `user:password` always holds more than letters.
  if (/^[A-Za-z][a-z]{1,30}$/.test(value)) return "a word";
  return undefined;
}

function placeholderOrSecret(match: RawMatch, value: string, title: string): RawMatch {
  const word = wordLike(value);
  if (word) {
    match.category = "placeholder";
    match.severity = "medium";
    match.message = `${title}: the value is ${word}, not a token; replace it with a value read from an environment variable or a secret store.`;
  }
  return match;
}

// --- Authorization: Bearer / Token ------------------------------------------------------------------------

function findBearer(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const seen = new Set<number>();
  for (const re of [BEARER, DOTNET_HEADER, BEARER_VALUE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const g = m.groups ?? {};
      const secret = g["secret"] ?? "";
      const at = m.indices?.groups?.["secret"]?.[0] ?? m.index;
      if (seen.has(at)) continue;
      if (re === DOTNET_HEADER && g["scheme"] !== "Bearer") continue;
      if (re === BEARER_VALUE && !tokenShaped(secret)) continue;
      seen.add(at);
      if (JWT_SHAPE.test(secret)) continue; // the JWT rule reports it with its claims
      if (isTemplateOrReference(secret)) continue;
      const scheme = { token: "Token", apikey: "ApiKey" }[(g["scheme"] ?? "").toLowerCase()] ?? "Bearer";
      const match: RawMatch = {
        secret,
        index: at,
        message: `Authorization header with a literal ${scheme} token: whoever reads the code can call the API as its owner.`,
      };
      // `baremetricsToken := "Bearer …"`: the name says whose token it is (providers' claims read it).
      const setting = re === BEARER_VALUE ? ASSIGNED_TO.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[1] : undefined;
      if (setting) match.setting = setting;
      out.push(placeholderOrSecret(match, secret, "Authorization header"));
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

// --- Authorization: Basic -----------------------------------------------------------------------------------

/** Decodes Basic credentials; `undefined` when they are not base64 of printable `user:password`. */
export function decodeBasicCredentials(value: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]{2,}={0,2}$/.test(value) || value.length % 4 === 1) return undefined;
  const bytes = Buffer.from(value, "base64");
  const decoded = bytes.toString("utf8");
  if (decoded.includes("\uFFFD") || /[\u0000-\u001f\u007f]/.test(decoded)) return undefined; // eslint-disable-line no-control-regex
  const colon = decoded.indexOf(":");
  if (colon < 0 || decoded.length < 2) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const BASIC_CHECK = "Basic credentials decode to user:password";

function findBasic(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const seen = new Set<number>();
  for (const re of [BASIC, DOTNET_HEADER, BASIC_VALUE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const g = m.groups ?? {};
      if (re === DOTNET_HEADER && g["scheme"] !== "Basic") continue;
      let secret = g["secret"] ?? "";
      let index = m.indices?.groups?.["secret"]?.[0] ?? m.index;
      if (seen.has(index)) continue;
      // Without the header name, only a value that decodes to user:password is credentials (`basic auth` is prose).
      if (re === BASIC_VALUE && !decodeBasicCredentials(secret)) continue;
      seen.add(index);
      if (isTemplateOrReference(secret)) continue;
      const raw = secret.indexOf(":");
      if (raw > 0) {
        // REST Client files accept `Basic user:password` unencoded: the password is the secret.
        secret = secret.slice(raw + 1);
        index += raw + 1;
        if (isTemplateOrReference(secret)) continue;
        const match: RawMatch = { secret, index, message: "Authorization header with a literal Basic user:password (unencoded)." };
        out.push(match);
        continue;
      }
      const credentials = decodeBasicCredentials(secret);
      // A JWT sent under the wrong scheme is no user:password: the JWT rule reports it with its claims.
      if (!credentials && JWT_SHAPE.test(secret)) continue;
      const match: RawMatch = { secret, index };
      if (!credentials) {
        match.validation = { status: "failed", check: BASIC_CHECK, note: "the value is not base64 of user:password" };
        match.message = "Authorization: Basic header whose value does not decode to user:password.";
        const word = wordLike(secret);
        if (word) continue; // `Basic credentials`, `Basic authHeader`: a name, not a value
        out.push(match);
        continue;
      }
      const { user, password } = credentials;
      match.validation = { status: "confirmed", check: BASIC_CHECK, note: `user "${user.slice(0, 40)}"` };
      // The base64 hides the pair from the engine's placeholder check: apply it to the decoded password.
      const verdict = classifyPlaceholder(password || user, password ? user : undefined);
      if (verdict.placeholder) {
        match.category = "placeholder";
        match.severity = "medium";
        match.message = `Authorization: Basic header whose password is a placeholder (${verdict.reason}).`;
      } else {
        match.message = `Authorization: Basic header with literal credentials for user "${user.slice(0, 40)}".`;
      }
      out.push(match);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

// --- curl -u user:password ------------------------------------------------------------------------------------

const CURL = /(?<![A-Za-z0-9_.-])curl(?=\s)/g;
const CURL_USER = /(?<![A-Za-z0-9_-])(?:-u\s{0,3}|--user\s{1,3})(?<quote>["']?)(?<user>[^\s:'"$]{1,128}):(?<secret>[^\s'"]{0,256})\k<quote>(?=$|[\s;|&)\\])/dg;
const MAX_COMMAND = 4000;

/** The text of the curl command at `start`: to the end of its line, following `\` continuations. */
function commandExtent(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_COMMAND);
  let i = start;
  while (i < limit) {
    const newline = text.indexOf("\n", i);
    if (newline === -1 || newline >= limit) return limit;
    let j = newline - 1;
    if (text.charCodeAt(j) === 13) j--;
    if (text.charCodeAt(j) !== 92) return newline;
    i = newline + 1;
  }
  return limit;
}

function findCurlUser(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  CURL.lastIndex = 0;
  let c: RegExpExecArray | null;
  let scannedTo = 0;
  while ((c = CURL.exec(text)) !== null) {
    const start = Math.max(c.index, scannedTo);
    const end = commandExtent(text, c.index);
    scannedTo = end;
    const command = text.slice(start, end);
    CURL_USER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CURL_USER.exec(command)) !== null) {
      const user = m.groups?.["user"] ?? "";
      let secret = m.groups?.["secret"] ?? "";
      let index = start + (m.indices?.groups?.["secret"]?.[0] ?? m.index);
      if (secret === "") {
        // `-u sk_live_…:` (Stripe-style): the API key is the user name, the password is empty.
        if (user.length < 16 || isTemplateOrReference(user)) continue;
        secret = user;
        index = start + (m.indices?.groups?.["user"]?.[0] ?? m.index);
      } else if (isTemplateOrReference(secret)) {
        continue;
      }
      // `-u <user:password>`, `--user "xxx:yyy"`: usage text with a pair to fill in.
      const standIn = /^<[^<>]*$/.test(user) && /^[^<>]*>$/.test(secret) ? "a <user:password> template" : /^(.)\1*$/.test(secret) && /^(.)\1*$/.test(user) ? "one character repeated" : undefined;
      if (standIn) {
        out.push({ secret, index, category: "placeholder", severity: "medium", message: `curl command with a placeholder user and password (${standIn}).` });
        continue;
      }
      out.push({ secret, index, message: `curl command with literal credentials (-u ${secret === user ? "API key" : `user "${user.slice(0, 40)}"`}).` });
    }
    if (end > CURL.lastIndex) CURL.lastIndex = end;
  }
  return out;
}

// --- API-key headers --------------------------------------------------------------------------------------------

const API_KEY_HEADERS = [
  "x-api-key",
  "x-apikey",
  "api-key",
  "x-auth-token",
  "x-access-token",
  "private-token",
  "x-vault-token",
  "ocp-apim-subscription-key",
  "x-goog-api-key",
  "x-functions-key",
];
const API_KEY_HEADER = new RegExp(
  String.raw`(?<![A-Za-z0-9_-])(?<name>${API_KEY_HEADERS.join("|")})${SEPARATOR}(?<open>["'\x60]?)(?<secret>${TOKEN_CHARS}{12,512})${VALUE_END}`,
  "dgi",
);

function findApiKeyHeaders(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  API_KEY_HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = API_KEY_HEADER.exec(text)) !== null) {
    const g = m.groups ?? {};
    const secret = g["secret"] ?? "";
    // `"X-API-Key": apiKey`: a quoted name with an unquoted value is code; the value is a variable.
    if (g["nameQuote"] && !g["open"]) continue;
    if (JWT_SHAPE.test(secret) || isTemplateOrReference(secret)) continue;
    const name = g["name"] ?? "API key";
    const match: RawMatch = {
      secret,
      index: m.indices?.groups?.["secret"]?.[0] ?? m.index,
      message: `${name} header with a literal value: the API key is written in the request.`,
    };
    out.push(placeholderOrSecret(match, secret, `${name} header`));
  }
  return out;
}

// --- user:password encoded in code ------------------------------------------------------------------------------

/**
 * A `user:password` literal handed to a base64 encoder is Basic credentials built at run time:
 * `b64encode(b"user:pass")`, `btoa("user:pass")`, `base64_encode('user:pass')`, `encode64("user:pass")`,
 * `base64.StdEncoding.EncodeToString([]byte("user:pass"))`, `Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pass"))`,
 * `encodeToString("user:pass".getBytes())`, `Buffer.from("user:pass").toString("base64")`.
 */
const ENCODED_PAIR = new RegExp(
  String.raw`(?:b64encode|btoa|base64_encode|encode64|EncodeToString|encodeToString|ToBase64String|Buffer\.from)\(\s{0,3}` +
    String.raw`(?:\[\]byte\(|Encoding\.\w{2,8}\.GetBytes\()?b?(?<q>["'])(?<user>[^\s"'\x60:$%{}<>/\\]{1,64}):(?<secret>[^\s"'\x60$%{}<>\\]{1,128})\k<q>` +
    String.raw`(?<buffer>\)\s{0,3}\.toString\(\s{0,3}["']base64)?`,
  "dg",
);

function findEncodedPair(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  ENCODED_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED_PAIR.exec(text)) !== null) {
    // `Buffer.from("a:b")` is base64 only when it is read back as base64.
    if (m[0].startsWith("Buffer") && !m.groups?.["buffer"]) continue;
    const secret = m.groups?.["secret"] ?? "";
    if (secret.startsWith("//") || isTemplateOrReference(secret)) continue;
    out.push({ secret, index: m.indices?.groups?.["secret"]?.[0] ?? m.index, message: `Basic credentials built from a literal user and password (user "${(m.groups?.["user"] ?? "").slice(0, 40)}").` });
  }
  return out;
}

// --- Rules ----------------------------------------------------------------------------------------------------

const HEADER_REMEDIATION =
  "Revoke the token at the service that issued it, then read it at run time from an environment variable or a secret store.";

const token = (seed: string, n = 40) => fake.alnum(n, seed);
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString("base64");

export const rules: Rule[] = [
  defineRule({
    id: "authorization-bearer-token",
    title: "Bearer token in an Authorization header",
    provider: "HTTP",
    severity: "high",
    keywords: ["authorization", "authenticationheadervalue", "bearer"],
    find: findBearer,
    docs: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    remediation: HEADER_REMEDIATION,
    samples: () => [token("br1"), token("br2", 32), token("br3", 48), fake.hex(64, "br7"), token("br8", 64), basic(token("br9", 12), token("br10", 22)), token("br6")] as const,
    truePositives: ([t40, t32, t48, hex, t64, apiKey]) => [
      ...withValue(t40, `curl -H "Authorization: Bearer %s" https://api.acme.io/v1/orders`, `req.Header.Set("Authorization", "token %s")`),
      ...withValue(t32, `  headers: { Authorization: 'Bearer %s' },`),
      ...withValue(t48, `Authorization: Bearer %s`, `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "%s");`),
      // A recorded request (VCR cassette) lists the header's values under the name, one per line.
      ...withValue(hex, `      - Bearer %s`),
      ...withValue(t64, `  "value": "Bearer %s",`),
      ...withValue(apiKey, `  headers: { authorization: 'ApiKey %s' },`),
    ],
    falsePositives: ([, , , , , , glued]) => [
      "headers: { Authorization: 'Bearer ' + token },",
      "headers: { Authorization: `Bearer ${token}` },",
      'curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io',
      "Authorization: Bearer {{token}}",
      "Authorization: Bearer <token>",
      'headers = {"Authorization": f"Bearer {access_token}"}',
      `Authorization: Bearer ${glued}\${suffix}`,
      "Bearer tokens are accepted by every endpoint of the API.",
      "  - Bearer access_token_for_the_service",
    ],
  }),
  defineRule({
    id: "authorization-basic-credentials",
    title: "Basic credentials in an Authorization header",
    provider: "HTTP",
    severity: "high",
    keywords: ["authorization", "authenticationheadervalue", "basic"],
    find: findBasic,
    validate: (secret) =>
      decodeBasicCredentials(secret)
        ? { status: "confirmed", check: BASIC_CHECK }
        : { status: "failed", check: BASIC_CHECK, note: "the value is not base64 of user:password" },
    docs: "https://www.rfc-editor.org/rfc/rfc7617#section-2",
    remediation: "Change the account's password (or revoke the API key used as user name), then read credentials from a secret store.",
    samples: () => [basic("svc-deploy", token("bs1", 18)), basic(token("bs2", 32), ""), token("bs3", 16), basic("api", fake.hex(32, "bs4")), basic("svc", token("bs5", 12))] as const,
    truePositives: ([deploy, keyAsUser, password, recorded, asserted]) => [
      ...withValue(deploy, `curl -H 'Authorization: Basic %s' https://ci.acme.io/api`),
      ...withValue(keyAsUser, `  "Authorization": "Basic %s",`),
      // REST Client files take `user:password` unencoded: the password is the value.
      ...withValue(password, `Authorization: Basic admin:%s`),
      ...withValue(recorded, `      - Basic %s`),
      ...withValue(asserted, `  assert.Equal(t, "Basic %s", r.Header.Get("Authorization"))`),
    ],
    falsePositives: () => [
      "headers['Authorization'] = 'Basic ' + btoa(`${user}:${pass}`);",
      "Authorization: Basic ${BASIC_AUTH}",
      "Authorization: Basic {{credentials}}",
      `Authorization: Basic ${basic("username", "password")}`,
      "Basic authentication username",
      "Use basic AUTHENTICATION for the admin endpoints.",
    ],
  }),
  defineRule({
    id: "curl-basic-auth",
    title: "curl command with -u user:password",
    provider: "HTTP",
    severity: "high",
    keywords: ["curl"],
    window: MAX_COMMAND,
    find: findCurlUser,
    docs: "https://curl.se/docs/manpage.html#-u",
    remediation: "Change the password or revoke the key, and let curl read it from a netrc file or an environment variable (-u \"$USER:$PASS\").",
    samples: () => [token("cu1", 16), token("cu2", 24), "sk_" + "test_" + token("cu3", 24), token("cu4", 12)] as const,
    truePositives: ([password, continued, apiKey]) => [
      ...withValue(password, `curl -u admin:%s https://jenkins.acme.io/api/json`),
      ...withValue(continued, `curl https://api.acme.io/v1/charges \\\n  --user "billing:%s" \\\n  -d amount=100`),
      // `-u key:` (Stripe-style): the API key is the user name, the password is empty.
      ...withValue(apiKey, `curl -u %s: https://api.stripe.com/v1/charges`),
    ],
    falsePositives: ([, , , other]) => [
      'curl -u "$USER:$PASS" https://api.acme.io',
      "curl -u admin https://jenkins.acme.io",
      'curl --user-agent "Mozilla/5.0" https://acme.io',
      `mysql -u root:${other} shop`,
      "curl -u ${API_KEY}: https://api.stripe.com/v1/charges",
    ],
  }),
  defineRule({
    id: "basic-credentials-encoded",
    title: "user:password encoded as Basic credentials in code",
    provider: "HTTP",
    severity: "high",
    keywords: ["b64encode", "btoa", "base64_encode", "encode64", "encodetostring", "tobase64string", "buffer.from"],
    find: findEncodedPair,
    docs: "https://datatracker.ietf.org/doc/html/rfc7617",
    remediation: "Change the password, and build the header from a user and password read from environment variables or a secret store.",
    samples: () => [token("be1", 14), token("be2", 18), token("be3", 12), token("be4", 16), token("be5", 20)] as const,
    truePositives: ([python, js, go, csharp, buffer]) => [
      ...withValue(python, `auth_ = base64.b64encode(b'deploy:%s').decode('ascii')`),
      ...withValue(js, `const auth = btoa("ci-bot:%s");`),
      ...withValue(go, `auth := base64.StdEncoding.EncodeToString([]byte("admin:%s"))`),
      ...withValue(csharp, `var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("svc:%s"));`),
      ...withValue(buffer, `headers.Authorization = "Basic " + Buffer.from('deploy:%s').toString('base64');`),
    ],
    falsePositives: ([python]) => [
      `auth = base64.b64encode(f"{user}:{password}".encode())`,
      "const auth = btoa(`${user}:${pass}`);",
      `const auth = btoa(user + ":" + password);`,
      `const key = Buffer.from('deploy:${python}').toString('hex');`,
      `const url = btoa("https://acme.io/callback");`,
      `auth := base64.StdEncoding.EncodeToString([]byte("%s:%s"))`,
    ],
  }),
  defineRule({
    id: "api-key-header",
    title: "API key in a request header",
    provider: "HTTP",
    severity: "high",
    keywords: API_KEY_HEADERS,
    find: findApiKeyHeaders,
    docs: "https://swagger.io/docs/specification/v3_0/authentication/api-keys/",
    remediation: HEADER_REMEDIATION,
    samples: () => [token("ak1", 32), token("ak2", 40), "glpat-" + token("ak3", 20), fake.hex(32, "ak4"), token("ak5", 32)] as const,
    truePositives: ([curl, object, gitlab, hex]) => [
      ...withValue(curl, `curl -H "X-API-Key: %s" https://api.acme.io/v2/items`),
      ...withValue(object, `  headers: { 'x-api-key': '%s', 'content-type': 'application/json' },`),
      ...withValue(gitlab, `PRIVATE-TOKEN: %s`),
      ...withValue(hex, `requests.get(url, headers={"api-key": "%s"})`),
    ],
    falsePositives: ([, , , , other]) => [
      "headers: { 'x-api-key': apiKey },",
      '"X-API-Key": os.environ["API_KEY"],',
      "x-api-key: ${API_KEY}",
      `openai-api-key: ${other}`,
      "'X-Auth-Token': this.configService.get('TOKEN'),",
    ],
  }),
];
