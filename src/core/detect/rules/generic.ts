/**
 * Generic secrets: a literal value assigned to a secret-like name, in every common syntax (code string
 * literals, JSON, YAML, .env, properties, TOML, XML, HCL, INI, Dockerfile ENV, shell export, CLI flags,
 * URL query parameters, SQL). Short and punctuated passwords count: `password: "Tr0ub!e"` is a leak
 * even though no provider format matches it.
 *
 * What keeps this precise is deciding, separately, (1) whether the *name* is secret-like and
 * (2) whether the *value* is a literal secret rather than a reference, a template, a label or a type.
 */
import { shannonEntropy } from "../entropy.js";
import { fake } from "../fake.js";
import { classifyPlaceholder, classifyTypedByHand } from "../placeholder.js";
import type { Example, MatchContext, RawMatch, Rule } from "../rule.js";
import { defineRule, inSyntaxes, lastIndexWithin, LOOK_AROUND, withValue } from "./kit.js";
import { nameWords } from "../name-words.js";
import { segmentIsJsonObject } from "../validate/jwt.js";

type KeyKind = "password" | "secret";

const PASSWORD_WORDS = new Set(["password", "passwd", "passwords", "passphrase", "passcode", "pass", "pwd", "pword", "pw", "psw"]);
const SECRET_WORDS = new Set([
  "secret", "secrets", "token", "credential", "credentials", "creds", "apikey", "bearer", "privatekey", "accesskey",
  "secretkey", "clientsecret", "authtoken", "accesstoken", "refreshtoken", "apitoken", "apisecret", "authkey",
  "signingkey", "encryptionkey", "masterkey", "sessionkey", "appkey", "appsecret", "consumersecret", "webhooksecret",
  "jwtsecret", "sharedsecret", "hmackey", "secretaccesskey", "connectionstring", "connstr", "sastoken", "pat",
  // Inputs of a signature or a hash: whoever has them can forge or precompute (OAuth 1 nonces, password salts).
  "salt", "nonce", "noncestr", "nkey", "consumerkey", "verifier", "otp", "totp", "hotp",
  // Session identifiers: a cookie's value logs its holder in (`connect.sid`, `PHPSESSID`).
  "sid", "sessionid", "sessid", "phpsessid", "jsessionid",
]);
/** Two-word names whose parts are innocent alone: api_key, access_key, private_key, auth_token... */
const SECRET_BIGRAMS = new Set([
  "api key", "access key", "secret key", "private key", "auth key", "signing key", "encryption key", "master key",
  "session key", "app key", "client key", "license key", "account key", "storage key", "shared key", "service key",
  "admin key", "write key", "api token", "access token", "auth token", "refresh token", "id token", "bot token",
  "personal token", "connection string", "sas token", "shared access", "client secret", "consumer key", "nonce str",
  "cipher key", "validation key", "decryption key", "auth code", "authorization code",
]);
/** Suffix forms in names written as one word (PGPASSWORD, DBPASS, MYSQLPWD, GITHUBTOKEN). */
const PASSWORD_SUFFIXES = ["password", "passwd", "passphrase", "pwd"];
const SECRET_SUFFIXES = ["secret", "token", "apikey", "secretkey", "accesskey", "privatekey"];

/** A name with one of these words describes a secret without holding one (token_url, password_hash...). */
const EXCLUDED_WORDS = new Set([
  "public", "publishable", "pub", "hash", "hashed", "digest", "length", "len", "max", "min", "count", "limit", "limits",
  "tokens", "type", "types", "name", "names", "id", "ids", "url", "uri", "urls", "endpoint", "path", "paths", "file",
  "filename", "files", "dir", "directory", "field", "fields", "label", "labels", "placeholder", "hint", "regex",
  "regexp", "pattern", "format", "policy", "prompt", "message", "msg", "error", "errors", "expiry", "expires",
  "expiration", "expire", "ttl", "timeout", "header", "headers", "prefix", "suffix", "enabled", "enable", "disabled",
  "required", "mode", "version", "env", "var", "variable", "ref", "reference", "arn", "manager", "store", "vault", "provider",
  "source", "location", "rotation", "reset", "forgot", "strength", "validator", "validation", "valid", "invalid",
  "input", "button", "dialog", "icon", "i18n", "translation", "description", "desc", "title", "help", "usage",
  "index", "position", "pos", "parser", "lexer", "kind", "class", "csrf", "xsrf", "size", "bytes", "bits", "chars",
  "characters", "lifetime", "duration", "interval", "age", "at", "date", "time", "timestamp", "created", "updated",
  "method", "methods", "scheme", "schema", "algorithm", "alg", "cipher", "template", "example", "sample", "test",
  "mock", "fake", "dummy", "key_id", "keyid", "stream", "generator", "visible", "visibility", "show", "hide", "toggle",
  "changed", "change", "policy", "complexity", "rules", "rule", "selector", "locator", "xpath", "css",
  "param", "parameter", "option", "options", "column", "col", "table", "attr", "attribute", "property", "prop", "props",
  "handler", "callback", "event", "listener", "cache", "storage", "service", "client", "factory", "builder", "util",
  "utils", "helper", "spec", "count", "total", "sum", "vault", "keychain", "keyring", "ssm", "secretsmanager", "kms",
  "bucket", "region", "host", "hostname", "port", "user", "username", "login", "email", "account", "owner", "issuer",
  "audience", "scope", "scopes", "grant", "response", "request", "result", "status", "state", "flow", "step", "page",
  "text", "str", "string", "color", "colour", "style", "indent", "width", "height", "line", "lines", "node", "nodes",
  "kind", "start", "end", "offset", "char", "literal", "value_type", "display", "fn", "func", "function", "enum",
  "namespace", "privilege", "privileges", "mgr", "broker", "realm",
]);

/** Words that make a name describe an event or an outcome concerning a secret, not hold one. */
const ABOUT_A_SECRET = new Set([
  "status", "error", "errors", "err", "complexity", "wrong", "incorrect", "expired", "history", "restriction", "restrictions",
  "conflict", "action", "actions", "mismatch", "too", "filter", "blob", "json", "xml",
  // Pagination and sync cursors are opaque, not credentials (`next_token`, `page_token`).
  "next", "page", "continuation", "pagination", "cursor", "sync",
  // Anti-forgery tokens are handed to every visitor's browser in the page itself (`csrf_token`,
  // Rails' `authenticity_token`, ASP.NET's `__RequestVerificationToken`).
  "csrf", "xsrf", "authenticity", "antiforgery", "forgery",
  // A name that says its value does not work is a test's deliberate counter-example (`invalidToken`,
  // `nonMatchingToken`, `malformed_secret`).
  "invalid", "malformed", "bogus", "nonmatching", "unmatched", "nonexistent", "revoked",
]);
/** Words that glue onto a secret word in one-word names (`csrfmiddlewaretoken`, `invalidtoken`). */
const ABOUT_A_SECRET_PREFIX = /^(?:csrf|xsrf|authenticity|antiforgery|requestverification|invalid|malformed|bogus|nonmatching)/;

/** Values that are words of a type system, an auth scheme or a UI, not secrets. */
const NON_SECRET_VALUES = new Set([
  "required", "optional", "invalid", "valid", "string", "str", "text", "hidden", "number", "int", "integer", "boolean",
  "bool", "object", "array", "list", "dict", "map", "any", "unknown", "never", "void", "visible", "value", "input",
  "field", "label", "missing", "empty", "undefined", "null", "nil", "none", "true", "false", "yes", "no", "on", "off",
  "enabled", "disabled", "bearer", "basic", "digest", "oauth", "oauth2", "jwt", "header", "query", "cookie", "body",
  "form", "plain", "plaintext", "md5", "sha1", "sha256", "sha512", "bcrypt", "argon2", "argon2id", "scrypt", "pbkdf2",
  "hmac", "hs256", "hs512", "rs256", "es256", "aes", "aes256", "rsa", "auto", "manual", "always", "never", "env",
  "environment", "file", "vault", "keychain", "secrets",
  "random", "generated", "prompt", "ask", "stdin", "interactive", "inherit", "default", "unset", "current-password",
  "new-password", "off", "omit", "redacted", "sensitive", "mask", "masked", "encrypted", "protected", "private",
  "public", "readonly", "read", "write", "admin-only", "internal", "external", "hashed",
  // Character encodings and algorithm names (`passwordEncoding = "UTF-8"`, `tokenEncoding: "base64url"`).
  "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf-32", "ascii", "us-ascii", "latin1", "latin-1",
  "iso-8859-1", "iso-8859-15", "windows-1252", "cp1252", "base64", "base64url", "base32", "hex", "sha-1",
  "sha-256", "sha-384", "sha-512", "sha384", "hmacsha1", "hmacsha256", "hmacsha384", "hmacsha512", "hs384",
  "rs384", "rs512", "es384", "es512", "ps256", "ps384", "ps512", "eddsa", "ed25519", "pkcs12", "pkcs8", "jks",
]);

/** Test code and its fixtures: a directory named for tests, or a file named as a test. */
const TEST_PATH = /(?:^|\/)(?:tests?|specs?|__tests__|__mocks__|testdata|test-data|fixtures?|testing|mocks?)\/|(?:^|\/)test_[\w-]+\.\w+$|[._-](?:test|spec|tests)\.\w+$|_test\.go$|Tests?\.(?:java|kt|cs|scala|swift)$/i;

function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** keypass, storepass, dbpass, rootpass: but not bypass, compass, surpass. */
const NOT_PASS_COMPOUNDS = new Set(["bypass", "compass", "surpass", "encompass", "overpass", "underpass", "trespass", "impass", "impasse", "kompass", "askpass", "minipass", "sshpass", "multipass", "firstpass", "singlepass", "onepass", "twopass", "renderpass", "subpass"]);
function isPassCompound(word: string): boolean {
  return word.length > 5 && word.endsWith("pass") && !NOT_PASS_COMPOUNDS.has(word);
}

/** Names repeat from line to line (`password`, `api_key`): each is classified once per thread. */
const nameKinds = [new Map<string, KeyKind | null>(), new Map<string, KeyKind | null>()] as const;
const NAME_KINDS_MAX = 10_000;

/** Is this name one that holds a secret? Which kind? */
export function classifyName(name: string, memberAccess = false): KeyKind | undefined {
  const cache = nameKinds[memberAccess ? 1 : 0];
  const known = cache.get(name);
  if (known !== undefined) return known ?? undefined;
  if (cache.size >= NAME_KINDS_MAX) cache.clear();
  const kind = kindOfName(name, memberAccess);
  cache.set(name, kind ?? null);
  return kind;
}

function kindOfName(name: string, memberAccess: boolean): KeyKind | undefined {
  // In code a dotted name is a member access: its last two segments name it (`token.indent` is an
  // indent, `config.api.key` a key). In config files dots are part of one name (`spring.datasource.password`).
  let named = name;
  if (memberAccess && name.includes(".")) {
    const segments = name.split(".").filter((s) => s.length > 0);
    if (segments.length > 2) named = segments.slice(-2).join(".");
  }
  let words = nameWords(named);
  // WeChat Pay's `nonce_str` is one word.
  if (words.includes("nonce")) words = words.join(" ").replace(/\bnonce str\b/g, "noncestr").split(" ");
  if (words.length === 0 || words.length > 10) return undefined;
  // `keyVaultToStoreSecrets`, `pathToToken`: what comes before "to" is the thing named, the rest its purpose.
  const purpose = words.indexOf("to");
  if (purpose > 0) words.length = purpose;
  const last = words[words.length - 1] as string;
  if (EXCLUDED_WORDS.has(last) || words.some((w) => w === "public" || w === "publishable" || w === "hash" || w === "hashed")) return undefined;
  // `STATUS_WRONG_PASSWORD = 3221225578`, `ERR_TOKEN_EXPIRED`: a code or a message about a secret.
  if (words.some((w) => ABOUT_A_SECRET.has(w) || ABOUT_A_SECRET_PREFIX.test(w))) return undefined;
  // `nonMatchingToken`, `non_matching_key`: split by case, "non" and "matching" say the same.
  if (words.some((w, i) => (w === "non" || w === "not") && /^(?:matching|valid|existent|existing|working)$/.test(words[i + 1] ?? ""))) return undefined;
  // "key id" names an identifier, not a secret (AWS_ACCESS_KEY_ID is found by its own rule).
  if (last === "id" || last === "ids") return undefined;
  let kind: KeyKind | undefined;
  for (let i = 0; i < words.length; i++) {
    // `password2`, `token_1`: a numbered copy of the same name.
    const written = words[i] as string;
    const end = written.charCodeAt(written.length - 1);
    const word = end >= 48 && end <= 57 ? written.replace(/(?<=[a-z]{3})\d{1,2}$/, "") : written;
    if (EXCLUDED_WORDS.has(word) && i === words.length - 1) return undefined;
    if (PASSWORD_WORDS.has(word) || PASSWORD_SUFFIXES.some((s) => word.endsWith(s) && word.length > s.length + 1) || isPassCompound(word)) kind = "password";
    else if (kind === undefined && (SECRET_WORDS.has(word) || (word.length > 6 && SECRET_SUFFIXES.some((s) => word.endsWith(s) && word.length > s.length + 1)))) kind = "secret";
    else if (kind === undefined && i > 0 && SECRET_BIGRAMS.has(`${words[i - 1]} ${word}`)) kind = "secret";
  }
  // `KEY`, `$key`, `'key' =>`: a bare "key" names too many things (maps, caches, i18n); it counts only
  // for key material, which classifyValue checks (`bareKey`).
  if (kind === undefined && words.length === 1 && (last === "key" || last === "keys")) kind = "secret";
  // A password's salt is not the password: it is a secret of its own kind (`password_salt`).
  if (kind !== undefined && (last === "salt" || last === "nonce")) kind = "secret";
  // `auth` alone, or as the last word (`_auth`, `basic_auth`): npm's _auth, HTTP basic auth values.
  if (kind === undefined && last === "auth") kind = "secret";
  // Plural "tokens" is an LLM or lexer count, not a credential.
  if (kind === "secret" && words.includes("tokens") && !words.some((w) => SECRET_WORDS.has(w) && w !== "token")) return undefined;
  return kind;
}

type ValueVerdict =
  | { kind: "secret" }
  | { kind: "placeholder"; reason: string }
  | { kind: "none" };

const REFERENCE = /\$\{|\$\((?:<|[A-Za-z_][\w.-]*[\s)])|#\{|\{\{|\{%|<%|%\([A-Za-z_][\w.]{0,40}\)[-+ #0]{0,3}\d{0,3}[sdifrx]|^\$[A-Za-z_]|^%[A-Za-z_][\w.]*%$|^@[A-Za-z_]|process\.env|os\.environ|getenv|System\.getenv|ENV\[|env\(|^env:|^secret:|^vault:|^ssm:|^file:|^ref\+|secrets\.[A-Za-z_]|^arn:[\w-]+|^!(?:Ref|Sub|GetAtt|ImportValue|vault|secret)|^ENC[([]|^enc:|^sops:|^\{[a-z_][\w.]*\}$|^\$[0-9]$|^%s$|^%[dv]$|^\?$|^:[a-z_]\w*$|^\(\([\w./-]{1,100}\)\)$|^%%\w{1,60}%%$/;
const HASHED_PASSWORD = /^(?:\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|y|7|pbkdf2[\w-]*|scrypt)\$|(?:sha\d+|md5|pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2)\$[^$\s]{1,64}\$|\{(?:SSHA|SHA|SSHA256|SSHA512|CRYPT|MD4|MD5|BCRYPT|pbkdf2|scrypt|argon2|sha256|ldap)\}|sha\d+:|pbkdf2[_:]|md5[a-f0-9]{32}$)/i;
const PATH_LIKE = /^(?:\/(?:[\w.-]+\/)*[\w.-]*$|\.{1,2}\/|~\/|[A-Za-z]:\\|[\w.-]{1,40}:(?:\/|\.\/|~\/))/;
const URL_LIKE = /^[a-z][a-z0-9+.-]{1,20}:\/\//i;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const SINGLE_WORD_LABEL = /^\p{Lu}[\p{Ll}]+(?:\s\p{L}[\p{Ll}]*)?$/u;
/** `TF_TOKEN_app_terraform_io`: three or more words joined by underscores name something. */
const SNAKE_WORDS = /^[A-Za-z]{2,}(?:_[A-Za-z]{2,}){2,}$/;
const IDENTIFIER_LIKE = /^[a-z][a-z]*(?:[-_.][a-z]+)*$/;
/** What follows an unquoted word in a signature or a list (`password: string)`, `Auth,`), not part of it. */
const CLOSING_PUNCTUATION = /[)\]>,;:?]+$/;
/** Unquoted values in config files that are still expressions: calls, lists, maps, lambdas, member
 * paths (`jsTokens.matchToToken`), version ranges (`^7.1.3`). */
const CODE_EXPRESSION = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+;?$|^[\^~]?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?,?$|^[A-Za-z_$][\w$.]*\(|^[A-Za-z_$][\w$.]*\[["':\w]|^\(|^\[|^\{|^new\s|^await\s|^function\b|^=>|^!!|^&\w|^\*\w|^\|$|^>-?$/;

/**
 * Is `raw` (the literal assigned to a secret-like name) a secret, a placeholder, or nothing?
 * `quoted`: the value was a string literal (in code, unquoted values are expressions).
 */
function classifyValue(raw: string, name: string, kind: KeyKind, quoted: boolean, spaced = false): ValueVerdict {
  const value = raw.trim();
  // Spring Security's `{noop}` marks a password stored as it is: the value is what follows.
  if (value.startsWith("{noop}") && value.length > 6) return classifyValue(value.slice(6), name, kind, quoted, spaced);
  // A token may be long (signed tokens, macaroons run to a kilobyte); prose that long is not a value.
  if (value.length === 0 || value.length > MAX_TOKEN || (value.length > 300 && /\s/.test(value))) return { kind: "none" };
  if (/^(?:[$@]?key|keys)$/i.test(name.trim()) && !isKeyMaterial(value)) return { kind: "none" };
  const lower = value.toLowerCase();
  // "default" is a weak password, but as a token or key setting it names a mode.
  if (NON_SECRET_VALUES.has(lower) && !(kind === "password" && lower === "default")) return { kind: "none" };
  // Shell and template expansions are references, whatever the name inside them says; unless the name
  // itself asks for a value (`${YOUR_PASSWORD_HERE}`). A shell splice quotes it (`'{"password": "'$PASS'"}'`).
  if (/^['"]?(?:\$\{|\$\(|\$\$?[A-Za-z_]|\{\{|\{%|<%|#\{|\(\([\w./-]{1,100}(?:\)\))?$|%%\w{1,60}%%$)/.test(value)) {
    return /^\$?\{\{?\s*[\w.-]*(?:your|here|replace|change_?me|insert)[\w.-]*\s*\}\}?$/i.test(value)
      ? { kind: "placeholder", reason: "the template names a value still to be filled in" }
      : { kind: "none" };
  }
  // A label that repeats its name ("password": "Password", "apiKey": "API Key") is UI text.
  if (isLabelForName(value, name)) return { kind: "none" };
  // "пароль", "请输入密码", "パスワード": words of a language written in a script no token alphabet uses are
  // a translated label or message, not a value.
  if (inLanguageScript(value)) return { kind: "none" };
  // `consumer_key: CONSUMER_KEY` unquoted: the name of a variable that holds the value.
  // (`YOUR_API_KEY`, `TOKEN_HERE` ask for a value: they stay placeholders below.)
  if (!quoted && ENV_NAME.test(value) && value.length <= 64 && !ASKS_FOR_A_VALUE.test(value)) return { kind: "none" };
  // `'` + newpw + `'`: the pieces of a string built around a variable.
  if (/^["'\x60]\s{0,3}\+|\+\s{0,3}["'\x60]$|^\s{0,3}\+[^+]*\+\s{0,3}$/.test(value)) return { kind: "none" };
  // What a log or a test prints in place of a secret (`[REDACTED]`, `********`, `-redacted-`): no value.
  if (REDACTION_MARK.test(value) || PARTLY_MASKED.test(value)) return { kind: "none" };
  // `setPassword("notused")`, `password = Some("ignored")`: a value that says nothing reads it.
  if (SAYS_UNUSED.test(value)) return { kind: "none" };
  if (NOT_A_CREDENTIAL.test(value)) return { kind: "none" };
  if (isFormatString(value)) return { kind: "none" };
  if (spellsOwnName(quoted ? value : value.replace(CLOSING_PUNCTUATION, ""), name)) return { kind: "none" };
  // Explicit stand-ins first: "{your_token}", "<password>", "yourStrong(!)Password", "[YOUR_KEY]".
  const early = classifyPlaceholder(value, name);
  const hasSpace = /\s/.test(value);
  if (early.placeholder && !hasSpace) return { kind: "placeholder", reason: early.reason ?? "" };
  // A wrapped value (`{acme AQAAABAAA <token>}`) is as much a stand-in as the token it wraps.
  const wrappedStandIn = spaced ? standInWord(value) : undefined;
  if (wrappedStandIn) return { kind: "placeholder", reason: wrappedStandIn };
  if (hasSpace && SPOKEN_PLACEHOLDER.test(value)) return { kind: "placeholder", reason: "the value asks for a real one" };
  if (REFERENCE.test(value) || value.startsWith("\\")) return { kind: "none" };
  // The patterns below that need a punctuation mark run only where the value holds it: most tokens hold
  // none of `.:/\#`, and a bit of marksOf costs less than a pattern.
  const marks = marksOf(value);
  // `iam:ChangePassword`, `allauth.forms.ResetPasswordForm`, `formModel.newPassword`: a namespaced
  // name that mentions the secret is an identifier (an action, a class, a binding), not its value.
  // (Its words are joined by `.`, `:`, `/` or `#`.)
  if ((marks & (DOT_MARK | COLON_MARK | SLASH_MARK | HASH_MARK)) !== 0 && NAMESPACED_IDENTIFIER.test(value) && mentionsName(value, name)) return { kind: "none" };
  // `tns:AuthenticationTokenType`, `clm5:AgencyIdentificationCodeContentType`: a qualified name (an XML
  // type or element), words a generator does not write.
  if (kind !== "password" && (marks & COLON_MARK) !== 0 && isQualifiedName(value)) return { kind: "none" };
  if (HASHED_PASSWORD.test(value)) return { kind: "none" };
  // A URL's scheme and a data URL end with `:`; each form of a path holds `/` or `\`.
  if ((marks & COLON_MARK) !== 0 && (URL_LIKE.test(value) || lower.startsWith("data:"))) return { kind: "none" };
  if ((marks & (SLASH_MARK | BACKSLASH_MARK)) !== 0 && PATH_LIKE.test(value) && !/[!@#%^&*+=]/.test(value)) return { kind: "none" };
  if (!quoted && CODE_EXPRESSION.test(value) && !hasRandomSegment(value)) return { kind: "none" };
  // `(email: string, password: string): Promise<…>` in a signature: a type, whatever punctuation follows it.
  if (!quoted && NON_SECRET_VALUES.has(lower.replace(CLOSING_PUNCTUATION, ""))) return { kind: "none" };
  // Words that name a secret (`appInstanceIdToken`, `X-Goog-Api-Key`, `resume-token-1000000`) under a
  // token's or a key's name: a name (of a map key, a header, a field) or a stand-in that says what it is.
  // A password that names itself (`backend-password`) is often the real default: it stays, unless the name
  // says it holds a key (`kCurrentPasswordKey = "newPassword"`).
  if ((kind === "secret" || /(?:^|[^a-z])key$|Key$/.test(name)) && namesASecret(value)) return { kind: "none" };
  // `TEST_ValidToken`, `fake_apiKey`: a word that says stand-in, then a name.
  if (kind === "secret" && /^(?:test|fake|dummy|mock|sample|example)_[A-Za-z]{2,40}$/i.test(value)) return { kind: "placeholder", reason: "the value names itself a stand-in" };
  if ((marks & EQUALS_MARK) !== 0 && (marks & COMMA_MARK) !== 0 && KEY_VALUE_LIST.test(value)) return { kind: "none" };
  // A file name, a package's version or version range (`"pbkdf2-password": "1.2.1"` in package.json), a
  // package coordinate (`jjwt-jackson-0.11.2`) or a host name: what a manifest or a setting names, not a
  // secret. Each holds a `.` (a version protocol, `workspace:*`, a `:`).
  if ((marks & (DOT_MARK | COLON_MARK)) !== 0 && (FILE_NAME.test(value) || VERSION_SPEC.test(value) || PACKAGE_VERSION.test(value) || HOST_NAME.test(value))) return { kind: "none" };
  // `login_or_token\n+` inside a JSON string: escaped lines of a diff, code or a message, not a value.
  if ((marks & BACKSLASH_MARK) !== 0 && /\\[nr]/.test(value) && !/^-----BEGIN/.test(value)) return { kind: "none" };
  if (ENV_NAME.test(value) && value.length <= 64) return { kind: "none" };
  // A description of the setting: "Joker.com password", "Basic authentication username".
  if (hasSpace && value.split(/\s+/).some((w) => SECRET_WORD_IN_TEXT.test(w))) return { kind: "none" };
  // Prose: "Password must be at least 12 characters", "Your session token has expired".
  // (A wrapped value holding a token among its words is not prose: `{acme AQAAABAAA x7Kq…}`.)
  if (hasSpace && !(spaced && value.split(/\s+/).some(isTokenLike)) && isProse(value)) return { kind: "none" };
  if (SINGLE_WORD_LABEL.test(value) && !/\d/.test(value)) return { kind: "none" };

  if (kind === "password") {
    if (value.length < 4) return { kind: "none" };
    if (/^\d+$/.test(value) && value.length < 6) return { kind: "none" };
    return typedPairOrValue(value);
  }
  // Tokens, keys and secrets are long and irregular; a short or word-like value is a name, not a key.
  if (value.length < 8) return { kind: "none" };
  // A long run of lower-case letters without a separator is typed, not named (`asdfhjkqwe…`).
  if ((IDENTIFIER_LIKE.test(value) || SNAKE_WORDS.test(value)) && value.length <= 40 && (value.length < 20 || /[-_.]/.test(value))) return { kind: "none" };
  if (/^\d+$/.test(value) && value.length < 16) return { kind: "none" };
  if (hasSpace && !spaced) return { kind: "none" };
  // Words glued together (`MaestroAccessToken`, `base64EncodedKey`, `PRIVATEBLOB`): a name, not a key.
  if (value.length <= 32 && (gluedWords(value) || /^[A-Z]{4,12}$/.test(value))) return { kind: "none" };
  if (shannonEntropy(value) < 2.6) return { kind: "none" };
  // `ZXhhbXBsZS1hcHAtc2VjcmV0` is "example-app-secret": base64 of a stand-in is a stand-in.
  if (encodesStandIn(value)) return { kind: "placeholder", reason: "base64 of a stand-in text" };
  // `eyJ…` opens a JSON Web Token's header (`{"`): one that does not decode to JSON is a broken copy.
  if (JWT_SHAPED.test(value) && !segmentIsJsonObject(value.slice(0, value.indexOf(".")))) return { kind: "placeholder", reason: "a JSON Web Token's header that does not decode: a broken copy" };
  // `API-1234`, `PROJ-42`: an issue key's shape (a capitalised word and a number), an identifier.
  if (/^[A-Z]{2,10}-\d{1,6}$/.test(value)) return { kind: "none" };
  // A short value punctuated in two places or more (`RI3^k=IUb`, `z2F2?0+Q`) was chosen, by a person
  // or a password tool: none of the broken-copy tests below apply to it.
  if (isPunctuatedChoice(value)) return typedPairOrValue(value);
  // No token alphabet holds `?`: at a token's end or inside it, it marks a character lost in a copy.
  if (value.includes("?")) return { kind: "placeholder", reason: "a `?` where a token's character should be: a broken copy" };
  // Generated tokens are written in letters, digits and a few separators (base64, hex, base64url, dotted
  // or dashed parts). One or two other characters inside such a value (`…Zf7v?Htm…`, `…3gSD%c^`) make a
  // doctored or broken copy, not a working token, as is a token's structure with any of them inside
  // (`eyJ…^…$….…`). A chosen or generated secret with symbols (Django's SECRET_KEY alphabet) has them in
  // three places or more, and so has a piece of code.
  // A `;` or `,` closing the value ends a statement or a list item: a delimiter, not an insert.
  const compact = (spaced ? value.replace(/\s+/g, "") : value).replace(/(?<=[A-Za-z0-9])[;,]$/, "");
  const strays = strayCharacters(compact);
  if (strays.count > 0 && CODE_FRAGMENT.test(value)) return { kind: "none" };
  if (strays.count > 0 && !PERCENT_MARKED.test(compact) && ((strays.places <= 2 && strays.count * 100 < value.length * 15) || JWT_SHAPED.test(compact.replace(STRAY, "")))) {
    return { kind: "placeholder", reason: "characters no token format uses, set among a token's: a doctored or broken copy" };
  }
  return typedPairOrValue(value);
}

const JWT_SHAPED = /^eyJ[\w-]{8,}\.[\w-]+(?:\.[\w-]*)?$/;

/** Letters and digits, then one mark and a number (`…Qx7!42`). */
const POLICY_SUFFIX = /^[A-Za-z0-9]{6,28}[!#$%&*@^]\d{1,4}$/;

/**
 * Shorter than a token (under 16 characters), letters or digits at both ends, and punctuation (any
 * character but a letter or a digit) two times or more, 15% of it or more: what people and password
 * tools write (`Xk3!pq_9`). A token with a character lost or inserted (`yWT?9sOl6`) has one place.
 * So is a body of letters and digits with one mark and a number appended (`…Qx7!42`), as password
 * policies ask.
 */
function isPunctuatedChoice(value: string): boolean {
  if (POLICY_SUFFIX.test(value)) return true;
  if (value.length < 8 || value.length >= 16 || !/^[A-Za-z0-9].*[A-Za-z0-9]$/.test(value)) return false;
  const marks = value.replace(/[A-Za-z0-9]+/g, "").length;
  return marks >= 2 && marks * 100 >= value.length * 15;
}

/** The reason a token-like word of a wrapped value is a stand-in, if one is. */
function standInWord(value: string): string | undefined {
  for (const word of value.split(/\s+/)) {
    if (!isTokenLike(word)) continue;
    const verdict = classifyPlaceholder(word);
    if (verdict.placeholder) return verdict.reason ?? "";
  }
  return undefined;
}

/** A word that reads as a generated token: long, with letters and digits. */
function isTokenLike(word: string): boolean {
  return word.length >= 8 && /\d/.test(word) && /[A-Za-z]/.test(word);
}

/**
 * A value that passed every other check, judged whole or, when it is a user and password pair
 * (`basic_auth: "user:pass"`, `--auth "admin:password"`), by its password: a dummy there is a placeholder.
 */
function typedPairOrValue(value: string): ValueVerdict {
  const pair = USER_PASSWORD_PAIR.exec(value);
  if (pair && classifyPlaceholder(pair[1] ?? "").placeholder) return { kind: "placeholder", reason: "the pair's password is a well-known dummy" };
  return typedByHand(value);
}

/** A value that passed every other check: a secret, unless typed by hand (`a1b2c3d4…`, `AAAABBBB…`). */
function typedByHand(value: string): ValueVerdict {
  const typed = classifyTypedByHand(value);
  return typed.placeholder ? { kind: "placeholder", reason: typed.reason ?? "" } : { kind: "secret" };
}

/** What the token alphabets use, as a character class's body: base64 and base64url, hex, dotted and dashed parts. */
const TOKEN_CHARACTERS = String.raw`A-Za-z0-9_\-+/=.~:`;

/**
 * A token's characters and `%` signs, each before a letter or a digit (`…qe%HnjW…`): alphabets that hold
 * `%` write it so (percent-encoded text, generators with a symbol alphabet). An insert or a format
 * verb's leftovers bring other marks with it (`…3gSD%c^`).
 */
const PERCENT_MARKED = new RegExp(String.raw`^(?:[${TOKEN_CHARACTERS}]|%(?=[A-Za-z0-9]))+$`);

/** A character no token alphabet uses. */
const STRAY = new RegExp(`[^${TOKEN_CHARACTERS}]`, "g");

/**
 * How many characters of `value` no token alphabet uses (percent-escapes aside), and in how many places:
 * strays one or two characters apart are one place (`%c^`, `[qy]`, `()`: an insert, a format verb's leftovers).
 */
function strayCharacters(value: string): { count: number; places: number } {
  const unescaped = value.replace(/%[0-9A-Fa-f]{2}/g, "");
  const count = unescaped.match(STRAY)?.length ?? 0;
  return { count, places: count === 0 ? 0 : (unescaped.match(STRAY_PLACE)?.length ?? 0) };
}
const STRAY_PLACE = new RegExp(`[^${TOKEN_CHARACTERS}]+(?:[${TOKEN_CHARACTERS}]{1,2}[^${TOKEN_CHARACTERS}]+)*`, "g");

/** `+newNonce);console.log(`, `Base64(Header).Base64(Data)`: the rest of a concatenation, or a call. */
const CODE_FRAGMENT = /^\+\s{0,3}[A-Za-z_$][\w$.]*\s{0,3}[);,+]|[A-Za-z]{3,}\w*\((?:[A-Za-z][A-Za-z.]{2,40})?\)/;

/** `pk.eyJ1Ijoi….a1B2c3…`: dotted like a member path, but a segment is random (long, digits among letters). */
function hasRandomSegment(value: string): boolean {
  return /^[\w.-]+$/.test(value) && value.split(".").some((segment) => segment.length >= 16 && (segment.match(/\d/g)?.length ?? 0) >= 3 && /[a-z]/i.test(segment));
}

/** A fallback literal worth reporting: a word or phrase, not empty, a number, a boolean or a reference. */
function isFallbackDefault(value: string): boolean {
  const v = value.trim();
  return v.length >= 3 && !/^(?:\d+|true|false|null|none|nil|undefined)$/i.test(v) && !/^[$%{<]/.test(v) && !/\s/.test(v) && !URL_LIKE.test(v) && !PATH_LIKE.test(v);
}

/**
 * Values other settings and programs name, whatever name they are assigned to: another command-line flag
 * (`--disabled-password --gecos`, `add_argument('--token', '--api-key')`), a MIME type (`otp=application/…`),
 * a Windows security identifier (`S-1-5-21-…`), a Django migration (`('authtoken', '0001_initial')`),
 * a Laravel validation rule list or cast (`'password' => 'required|confirmed'`, `'encrypted:array'`), an
 * htpasswd line (`user:$apr1$…`, a hash), a Google API method path (`/v1/accounts:resetPassword`), PHP
 * concatenation after a flag (`'--password='.$config`), a path with options (Ansible's
 * `lookup('password', '/dev/null length=20')` generates one), a regular expression (`token=[a-z0-9-]*$`),
 * an ASN.1 object identifier (`'pkcs-9-at-challengePassword' => '1.2.840.113549.1.9.7'`, LDAP's
 * `userPassword:2.5.13.18:=` matching rule).
 */
const NOT_A_CREDENTIAL = /^[0-2](?:\.\d{1,10}){3,30}(?::=\S{0,60})?$|^--?[A-Za-z][\w-]{0,60}=?$|^(?:application|text|image|audio|video|font|model|multipart|message)\/[\w.+-]{1,100}$|^S-1-\d{1,2}(?:-\d{1,10}){1,14}$|^\d{4}_[a-z0-9_]{1,80}$|^[a-z_]{2,30}(?::[\w,.-]{0,40})?(?:\|[a-z_]{2,30}(?::[\w,.-]{0,40})?)+$|^(?:encrypted|hashed):[a-z]{2,20}$|^[\w.@-]{1,64}:\$(?:apr1|2[abxy]?|1|5|6)\$|^\/[\w.-]+(?:\/[\w.{}-]+)*:[A-Za-z]\w*$|^\.\s{0,3}\$[A-Za-z_]|^\/[\w./-]+\s+\w+=|\[(?:a-z|A-Z|0-9)[^\]]{0,20}\][*+?{]/;

/** The secret words a value names itself with (`newPassword`, `X-Goog-Api-Key`, `resume-token-1`). */
const SECRET_WORD_IN_VALUE = /^(?:password|passwd|passphrase|passcode|pass|pwd|token|secret|key|apikey|auth|credentials?|creds)$/;
/** camelCase, PascalCase or Header-Case words (`appInstanceIdToken`, `Goog-Api-Key`), a numbered copy allowed. */
const IDENTIFIER_WORDS = /^(?:[a-z]{1,20}|[A-Z]{1,5}[a-z]{0,20})(?:-?[A-Z]{1,5}[a-z]{0,20}){1,7}\d{0,2}$/;
/** Lower-case words joined by `-` or `_` (`backend-secret`, `test_vault_password`, `resume-token-1000000`). */
const JOINED_WORDS = /^[a-z][a-z0-9]{1,19}(?:[-_][a-z][a-z0-9]{1,19}){1,6}(?:[-_]?\d{1,8})?$/;

const STAND_IN_WORD = /\b(?:example|sample|dummy|fake|placeholder)(?:\b|[-_])/i;
const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4}){3,40}(?:[A-Za-z0-9+/]{2,3}={0,2})?$|^[A-Za-z0-9_-]{12,160}$/;

/** Base64 whose text is a stand-in: words saying so or naming a secret, a file path, a short JSON error. */
function encodesStandIn(value: string): boolean {
  if (!BASE64_TEXT.test(value)) return false;
  const standard = value.replace(/-/g, "+").replace(/_/g, "/");
  const padded = standard + "=".repeat((4 - (standard.length % 4)) % 4);
  // atob refuses more than two `=` at the end (BASE64_TEXT allows `=` nowhere else): a length of 4n+1,
  // or one padded already. Told here, for the exception it throws costs more than the rest of this test.
  const padding = padded.indexOf("=");
  if (padding !== -1 && padded.length - padding > 2) return false;
  let text: string;
  try {
    text = atob(padded);
  } catch {
    return false;
  }
  if (text.length < 8 || !/^[\x20-\x7e]+$/.test(text)) return false;
  return STAND_IN_WORD.test(text) || namesASecret(text) || /^[\w.-]+(?:\/[\w.-]+)+\.\w{1,5}$/.test(text) || (/^\{"\w{1,20}":"[\w .-]{0,40}"\}$/.test(text) && !/secret|key|token|pass/i.test(text));
}

/** Words naming a secret, each one pronounceable or (in identifier case) an acronym: `xKq9Token` is not words. */
function namesASecret(value: string): boolean {
  if (value.length > 60) return false;
  const identifier = IDENTIFIER_WORDS.test(value);
  if (!identifier && !JOINED_WORDS.test(value)) return false;
  const words = nameWords(value.replace(/\d+$/, ""));
  return words.length >= 2 && words.some((w) => SECRET_WORD_IN_VALUE.test(w)) && words.every((w) => /[aeiouy]/.test(w) || (w.length <= 3 && /\d/.test(w)) || (w.length <= 4 && identifier));
}

const GLUED_WORDS = /^[a-z]{0,12}(?:\d{1,3}[a-z]{2,12})?(?:[A-Z]{1,4}[a-z]{1,12}){1,6}[A-Z]{0,4}\d{0,3}$/;
/** Short words of names whose only vowel is the capital (`InstallApp`, `CodeInApp`). */
const SHORT_WORDS = new Set(["app", "apps", "api", "id", "in", "on", "of", "to", "at", "is", "by", "or", "up", "as", "an", "if", "it", "all", "add", "any", "ask", "use", "end", "out", "old", "new", "own"]);

/** Bytes written out as hex (32+ digits) or base64 (24+ characters, padded or with + and /), random. */
function isKeyMaterial(value: string): boolean {
  const hex = /^(?:[0-9a-f]{32,512}|[0-9A-F]{32,512})$/.test(value) && /\d/.test(value) && /[a-f]/i.test(value);
  const base64 = /^[A-Za-z0-9+/]{22,1024}={0,2}$/.test(value) && (value.endsWith("=") || /[+/]/.test(value)) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
  return (hex || base64) && shannonEntropy(value) >= 3.3;
}

/** camelCase or PascalCase words, each one pronounceable (it holds a vowel). */
function gluedWords(value: string): boolean {
  if (!GLUED_WORDS.test(value)) return false;
  const words = value.replace(/\d+/g, "").split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return words.every((w) => w.length < 2 || /[aeiouy]/i.test(w.replace(/^[A-Z]/, "")) || /^[A-Z]+$/.test(w) || SHORT_WORDS.has(w.toLowerCase()));
}
const ASKS_FOR_A_VALUE = /^(?:YOUR|MY|INSERT|REPLACE|CHANGE|ENTER|PUT|SET|FILL)_|_(?:HERE|ME)$/;
const SECRET_WORD_IN_TEXT = /^(?:passwords?|passwd|passphrase|pass|token|tokens|secret|secrets|key|keys|credentials?|username|login)[.,:;!?)]*$/i;
const REDACTION_MARK = /^[[({"'-]{0,2}(?:redacted|masked|hidden|removed|filtered|omitted|scrubbed|sanitized)[\])}"'-]{0,2}$|^[*•x]{0,4}[*•]{4,}[*•x]{0,4}$/i;

/** `user:pass`: a user name and a password joined by a colon (basic authentication's pair). */
const USER_PASSWORD_PAIR = /^[\w.+@-]{1,64}:([^:\s]{1,64})$/;
/** `sk_live_************1234`, `d-d-******`: a value shown with most of it masked. */
const PARTLY_MASKED = /^[\w-]{0,16}(?:\*{6,}|•{6,})[\w-]{0,16}$/;
/** Words saying the value is not read: `ignored`, `notused`, `will-be-overwritten`. */
const SAYS_UNUSED = /^(?:ignored?|unused|not[-_ ]?used|irrelevant|does[-_ ]?n[o']?t[-_ ]?matter|dont[-_ ]?care|will[-_ ]be[-_ ](?:overwritten|replaced|ignored))$/i;

/** "<your token here>", "INSERT YOUR KEY HERE", "replace with your password". */
const SPOKEN_PLACEHOLDER = /^[<[{(]?\s*(?:your|insert|enter|put|replace|add|paste|set)\b[^\n]{0,40}\b(?:key|token|secret|password|passphrase|credentials?|here)\s*[>\]})]?\.?$/i;
/** `signup.html`, `id_rsa.pub`, `secrets.yaml`: a file name, not a value. */
const FILE_NAME = /^[\w.-]{1,80}\.(?:html?|jsx?|tsx?|mjs|cjs|json|ya?ml|toml|ini|txt|md|png|jpe?g|gif|svg|css|scss|xml|csv|sql|sh|py|rb|go|java|php|pem|crt|cer|pub|key|p12|pfx|jks|env|conf|cfg|log|lock)$/i;
/** `id=openai_api_key,env=OPENAI_API_KEY`: an option list, not a value. */
const KEY_VALUE_LIST = /^[\w.-]+=[\w.-]*(?:,[\w.-]+=[\w.-]*)+$/;

/** `1.2.1`, `^9.0.0`, `~> 1.2`, `>=2.0,<3`, `v0.0.0-20230101120000-abcdef123456`, npm aliases and
 * workspace protocols. */
const VERSION_SPEC = /^(?:(?:[\^~]|~>|[<>]=?|==?|!=)\s{0,2})?v?\d{1,5}(?:\.(?:\d{1,6}|[x*])){1,3}(?:[-+][\w.-]{1,60})?(?:\s{0,2},\s{0,2}[<>=!~^]{1,2}\s{0,2}\d[\w.*-]{0,30})?$|^(?:workspace|npm|file|link|portal|patch|catalog):\S/i;
/** `jjwt-jackson-0.11.2`, `io.jsonwebtoken:jjwt-api:0.11.5`, `passport-jwt@4.0.1`: a package and its version. */
const PACKAGE_VERSION = /^[A-Za-z][\w.]{0,60}(?:[-:][A-Za-z][\w.]{0,60}){0,4}[-:@]v?\d{1,4}\.\d{1,4}(?:\.\d{1,6}){0,2}(?:[-.+][A-Za-z0-9]{1,20})?$/;
/** `4f2a9c.invoiceocean.com`, `db.internal.example.org`: a host name, whatever its first label looks like. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}(?:com|net|org|io|dev|app|co|ai|cloud|info|biz|me|us|uk|de|fr|eu|jp|cn|ru|in|xyz|tech|site|online|local|internal|lan|test|example|invalid|localhost)$/i;

const NAMESPACED_IDENTIFIER = /^[A-Za-z_][\w-]{0,60}(?:(?:\.|::?|\/|#)[A-Za-z_][\w-]{0,60}){1,8}$/;

const QUALIFIED_NAME = /^[A-Za-z][\w.-]{0,30}:(?<local>(?:[A-Z][a-z]{1,20}){3,8})$/;

/** A namespace prefix and a local name of three or more capitalised words, each one pronounceable. */
function isQualifiedName(value: string): boolean {
  const local = QUALIFIED_NAME.exec(value)?.groups?.["local"];
  return local !== undefined && local.split(/(?=[A-Z])/).every((w) => /[aeiouy]/.test(w));
}

/** Does the value spell one of the name's secret words (`ResetPassword` for `reset_password`)? */
function mentionsName(value: string, name: string): boolean {
  const flat = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  return nameWords(name).some((w) => w.length >= 3 && (PASSWORD_WORDS.has(w) || SECRET_WORDS.has(w) || w === "key" || w === "auth") && flat.includes(w));
}

function isLabelForName(value: string, name: string): boolean {
  if (!/^\p{Lu}/u.test(value) || /\d/.test(value)) return false;
  const words = nameWords(name);
  const valueWords = value.toLowerCase().split(/\s+/);
  const joined = valueWords.join("");
  return words.join("").endsWith(joined) || valueWords.every((w) => words.includes(w));
}

/** An identifier's or a type's spelling: joined by `_`, `.` or `/`, camelCase, or capitalised. */
const IDENTIFIER_SPELLING = /^[A-Za-z][A-Za-z0-9]*(?:[_./][A-Za-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z0-9]*$|^[A-Z][A-Za-z0-9]*$/;

/**
 * `SESSION_TOKEN = "session_token"`, `ENV_FIREBASE_TOKEN = "FIREBASE_TOKEN"`, `kIDToken = "idToken"`,
 * `SEGMENT_AUTH_TOKEN = "auth/token"`, `signOut(auth: Auth)`: a value that spells the name it is assigned
 * to (or its end) in an identifier's or a type's case names a key, a variable or a type. A lower-case word
 * or a dashed one (`clientSecret: "secret"`, `--master-password="master-password"`) stays a stand-in.
 */
function spellsOwnName(value: string, name: string): boolean {
  if (value.length < 3 || value.length > 80 || !IDENTIFIER_SPELLING.test(value)) return false;
  const flat = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return flat.length >= 3 && key.endsWith(flat);
}

/** A format string's fields: `{}`, `{0}`, `{user}`, `{0:>8}`, `%s`, `%(name)s`, `%-5d`, Go's `%v`. */
const FORMAT_FIELD = /\{(?:\d{0,2}|[A-Za-z_][\w.]{0,40}(?:\[[\w'"]{0,20}\])?)(?:![rsa])?(?::[^{}\s]{0,20})?\}|%(?:\([\w.]{1,40}\))?[-+ #0]{0,3}\d{0,3}(?:\.\d{1,2})?[sdifrvxqo]/g;
/** `access_token=%s&expires=%d`: a query or option string whose every value is a field. */
const FIELDS_FOR_VALUES = /^[\w.-]{1,40}=§(?:[&;,][\w.-]{1,40}=§){0,10}$/;

/**
 * `{}:{}`, `{user}:{password}@{host}`, `%s:%s`, `access_token=%s&expires=%d`: a format string (Python's
 * `format` and f-strings, printf) whose values are filled in at run time. A lone named field (`{password}`)
 * is left to the placeholder checks: it may be a stand-in.
 */
function isFormatString(value: string): boolean {
  if (!value.includes("{") && !value.includes("%")) return false;
  let fields = 0;
  let named = 0;
  const rest = value.replace(FORMAT_FIELD, (field) => {
    fields++;
    if (/^\{[A-Za-z_]/.test(field)) named++;
    return "§";
  });
  if (fields === 0) return false;
  if (FIELDS_FOR_VALUES.test(rest)) return true;
  return !/[A-Za-z0-9]/.test(rest) && !(fields === 1 && named === 1 && rest === "§");
}

/** Letters of a script other than Latin (Han, Kana, Hangul, Cyrillic, Greek, Arabic...). */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/gu;

/** Written mostly in letters of a non-Latin script: at least two, and half the value's letters. */
function inLanguageScript(value: string): boolean {
  if (!/[^ -~]/.test(value)) return false;
  const other = value.match(NON_LATIN_LETTER)?.length ?? 0;
  return other >= 2 && other * 2 >= (value.match(/\p{L}/gu)?.length ?? 0);
}

/** Three or more words, mostly alphabetic: a sentence, not a passphrase stored in code. */
function isProse(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length < 2) return false;
  const alphabetic = words.filter((w) => /^[\p{L}'’]+[,.!?:;…]?$/u.test(w)).length;
  return words.length >= 3 ? alphabetic / words.length >= 0.6 : alphabetic === words.length;
}

// --- Syntaxes -------------------------------------------------------------------------------------

/** The longest quoted value read as one: long enough for signed tokens, bounded for the regex's cost. */
const MAX_TOKEN = 1200;
const QUOTED_VALUE = String.raw`(?<q>["'\x60])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){0,${MAX_TOKEN}})\k<q>`;
/**
 * `(?<name>pattern)` read whole, never given back: V8 has no atomic group, so a look-ahead captures it and
 * a back-reference takes it. Used for a name none of whose characters can start what follows it: giving
 * characters back then never makes a match, and the pattern would try each shorter name at every word
 * of a line (a random token is one long word).
 */
function whole(name: string, pattern: string): string {
  return String.raw`(?=(?<${name}>${pattern}))\k<${name}>`;
}

/**
 * name = "value", name: "value", "name": "value", name := "value", name => 'value', name == "value".
 * After the name come a quote, `[`, a space or an operator, and the one operator that starts with a name's
 * character (`-`) must follow a space: the name is read whole.
 */
export const ASSIGN_QUOTED = new RegExp(
  String.raw`(?<![\w$.@-])(?<kq>["']?)` +
    whole("key", String.raw`[A-Za-z_$@][\w.$@-]{0,79}`) +
    String.raw`\k<kq>(?:\[\])?(?<sp>\s{0,8})(?<op>:=|=>|\?\?=|\|\|=|\+=|\?=|<-|===?|!==?|=|:(?!:)|(?<=[ \t])-(?=[ \t]{1,3}["'\x60]))[ \t]{0,32}(?:[&*\w<>\[\]'.]{1,30}\s{0,3}=\s{0,3})?(?:(?:new\s+String|Some|Option|Optional\.of|(?:new\s+)?\w{0,30}(?:Secret|Secure|Password|Credential)\w{0,20})\(\s{0,3})?(?:[rbuRBUf@]|r#)?` + QUOTED_VALUE,
  "g",
);
/** Config files: NAME=value, name: value, export NAME=value, ENV NAME=value, db.password=value (a space, `=` or `:` after the name: read whole). */
export const ASSIGN_UNQUOTED = new RegExp(
  String.raw`(?<![\w$.@{-])(?:export\s+|set\s+|ENV\s+|ARG\s+|declare\s+(?:-\w\s+)?|setenv\s+)?` + whole("key", String.raw`[A-Za-z_][\w.-]{0,79}`) + String.raw`\s{0,8}(?:=|:(?!:))[ \t]{0,8}(?<value>[^\s"'\x60#][^\s]{0,299})`,
  "g",
);
/** Dockerfile `ENV NAME value`, redis `requirepass value`, netrc `password value` */
const SPACE_SEPARATED = /(?:^\s*(?:ENV|ARG)\s+(?<key1>[A-Za-z_]\w{0,79})\s+|(?:^\s*|\blogin\s+\S{1,100}\s+)(?<key2>requirepass|masterauth|password|passwd|passphrase)\s+(?![A-Za-z]{1,40}[.,;:!?]\s*$))(?<value>[^\s=:"'][^\s]{0,199})\s*$/dg;
/** <password>value</password> */
const XML_ELEMENT = /<(?<key>[A-Za-z_][\w:.-]{0,59})(?:\s[^<>]{0,200})?>(?<value>[^<>\r\n]{1,300})<\/\k<key>>/dg;
/** <add key="Password" value="..."/>, <property name="password" value="..."/>, <entry key="x">value</entry> */
const XML_KEY_VALUE = /\b(?:key|name)\s{0,3}=\s{0,3}"(?<key>[^"]{1,80})"\s{1,10}value\s{0,3}=\s{0,3}"(?<value>[^"\r\n]{0,300})"/dg;
/** --password=value, --api-key "value", and Java system properties: -Djavax.net.ssl.keyStorePassword=value */
const CLI_FLAG = /(?:^|\s)--?(?<key>[A-Za-z][\w-]{0,40}(?:\.[\w-]{1,40}){0,6})(?:=|\s{1,3})(?<q>["']?)(?<value>[^\s"'][^\s"']{0,199})\k<q>(?=\s|$|["';)])/g;
/** mysql -uroot -p<password>, sshpass -p '<password>' */
const SHORT_PASSWORD_FLAG = /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,200}?\s-p(?<qp>["']?)(?<value>[^\s"'-][^\s"']{0,99})\k<qp>(?=\s|$)|\bredis-cli\b[^\n]{0,200}?\s-a\s{1,3}(?<qa>["']?)(?<value3>[^\s"']{1,100})\k<qa>|\b(?:sshpass|(?:docker|podman|buildah|skopeo|helm\s+registry|oras|nerdctl)\s+login\b[^\n]{0,200}?)\s-p\s{1,3}(?<q>["']?)(?<value2>[^\s"']{1,100})\k<q>/dg;
/** ?access_token=value&client_secret=value; the value ends at a quote of any kind (a URL in a template literal). */
const QUERY_PARAM = /[?&](?<key>[A-Za-z_][\w.-]{0,40})=(?<value>[^&\s"'\x60#<>]{1,300})/g;
/** define('DB_PASSWORD', 'value'), setdefault("TOKEN", "value"), headers["X-Api-Key"] = "value", put("password", "value");
 * a call's first two arguments or an index assignment, not a row of a table (`["password", "signup.html"]`). */
const KEY_ARGUMENT = /(?:\(\s{0,3}|\[\s{0,3}(?=["'][\w.-]{1,60}["']\s{0,3}\]))(?<kq>["'])(?<key>[\w.-]{1,60})\k<kq>\s{0,3}(?:,|\]\s{0,3}(?:===?|!==?|=|\|\|=|\?\?=))\s{0,3}(?<q>["'])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){0,300})\k<q>/dg;
/** ~/.pgpass: hostname:port:database:username:password */
const PGPASS_LINE = /^[^:\s#]+:(?:\d+|\*):[^:\s]+:[^:\s]+:(?<value>\S{1,200})$/d;
/** Kubernetes / ECS environment entries: `- name: DB_PASSWORD` then `value: ...` on the next line,
 * or `{"name": "DB_PASSWORD", "value": "..."}` on one. */
const NAME_VALUE_PAIR = /(?:^|[\s{,-])["']?(?:name|key)["']?\s{0,3}[:=]\s{0,3}["']?(?<key>[A-Za-z_][\w.-]{0,80})["']?\s{0,3},?\s{0,200}?["']?value["']?\s{0,3}[:=]\s{0,3}(?:(?<q>["'])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){0,300})\k<q>|(?<value2>[^\s"'{[][^\s]{0,299}))/d;
/**
 * Fallback defaults: `process.env.JWT_SECRET || "secret"`, `?? "changeme"`, `os.environ.get("X", "v")`,
 * `getenv("X", "v")`, `ENV.fetch("X", "v")`, `${X:-v}` (shell), `${X:v}` (Spring), Helm `| default "v"`.
 * Whatever the variable is, this literal is what runs when it is unset.
 */
const FALLBACK_OR = /(?:process\.env|import\.meta\.env)\.(?<key>[A-Za-z_]\w{0,79})\s{0,3}(?:\|\||\?\?)\s{0,3}(?<q>["'\x60])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){1,300})\k<q>/dg;
const FALLBACK_CALL = /\b(?:environ\.get|getenv|env\.get|ENV\.fetch|env|config|getOrDefault|get)\(\s{0,3}(?<kq>["'])(?<key>[\w.-]{1,80})\k<kq>\s{0,3},\s{0,3}(?<q>["'])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){1,300})\k<q>/dg;
/** `${X:-v}` and `${X:=v}` (shell), `${X:v}` (Spring); not `${X:?message}` nor `${X:+alternate}`. */
const FALLBACK_EXPANSION = /\$\{(?<key>[A-Za-z_][\w.-]{0,79})(?::-|:=|:(?![?+=-]))(?<value>[^}\s$]{1,200})\}/dg;
const HELM_DEFAULT = /\.Values\.(?<key>[\w.]{1,80})\s{0,3}\|\s{0,3}default\s{1,3}"(?<value>[^"\r\n]{1,200})"|default\s{1,3}"(?<value2>[^"\r\n]{1,200})"\s{0,3}\.Values\.(?<key2>[\w.]{1,80})/dg;
/** C and C++: #define API_KEY "value" */
const C_DEFINE = /#\s{0,3}define\s{1,5}(?<key>[A-Za-z_]\w{0,79})\s{1,10}(?:[LuU]8?)?"(?<value>(?:\\.|[^"\\\r\n]){0,300})"/dg;

/** `"tokens": ["…", "…"]`, `api_keys = ['…']`: the first string of a list under a plural name (a quote, space, `:` or `=` after it: read whole). */
export const LIST_VALUE = new RegExp(
  String.raw`(?<![\w$.@-])(?<kq>["']?)` + whole("key", String.raw`[A-Za-z_$][\w.$-]{0,79}`) + String.raw`\k<kq>\s{0,3}(?::|=)\s{0,3}\[\s{0,3}(?<q>["'])(?<value>[^"'\s\\]{1,300})\k<q>`,
  "dg",
);
/** Setters: `setPassword("…")`, `.setCipherKey(Base64.decode("…"))`, `.set_api_key('…')`. */
const SETTER = /\.set_?(?<key>[A-Za-z][\w]{0,60})\(\s{0,3}(?:[\w.]{1,40}\(\s{0,3})?(?<q>["'])(?<value>(?:\\.|(?!\k<q>)[^\\\r\n]){1,300})\k<q>\s{0,3}\)/dg;
/** One-time password generators seeded with a literal (`ROTP::TOTP.new('…')`, `pyotp.TOTP('…')`). */
const OTP_SEED = /\b[HT]OTP(?:\.new)?\(\s{0,3}(?<q>["'])(?<value>[A-Za-z2-7=]{16,128})\k<q>/dg;
/** PowerShell: `ConvertTo-SecureString 'value' -AsPlainText`. */
const SECURE_STRING = /ConvertTo-SecureString\s{1,5}(?:-String\s{1,5})?(?<q>["'])(?<value>[^"'\r\n]{1,200})\k<q>\s{1,5}-AsPlainText/dgi;

/** CREATE USER x IDENTIFIED BY 'value'; ALTER ROLE x WITH PASSWORD 'value' */
const SQL_PASSWORD = /\b(?:identified\s+by|with\s+(?:encrypted\s+)?password|password\s*=)\s{0,3}(?<q>['"])(?<value>[^'"\r\n]{1,200})\k<q>/dgi;

/** A secret as Jenkins and Maven serialize it: `{…}`, one line, no nested braces. */
const SERIALIZED_SECRET = /^\{([^{}\s][^{}]{0,298}[^{}\s])\}$/;

/** An HTTP auth scheme before one credential (`Bearer eyJ…`, `token ghp_…`). */
const AUTH_SCHEME = /^(?:bearer|token|basic)\s{1,3}(?=\S{8,}$)/i;

/** Literals the patterns above hold, for testing a text before running them (findGenericSecrets). */
const FALLBACK_CALL_NAME = /(?:get|env|fetch|config|Default)\(/;
const SHORT_PASSWORD_COMMAND = /mysql|mariadb|redis-cli|sshpass|login/;
const SQL_PASSWORD_WORD = /identified|password/i;
const SQL_STATEMENT_WORD = /\b(?:user|role|login|grant|create|alter|password)\b/i;
const SECURE_STRING_WORD = /ConvertTo-SecureString/i;
const SPACE_SEPARATED_WORD = /ENV|ARG|pass|masterauth/;

/** The punctuation findGenericSecrets' and classifyValue's patterns hold, one bit each, by ASCII code. */
const QUOTE_MARK = 1;
const EQUALS_MARK = 2;
const COLON_MARK = 4;
const DASH_MARK = 8;
const DOT_MARK = 16;
const BACKSLASH_MARK = 32;
const PAREN_MARK = 64;
const BRACKET_MARK = 128;
const CLOSE_BRACKET_MARK = 256;
const COMMA_MARK = 512;
const DOLLAR_MARK = 1024;
const LESS_THAN_MARK = 2048;
const QUESTION_MARK = 4096;
const AMPERSAND_MARK = 8192;
const SLASH_MARK = 16384;
const HASH_MARK = 32768;
const MARKS = new Uint16Array(128);
for (const [chars, mark] of [
  ["\"'\x60", QUOTE_MARK], ["=", EQUALS_MARK], [":", COLON_MARK], ["-", DASH_MARK], [".", DOT_MARK], ["\\", BACKSLASH_MARK], ["(", PAREN_MARK],
  ["[", BRACKET_MARK], ["]", CLOSE_BRACKET_MARK], [",", COMMA_MARK], ["$", DOLLAR_MARK], ["<", LESS_THAN_MARK], ["?", QUESTION_MARK], ["&", AMPERSAND_MARK],
  ["/", SLASH_MARK], ["#", HASH_MARK],
] as const) {
  for (const char of chars) MARKS[char.charCodeAt(0)] = mark;
}

/** The MARKS of every ASCII character in `text`, or'ed. */
function marksOf(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) marks |= MARKS[code] as number;
  }
  return marks;
}

const BADGE_URL = /(?:badge|\.svg|\.png|shields\.io|\/graph\/)[^\s"'()]*$/i;

interface Candidate {
  key: string;
  value: string;
  index: number;
  quoted: boolean;
  /** Found in a URL's query string. */
  query: boolean;
  /** Found as a command-line flag's argument. */
  flag: boolean;
  /** The default used when a variable is unset. */
  fallback: boolean;
  /** The first two arguments of a call. */
  call: boolean;
  /** The first element of a list. */
  list: boolean;
  /** The text of an XML element. */
  element: boolean;
  /** A statement's password (`IDENTIFIED BY '…'`). */
  sql: boolean;
}

/** The syntax a candidate was found in, when it is one the judgement asks about (Candidate's flags). */
type FoundIn = "query" | "flag" | "fallback" | "call" | "list" | "element" | "sql";

/**
 * Every candidate is made here, with every field set in one order: one object shape for all of them, so
 * the code that reads them (judgeCandidate, findGenericSecrets) is not deoptimised when a second shape
 * first reaches it.
 */
function candidateOf(key: string, value: string, index: number, quoted: boolean, foundIn?: FoundIn): Candidate {
  return { key, value, index, quoted, query: foundIn === "query", flag: foundIn === "flag", fallback: foundIn === "fallback", call: foundIn === "call", list: foundIn === "list", element: foundIn === "element", sql: foundIn === "sql" };
}

/** Calls whose first two arguments are not a name and its value: `HashPassword("pw", "salt")`,
 * `assert.Equal(t, "a", "b")`, `verify("token", "sig")`. */
const NOT_A_SETTER = /(?:hash|encod|encrypt|decrypt|crypt|check|verif|compar|valid|match|equal|assert|expect|sign|digest|auth|login|password|passwd|secret|token|key|test|mock|it|describe|log|print|format|replace|split|join|(?<![A-Za-z])t)\s{0,3}\($/i;

/** A declaration keyword before a name: the line is code, so an unquoted value is an expression. */
const DECLARATION_BEFORE = /\b(?:var|let|const|val|auto|my|local|final|static|def|fn)\s+$/;

function collect(re: RegExp, text: string, out: Candidate[], quoted: boolean | "group", keyOverride?: string, foundIn?: FoundIn): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // `"factorType": "token:software"`: a key right after a quote that does not close after it is
    // inside a string, not a config key.
    // (A `name:` pair has no prefix such as `export `: its key starts the match.)
    if (quoted === false && /["']/.test(text[m.index - 1] ?? "") && /^[\w.-]+:\S/.test(m[0]) && text[m.indices ? (m.indices.groups?.["key"]?.[1] ?? 0) : m.index + (m.groups?.["key"]?.length ?? 0)] !== text[m.index - 1]) continue;
    // `notes = "Maven - io.jsonwebtoken:jjwt-api-0.11.2"`: a pair inside a string of prose is text. (In
    // `-e "DB_PASSWORD=…"` or `ENV="A=1 B=2"` the string holds only flags and assignments: those stay.)
    if (quoted === false && insideProseString(text, m.index, m.groups?.["value"] ?? "")) continue;
    if (quoted === false && DECLARATION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index + (m[0].length - m[0].trimStart().length)))) continue;
    const groups = m.groups ?? {};
    const valueGroup = groups["value"] !== undefined ? "value" : groups["value2"] !== undefined ? "value2" : "value3";
    const value = groups[valueGroup];
    const rawKey = keyOverride ?? groups["key"] ?? groups["key1"] ?? groups["key2"];
    // redis.conf's directives hold passwords under names of their own.
    const key = rawKey === "requirepass" || rawKey === "masterauth" ? "password" : rawKey;
    if (value === undefined || key === undefined) continue;
    // The value's place: from the `d` flag's offsets, or, in the frequent patterns that go without them
    // (V8 builds them for every match), from the match's end, which the value and its closing quote end.
    const start = m.indices ? m.indices.groups?.[valueGroup]?.[0] : m.index + m[0].length - (groups["q"]?.length ?? 0) - value.length;
    if (start === undefined) continue;
    // `cond ? "a" : "b"` is a ternary, not `"a": "b"`: JSON and dict keys sit right against their colon.
    if (groups["kq"] && groups["op"] === ":" && groups["sp"]) continue;
    // `acme token - 'value'` (notes) is a dash between words on one line, not a list item on the next.
    if (groups["op"] === "-" && /[\r\n]/.test(groups["sp"] ?? "")) continue;
    // A literal glued to an expression (`"prefix-" + randomUUID()`) is only part of a value built at run time.
    if (quoted !== false && followedByPlus(text, m.index + m[0].length)) continue;
    // `X= Y=z` in shell: X is empty and Y (an environment name) is the next assignment, not X's value.
    if (quoted === false && /^[A-Z_][A-Z0-9_-]*=/.test(value)) continue;
    out.push(candidateOf(key, value, start, quoted === "group" ? Boolean(groups["q"]) : quoted, foundIn));
    if (m[0].length === 0) re.lastIndex++;
    // A string that holds JSON or a form body (`string: '{"access_token":"…"}'` in a recorded
    // response): read on inside it, or its own pairs are never seen. Most values hold no pair: the
    // pattern would still try every word from there to the line's end.
    else if (re === ASSIGN_QUOTED) {
      if (!quotedPairMayFollow(text, start)) break;
      re.lastIndex = start;
    }
  }
}

/**
 * Can an ASSIGN_QUOTED match start at `from` or after? Each of its operators holds `=`, `:` or `-`, and
 * its value's two quotes come after the operator: without an operator character followed by two quote
 * characters, none can. (Exact as a test that rules out: the first operator character after `from` has
 * every later one's quotes after it.)
 */
export function quotedPairMayFollow(text: string, from: number): boolean {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i++);
    if (code === 61 || code === 58 || code === 45) break;
  }
  let quotes = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 34 || code === 39 || code === 96) && ++quotes === 2) return true;
  }
  return false;
}

/** A `+` (not `++`) up to three spaces after `at`: the text's own characters, read where they are. */
const PLUS_AFTER = /\s{0,3}\+(?!\+)/y;

function followedByPlus(text: string, at: number): boolean {
  PLUS_AFTER.lastIndex = at;
  return PLUS_AFTER.test(text);
}

function collectUnescaped(text: string, out: Candidate[]): void {
  // Each dropped backslash, by the place in `unescaped` of the quote it escaped: a place there maps back
  // to the text by the count of those at or before it. (A place for every character, and the string
  // built a character at a time, took ~600 MB for one 8 MB line of escaped JSON.)
  const dropped: number[] = [];
  const unescaped = text.replace(/\\"/g, (_match: string, offset: number) => {
    dropped.push(offset - dropped.length);
    return '"';
  });
  const inner: Candidate[] = [];
  collect(ASSIGN_QUOTED, unescaped, inner, true);
  for (const c of inner) {
    c.index += droppedUpTo(dropped, c.index);
    out.push(c);
  }
}

/** How many of the ascending `places` are at or before `index`. */
function droppedUpTo(places: readonly number[], index: number): number {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((places[middle] as number) <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Strip what surrounds a value in config syntax: trailing commas and brackets of flow YAML, `;` of ini. */
function trimUnquoted(value: string): string {
  // `TOKEN=v\nNEXT=w` inside a JSON string: the value ends with its escaped line.
  if (value.includes("\\")) value = value.replace(/\\[nrt][\s\S]*$/, "");
  // `'PERCY_TOKEN=v'`: a quote that closes the string the pair sits in is not part of the value.
  // (Each pattern runs only where the value ends as it must end for a match: most values end in a letter or digit.)
  const last = value.charCodeAt(value.length - 1);
  if (last === 34 || last === 39 || last === 96) value = value.replace(/^([^"'\x60]+)["'\x60]$/, "$1");
  const end = value.charCodeAt(value.length - 1);
  return end === 44 || end === 59 || end === 125 || end === 93 || end === 41 ? value.replace(/[,;}\])]+$/, "") : value;
}

/**
 * The name and value pairs of `text`, in the order they are judged. A function of its own: most of its
 * syntaxes' branches are taken rarely, and the first one taken after V8 optimised it deoptimises it (no
 * type feedback there); only this part is then compiled again, not findGenericSecrets' judgement.
 */
function candidatesIn(text: string, context: MatchContext): Candidate[] {
  const candidates: Candidate[] = [];
  // Each syntax's pattern runs only where the text holds a literal every match of it holds: most lines
  // a common keyword selects hold few of them, and a test for a character costs far less than a pattern.
  // The characters are read in one pass (MARKS); a longer literal is looked for only where its
  // punctuation is.
  const marks = marksOf(text);
  const quote = (marks & QUOTE_MARK) !== 0;
  // The characters every assignment operator holds (`=`, `:`, `<-`, YAML's `- `).
  const equals = (marks & EQUALS_MARK) !== 0;
  const colon = (marks & COLON_MARK) !== 0;
  const dash = (marks & DASH_MARK) !== 0;
  const dot = (marks & DOT_MARK) !== 0;
  if (quote && (equals || colon || dash)) collect(ASSIGN_QUOTED, text, candidates, true);
  // JSON escaped inside a string (`body: "{\"access_token\":\"…\"}"`): read it unescaped, then map
  // each value's offset back to the line.
  if ((marks & BACKSLASH_MARK) !== 0 && text.includes('\\"')) collectUnescaped(text, candidates);
  const paren = (marks & PAREN_MARK) !== 0;
  const bracket = (marks & BRACKET_MARK) !== 0;
  // The first two arguments are separated by a comma; an index is followed by `]` and an assignment.
  if (quote && (paren || bracket) && ((marks & COMMA_MARK) !== 0 || (equals && (marks & CLOSE_BRACKET_MARK) !== 0))) collect(KEY_ARGUMENT, text, candidates, true, undefined, "call");
  if (quote && text.includes("define")) collect(C_DEFINE, text, candidates, true);
  if (dot && text.includes("env.")) collect(FALLBACK_OR, text, candidates, true, undefined, "fallback");
  if (quote && paren && (marks & COMMA_MARK) !== 0 && FALLBACK_CALL_NAME.test(text)) collect(FALLBACK_CALL, text, candidates, true, undefined, "fallback");
  if ((marks & DOLLAR_MARK) !== 0 && text.includes("${")) collect(FALLBACK_EXPANSION, text, candidates, true, undefined, "fallback");
  if (dot && text.includes(".Values.")) collect(HELM_DEFAULT, text, candidates, true, undefined, "fallback");
  if (equals && text.includes("value")) collect(XML_KEY_VALUE, text, candidates, true);
  if ((marks & LESS_THAN_MARK) !== 0 && text.includes("</")) collect(XML_ELEMENT, text, candidates, true, undefined, "element");
  if (dash) collect(CLI_FLAG, text, candidates, "group", undefined, "flag");
  // Each command's password follows `-p` or `-a`.
  if (dash && SHORT_PASSWORD_COMMAND.test(text)) collect(SHORT_PASSWORD_FLAG, text, candidates, true, "password");
  if (quote && SQL_PASSWORD_WORD.test(text)) collect(SQL_PASSWORD, text, candidates, true, "password", "sql");
  if (quote && bracket && (equals || colon)) collect(LIST_VALUE, text, candidates, true, undefined, "list");
  if (quote && dot && text.includes(".set")) collect(SETTER, text, candidates, true);
  if (quote && text.includes("OTP")) collect(OTP_SEED, text, candidates, true, "otp_secret");
  if (quote && dash && SECURE_STRING_WORD.test(text)) collect(SECURE_STRING, text, candidates, true, "password");
  if (equals && (marks & (QUESTION_MARK | AMPERSAND_MARK)) !== 0) collect(QUERY_PARAM, text, candidates, true, undefined, "query");
  if (context.configLike) {
    if (equals || colon) collect(ASSIGN_UNQUOTED, text, candidates, false);
    if (SPACE_SEPARATED_WORD.test(text)) collect(SPACE_SEPARATED, text, candidates, false);
  }
  if (colon && (context.path.endsWith("pgpass") || context.path.endsWith("pgpass.conf")) && /(?:^|\/)(?:\.pgpass|pgpass\.conf)$/.test(context.path)) {
    const m = PGPASS_LINE.exec(text.split("\n", 1)[0] ?? "");
    const span = m?.indices?.groups?.["value"];
    if (m?.groups?.["value"] && span) candidates.push(candidateOf("password", m.groups["value"], span[0], true));
  }
  return candidates;
}

function findGenericSecrets(text: string, context: MatchContext): RawMatch[] {
  const candidates = candidatesIn(text, context);
  const matches: RawMatch[] = [];
  if (candidates.length === 0) return matches;
  // The places of the candidates reported so far (few lines report any: made when one does).
  let seen: Set<number> | undefined;
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c] as Candidate;
    if (seen?.has(candidate.index)) continue;
    const { value, index, wrapped } = reportedValue(candidate);
    // A value a format rule reports exactly (context.claimed) is that rule's finding whatever this one
    // says: not judged, unless a later candidate at its index waits on whether it would be reported.
    if (context.claimed?.(index, value.length) && !candidates.some((other, o) => o > c && (other.index === candidate.index || other.index === index))) continue;
    const match = judgeCandidate(candidate, value, index, wrapped, text, context);
    if (!match) continue;
    seen ??= new Set<number>();
    seen.add(candidate.index);
    seen.add(index);
    matches.push(match);
  }
  return matches;
}

/**
 * A candidate's value and its place as reported: a quoted literal whole, an unquoted one trimmed of its
 * syntax. Jenkins and Maven store a secret wrapped in braces (`<secret>{AQAAABAAAA…}</secret>`, an
 * encrypted blob the controller's key decrypts): the value is what the braces hold. Jenkins reads text
 * it cannot decrypt verbatim, so spaces inside are part of the secret, not prose.
 */
const SPACE = /\s/;

function reportedValue(candidate: Candidate): { value: string; index: number; wrapped: boolean } {
  let value = candidate.quoted && !candidate.flag ? candidate.value : trimUnquoted(candidate.value);
  let index = candidate.index;
  // `secret = ' B8O9… '`: spaces a paste left at a quoted token's edges are not part of it.
  if (candidate.quoted && !candidate.flag && (SPACE.test(value.charAt(0)) || SPACE.test(value.charAt(value.length - 1))) && /\S/.test(value)) {
    index += value.length - value.trimStart().length;
    value = value.trim();
  }
  const wrapped = candidate.element ? SERIALIZED_SECRET.exec(value)?.[1] : undefined;
  if (wrapped !== undefined) return { value: wrapped, index: index + 1, wrapped: true };
  // `"Bearer <token>"` under a token's name: the scheme is the header's syntax, the credential follows it.
  // (Each scheme starts with a `b` or a `t`, either case: the pattern runs on the few values that do.)
  const first = value.charCodeAt(0) | 32;
  const scheme = first === 98 || first === 116 ? AUTH_SCHEME.exec(value)?.[0] : undefined;
  return scheme ? { value: value.slice(scheme.length), index: index + scheme.length, wrapped: false } : { value, index, wrapped: false };
}

/** The finding a candidate makes, if any: a secret-like name and a literal value that is a secret or a placeholder. */
function judgeCandidate(candidate: Candidate, value: string, index: number, wrapped: boolean, text: string, context: MatchContext): RawMatch | undefined {
  if (candidate.call && NOT_A_SETTER.test(text.slice(Math.max(0, candidate.index - 200), candidate.index).replace(/\s{0,3}(?<kq>["'])[\w.-]{1,60}\k<kq>\s{0,3},\s{0,3}["']$/, ""))) return undefined;
  // `identified by "prefix+index"` in a comment is prose: a statement names a user or a role.
  if (candidate.sql && !SQL_STATEMENT_WORD.test(text)) return undefined;
  const key = candidate.key.replace(/^[$@:]+/, "");
  // A list under a plural name holds several of the singular (`tokens`, `api_keys`).
  const kind = classifyName(candidate.list ? key.replace(/(?<=[a-z])s$/i, "") : key, !context.configLike);
  if (!kind) return undefined;
  // `access_token: token,` in a code sample: a bare name before a comma is a variable, not a value.
  if (!candidate.quoted && value !== candidate.value && /^[A-Za-z_$][\w$]*$/.test(value) && /[,;]$/.test(candidate.value)) return undefined;
  // `--token TOKEN` in usage text is a metavariable, not a value; `the --password option must …` is a
  // sentence that names the flag (a word follows the word after it).
  if (candidate.flag && /^[A-Z][A-Z0-9_-]*$/.test(value)) return undefined;
  if (candidate.flag && /^[a-z]{2,12}$/.test(value) && /^\s{1,3}[a-z]{2,12}\b(?!\s*[=:-])/.test(text.slice(index + value.length, index + value.length + 20))) return undefined;
  // `-p "[sudo] password: " -u root`: a quoted value that opens with a space before words is the rest of a
  // prompt or a command.
  if (candidate.quoted && /^\s/.test(candidate.value) && /\S\s+\S/.test(candidate.value) && !candidate.element) return undefined;
  // PASS=`perl -le 'print …'`: the output of a shell command, not a literal.
  if (text[candidate.index - 1] === "\x60" && /\w=$/.test(text.slice(Math.max(0, candidate.index - 3), candidate.index - 1)) && /^[\w./-]+\s/.test(candidate.value)) return undefined;
  // `"{token}".format(token=…)`: the literal is a format string, whatever its field is named.
  if (candidate.quoted && value.includes("{") && /^["']\.format\(/.test(text.slice(index + value.length, index + value.length + 9))) return undefined;
  // A hidden form field goes to every visitor with the page: an anti-forgery or state value.
  if (inHiddenInput(text, candidate.index)) return undefined;
  // Badge images carry public read-only tokens in their query (codecov, shields).
  if (candidate.query && BADGE_URL.test(text.slice(Math.max(0, candidate.index - 200), candidate.index))) return undefined;
  let verdict = classifyValue(value, key, kind, candidate.quoted, wrapped);
  // A fallback is used whenever the variable is unset: a word there is a default credential.
  // `process.env.MAILER_PASSWORD || 'MAILER_PASSWORD'`: a fallback that names a variable is a reference.
  if (candidate.fallback && ENV_NAME.test(value)) return undefined;
  if (verdict.kind === "none" && candidate.fallback && isFallbackDefault(value)) {
    verdict = { kind: "placeholder", reason: "a fallback default, used whenever the variable is unset" };
  }
  // `<your password>` cut at its space in a usage line: a fragment of a stand-in, not a value.
  if (!candidate.quoted && value.startsWith("<") && !value.includes(">")) return undefined;
  // A dummy in a URL's query (`?api_key=apikeyvaluehere`) documents the parameter.
  if (candidate.query && verdict.kind === "placeholder" && kind === "secret") return undefined;
  // In tests a dummy token is the fixture's purpose (`token: "token"`, `"auth_token": "aaaa…"`): only
  // real-looking values are worth a finding there. Dummy passwords stay: they are often the real default.
  if (verdict.kind === "placeholder" && kind === "secret" && !candidate.fallback && isTestPath(context.path)) return undefined;
  if (verdict.kind === "none") return undefined;
  return toMatch(key, value, index, kind, verdict);
}

/** Does the unquoted pair at `index`, whose value ends at a lone closing quote, sit in a string after words? */
function insideProseString(text: string, index: number, value: string): boolean {
  const close = /^[^"'\x60]+(["'\x60])[,;]?$/.exec(value)?.[1];
  if (!close) return false;
  const open = lastIndexWithin(text, close, index);
  if (open === -1) return false;
  const before = text.slice(open + 1, index).trim();
  return before.length > 0 && !before.split(/\s+/).every((w) => /^(?:-{1,2}[\w-]{1,40}|[\w.-]{1,80}=\S*)$/.test(w));
}

function inHiddenInput(text: string, index: number): boolean {
  const open = lastIndexWithin(text, "<", index);
  if (open === -1 || !/^<input\b/i.test(text.slice(open, open + 7))) return false;
  // The tag read up to its `>`, or LOOK_AROUND past the value: an unclosed `<input` read to the line's
  // end for each candidate was quadratic too.
  const reach = Math.min(text.length, index + LOOK_AROUND);
  const close = text.slice(open, reach).indexOf(">");
  if (close !== -1 && open + close < index) return false;
  const tag = text.slice(open, close === -1 ? reach : open + close);
  return /\btype\s{0,3}=\s{0,3}["']?hidden\b/i.test(tag);
}

function toMatch(key: string, value: string, index: number, kind: KeyKind, verdict: ValueVerdict): RawMatch {
  const ruleId = kind === "password" ? "generic-password" : "generic-secret";
  const what = kind === "password" ? "password" : "secret";
  return verdict.kind === "placeholder"
    ? {
        secret: value,
        index,
        ruleId,
        title: kind === "password" ? "Placeholder or default password" : "Placeholder secret",
        category: "placeholder",
        severity: "medium",
        message: `A placeholder ${what} is assigned to \`${safeName(key)}\` (${verdict.reason}). Dummy values get committed and then reused for real: read it from the environment or a secret store instead, and fail when it is missing.`,
      }
    : {
        secret: value,
        index,
        ruleId,
        setting: key,
        title: kind === "password" ? "Hardcoded password" : "Hardcoded secret",
        message: `A hardcoded ${what} is assigned to \`${safeName(key)}\`. Rotate it, then read it from an environment variable or a secret store.`,
      };
}

/** Names come from the scanned file: keep them short and free of Markdown. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.$@-]/g, "");
  return cleaned.length > 60 ? cleaned.slice(0, 60) + "…" : cleaned;
}

/**
 * `name:` on one line and `value:` on the next (Kubernetes env, ECS task definitions): the engine gives
 * this rule a window of a few lines from each line holding `name`.
 */
/** Terraform: `variable "db_password" {` ... `default = "value"` within the block. */
const TERRAFORM_VARIABLE = /^\s*variable\s{1,5}"(?<key>[\w-]{1,80})"\s{0,3}\{[^}]{0,400}?\bdefault\s{0,3}=\s{0,3}"(?<value>(?:\\.|[^"\\\r\n]){1,300})"/d;

function findTerraformDefaults(window: string): RawMatch[] {
  const m = TERRAFORM_VARIABLE.exec(window);
  const key = m?.groups?.["key"];
  const raw = m?.groups?.["value"];
  const span = m?.indices?.groups?.["value"];
  if (!key || raw === undefined || !span) return [];
  const kind = classifyName(key);
  if (!kind) return [];
  const verdict = classifyValue(raw, key, kind, true);
  return verdict.kind === "none" ? [] : [toMatch(key, raw, span[0], kind, verdict)];
}

function findNameValuePairs(window: string, context?: MatchContext): RawMatch[] {
  // Only the line holding `name` and the next one: bounded work on every line that mentions a name.
  const firstLineEnd = window.indexOf("\n");
  const secondLineEnd = firstLineEnd === -1 ? -1 : window.indexOf("\n", firstLineEnd + 1);
  const text = secondLineEnd === -1 ? window : window.slice(0, secondLineEnd);
  // Every pair spells `value`: most lines that mention a name do not, and a test for it costs less than the pattern.
  if (!text.includes("value")) return [];
  const m = NAME_VALUE_PAIR.exec(text);
  if (!m || !m.groups || (firstLineEnd !== -1 && m.index > firstLineEnd)) return [];
  const key = m.groups["key"] as string;
  const group = m.groups["value"] !== undefined ? "value" : "value2";
  const raw = m.groups[group];
  const span = m.indices?.groups?.[group];
  // The value must follow on the same or the very next line.
  if (raw === undefined || !span || text.slice(0, span[0]).split("\n").length > 2) return [];
  if (inHiddenInput(text, span[0])) return [];
  const kind = classifyName(key);
  if (!kind) return [];
  const quoted = group === "value";
  // In program code an unquoted value is an expression (`value: m.groups["value"]`).
  if (!quoted && context && !context.configLike) return [];
  const value = quoted ? raw : trimUnquoted(raw);
  const verdict = classifyValue(value, key, kind, quoted);
  if (verdict.kind === "none") return [];
  return [toMatch(key, value, span[0], kind, verdict)];
}

const PASSWORD = "generic-password";
const SECRET = "generic-secret";

export const rules: Rule[] = [
  defineRule({
    // One rule for every name-based secret: it reports `generic-password` or `generic-secret` per match,
    // so a line with several secret-like words is read once.
    id: SECRET,
    title: "Hardcoded secret",
    provider: "generic",
    severity: "high",
    keywords: ["pass", "pwd", "psw", "identified", "pw=", "mysql", "mariadb", "masterauth", "login", "redis-cli", ":5432:", ":*:", "secret", "token", "key", "auth", "cred", "bearer", "connstr", "sas", "salt", "nonce", "otp", "sid", "sess", "securestring"],
    reports: [{ id: PASSWORD, title: "Hardcoded password" }],
    find: findGenericSecrets,
    remediation: "Rotate the value, then read it from an environment variable or a secret manager at run time.",
    samples: () => [fake.alnum(10, "generic-password") + "!", fake.alnum(32, "generic-secret"), fake.hex(40, "generic-salt"), fake.hex(16, "generic-list"), fake.hex(16, "generic-list2"), fake.alnum(16, "generic-salt2")] as const,
    truePositives: ([pw, token, salt, first, second]) => {
      const typed = "Tr0" + "ub!e";
      const as = (id: string) => (examples: Example[]): Example[] => examples.map(([line, value]) => [line, value, id]);
      return [
        ...as(PASSWORD)([
          ...inSyntaxes("db_password", pw),
          ...withValue(pw, `const dbPassword = '%s';`, `mysql -u root -p%s app`, `spring.datasource.password=%s`, `CREATE USER app IDENTIFIED BY '%s';`),
          ...withValue(pw, `define('DB_PASSWORD', '%s');`, `    "password2": "%s",`, `    password = Some("%s"),`, `    user.setPassword("%s");`),
          ...withValue(typed, `db_pass = "%s"`),
        ]),
        ...as(SECRET)([
          ...inSyntaxes("api_key", token),
          ...withValue(token, `client_secret: "%s"`, `apiKey = "%s"`, `curl "https://api.example.com/v1/items?access_token=%s"`, "const url = `https://api.example.com/geo?q=${q}&access_token=%s`;", `deploy --api-token %s`, `      oauth_nonce: '%s',`),
          ...withValue(salt, `  salt = "%s"`),
          ...withValue(first, `  "tokens": ["%s", "${second}"],`),
        ]),
      ];
    },
    falsePositives: ([, token, , , , salt]) => [
      `password = os.environ["DB_PASSWORD"]`,
      `const password = process.env.DB_PASSWORD;`,
      `password: \${DB_PASSWORD}`,
      `"password": "Password",`,
      `password_hash = "$2b$12$${fake.alnum(53, "bcrypt")}"`,
      `password: string;`,
      `if (!password) throw new Error("password is required");`,
      `label: "Enter your password"`,
      `api_key = os.getenv("API_KEY")`,
      `token: {{ secrets.DEPLOY_TOKEN }}`,
      `max_tokens = 4096`,
      `token_url: "https://auth.example.com/oauth/token"`,
      `secretName: my-app-secret`,
      `public_key = "${token}"`,
      "  , consumer_key: CONSUMER_KEY",
      "    clientSecret: process.env.GITHUB_SECRET || 'CLIENT_SECRET',",
      `salt_length = 16`,
      `    "ChangePassword": "iam:ChangePassword",`,
      `STATUS_WRONG_PASSWORD = 3221225578`,
      `hash, err := HashPassword("password", "${salt}", SHA512)`,
      "    password: ((concourse.db_password))",
      `  "tokens": [1024, 2048],`,
      `    user.setPassword(request.getParameter("password"));`,
    ],
  }),
  defineRule({
    id: "generic-terraform-variable",
    title: "Hardcoded secret",
    provider: "generic",
    severity: "high",
    keywords: ["variable"],
    window: 600,
    reports: [{ id: SECRET, title: "Hardcoded secret" }, { id: PASSWORD, title: "Hardcoded password" }],
    find: findTerraformDefaults,
    remediation: "Remove the default: pass the value from a secret store (TF_VAR_ environment variable, Vault, a cloud secret manager) and mark the variable sensitive.",
    samples: () => [`${fake.alnum(16, "tf-var")}!`, fake.alnum(32, "tf-var-2")] as const,
    // A variable block spans lines: the setting matrix does not apply.
    truePositives: ([pw, token]) => [
      [`variable "db_password" {\n  type      = string\n  default   = "${pw}"\n}`, pw, PASSWORD],
      [`variable "api_token" {\n  default = "${token}"\n}`, token, SECRET],
    ],
    falsePositives: () => [`variable "db_password" {\n  type      = string\n  sensitive = true\n}`, `variable "region" {\n  default = "eu-west-1"\n}`],
  }),
  defineRule({
    id: "generic-name-value",
    title: "Hardcoded secret",
    provider: "generic",
    severity: "high",
    keywords: ["name", "\"key\"", "'key'", "key:"],
    window: 600,
    // Every pair spells `value` (findNameValuePairs): the engine skips the windows without it, most of
    // those a line mentioning a name opens, before any text is taken.
    requires: [/value/],
    reports: [{ id: SECRET, title: "Hardcoded secret" }, { id: PASSWORD, title: "Hardcoded password" }],
    find: findNameValuePairs,
    remediation: "Rotate the value, then reference a Kubernetes Secret (valueFrom.secretKeyRef) or the platform's secret store instead of a literal value.",
    samples: () => [fake.alnum(14, "name-value") + "#", fake.alnum(32, "nv2")] as const,
    // A name and its value in an environment list: the setting matrix does not apply.
    truePositives: ([pw, token]) => [
      [`- name: DB_PASSWORD\n  value: "${pw}"`, pw, PASSWORD],
      [`{"name": "API_TOKEN", "value": "${token}"}`, token, SECRET],
    ],
    falsePositives: () => [`- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: { name: db, key: password }`, `- name: LOG_LEVEL\n  value: debug`],
  }),
];
