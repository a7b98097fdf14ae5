/**
 * One declarative form for keyword-anchored provider credentials: a value of a fixed length and
 * alphabet (or with a distinctive prefix) held by a setting named after the provider. Most SaaS APIs
 * issue keys of this kind, and the bare shape (32 hex characters, a UUID) occurs everywhere in code, so
 * the provider's name must sit in the setting's name (`ABYSSALE_API_KEY=`, `abyssale token = `,
 * `<abyssaleKey>`), or open the block whose credential setting holds the value (`abyssale:` then
 * `  api_key: ...`): a value on a line that only mentions the provider elsewhere is not reported.
 *
 * A table entry says what the provider documents (its names, the value's alphabet and length); `keyed`
 * turns it into a rule with a bounded regex, its keywords, and true and false examples generated at run
 * time over a shared matrix of syntaxes (env, shell, YAML, JSON, code, CLI flag, XML, prose).
 */
import type { Severity } from "../../../types.js";
import type { Claim, Example, Rule } from "../../rule.js";
import { ALPHABETS, randomString } from "../../fake.js";
import { classifyFormatValue } from "../../placeholder.js";
import { decodeJsonObject } from "../../validate/structure.js";
import { ASSIGN, ci, defineRule, escapeRegex, inSyntaxes, JOIN } from "../kit.js";

/** Character sets a value's body is drawn from. */
const CLASSES = {
  digits: { cls: "0-9", chars: ALPHABETS.digits },
  hex: { cls: "0-9a-f", chars: ALPHABETS.hex },
  hexUpper: { cls: "0-9A-F", chars: ALPHABETS.hexUpper },
  hexAny: { cls: "0-9a-fA-F", chars: ALPHABETS.hex + "ABCDEF" },
  lower: { cls: "a-z", chars: ALPHABETS.lower },
  upper: { cls: "A-Z", chars: ALPHABETS.upper },
  alpha: { cls: "A-Za-z", chars: ALPHABETS.upper + ALPHABETS.lower },
  lowerDigits: { cls: "a-z0-9", chars: ALPHABETS.lowerDigits },
  upperDigits: { cls: "A-Z0-9", chars: ALPHABETS.upperDigits },
  alnum: { cls: "A-Za-z0-9", chars: ALPHABETS.alnum },
} as const;

type Alphabet = keyof typeof CLASSES;

interface ValueShape {
  /** The body's characters; `extra` adds punctuation the provider uses (`-`, `_`, `.`, `+/=`). */
  alphabet: Alphabet;
  extra?: string;
  /** Exact length of the body, or its documented range. */
  length?: number;
  range?: readonly [number, number];
  /** A body in groups of these sizes joined by `-` (a UUID is `[8, 4, 4, 4, 12]`). */
  groups?: readonly number[];
  /** A literal start, part of the value (`aio_`), or the provider's several starts (`["sk_", "lk_"]`). */
  prefix?: string | readonly string[];
  /** The prefix alone identifies the format: the value is reported wherever it stands. */
  standalone?: boolean;
  /**
   * A body the fields above cannot say (two parts in different alphabets, alternative lengths): its
   * regex and a fake value. `alphabet` still says which characters may not follow it.
   */
  pattern?: { regex: string; sample: (seed: string) => string; accepts?: (value: string) => boolean };
  /** The characters that may not follow the value, as a regex class, when the provider's differ from the alphabet's. */
  notAfter?: string;
}

/**
 * A JWT-style token (header.payload.signature, each part base64url), the form some providers' API
 * tokens take (Laravel Passport and similar OAuth servers issue them as personal access tokens).
 */
export const JWT_LIKE: NonNullable<ValueShape["pattern"]> = {
  regex: "[A-Za-z0-9_-]{20,200}\\.[A-Za-z0-9_-]{60,1200}\\.[A-Za-z0-9_-]{60,1200}",
  accepts: rsaSignatureFits,
  sample: (seed) => [randomString(36, ALPHABETS.alnum, seed), randomString(240, ALPHABETS.base64url, `${seed}/payload`), randomString(400, ALPHABETS.base64url, `${seed}/signature`) + randomString(8, ALPHABETS.alnum, seed)].join("."),
};

/** Base64url lengths of an RSA signature: the modulus's size, 1024 to 4096 bits. */
const RSA_SIGNATURE_LENGTHS = new Set([1024, 2048, 3072, 4096].map((bits) => Math.ceil((bits / 8) * (4 / 3))));

/**
 * A token whose header names an RSA algorithm (`RS256`, `PS256`…) is signed with the key's modulus: its
 * signature has one of a few lengths. Another length is a cut or made-up token.
 */
function rsaSignatureFits(token: string): boolean {
  const [header, , signature = ""] = token.split(".");
  const alg = decodeJsonObject(header ?? "")?.["alg"];
  return typeof alg !== "string" || !/^(?:RS|PS)\d{3}$/.test(alg) || RSA_SIGNATURE_LENGTHS.has(signature.replace(/=+$/, "").length);
}

export interface KeyedEntry {
  /** Rule id, kebab-case, stable. */
  id: string;
  provider: string;
  /** What the value is, for the title: "API key" unless said. */
  kind?: string;
  /** Lower-case words the setting's name carries: the provider's name, its products. */
  names: readonly string[];
  value: ValueShape;
  /**
   * The name must also hold a credential word (key, token, secret, password...). Set for providers
   * named with a common word, and implied for weak shapes (UUIDs, digits, bodies under 16 characters).
   */
  credentialWord?: boolean;
  severity?: Severity;
  /**
   * The value of any setting whose name starts with the provider's name, an identifier's
   * (`ASANA_CLIENT_ID`) as well as a credential's, with no credential word asked: the name starts a
   * word or a camelCase part (`kucoinSecret`, `imagePullJfrog`, not `CameraKit`), the kit's assignment
   * follows, and the value holds a digit. For documented shapes distinctive enough that the name
   * alone anchors them; no prose, line-above or URL forms.
   */
  anySetting?: boolean;
  /** Rank among rules that report the same value (see `Rule.priority`). */
  priority?: number;
  /** Where the provider documents the credential (or its API). */
  docs: string;
}

/**
 * Words in a setting's name, in the spellings names use: `key`, `KEY`, `Key` (the first letter in
 * either case, the rest all lower or all upper). Shorter than a case-insensitive class per letter.
 */
function anyCaseWords(words: readonly string[]): string {
  return `(?:${anyCaseAlternatives(words)})`;
}

/** The same, without the enclosing group (a lookbehind's own parentheses hold it). */
function anyCaseAlternatives(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const w of words) byFirst.set(w[0] as string, [...(byFirst.get(w[0] as string) ?? []), w.slice(1)]);
  const rest = (rests: string[]): string => (rests.length === 1 && rests[0]!.length === 1 ? `[${rests[0]}${rests[0]!.toUpperCase()}]` : `(?:${rests.flatMap((r) => [r, r.toUpperCase()]).join("|")})`);
  return [...byFirst].map(([first, rests]) => `[${first}${first.toUpperCase()}]${rest(rests)}`).join("|");
}

/**
 * Words that, ending a setting's name, say it holds an identifier rather than a secret. (Hosts, URLs
 * and emails need no entry: their values hold characters no key alphabet has.)
 */
const NOT_SECRET_ENDINGS = ["id", "uuid", "name", "user", "account", "org", "project"];
const NOT_SECRET_NAME = `(?<!${anyCaseAlternatives(NOT_SECRET_ENDINGS)})`;

/** Words that name a credential: key, token, secret, password, pwd, pat, credentials, auth. */
const CREDENTIAL = anyCaseWords(["key", "token", "secret", "pass", "pwd", "pat", "cred", "auth"]);
/** The strongest of them, for a setting that does not carry the provider's name itself. */
const KEY_TOKEN_SECRET = anyCaseWords(["key", "token", "secret"]);

/**
 * The provider's name at a word start, in the spellings names use: `abyssale_key`, `ABYSSALE_KEY`,
 * `myAbyssaleKey`, not `xabyssale`. A name of several words (`alien vault`) also matches `alienVault`,
 * `ALIEN_VAULT`, `alien-vault` and `alienvault`; names that start with the same word share its regex.
 */
function namesAtWordStart(names: readonly string[], provider = ""): string {
  // A one-word name also in the provider's own camelCase (`beSnappyToken` for BeSnappy).
  const cased = provider.replace(/[^A-Za-z0-9]/g, "");
  const rest = (w: string): string => {
    if (w.length <= 1) return "";
    const spellings = [w.slice(1), w.slice(1).toUpperCase(), ...(cased.toLowerCase() === w && /[A-Z]/.test(cased.slice(1)) ? [cased.slice(1)] : [])];
    return `(?:${spellings.map(escapeRegex).join("|")})`;
  };
  const spelled = (w: string): string => (/[a-z]/.test(w[0] as string) ? `[${w[0]}${(w[0] as string).toUpperCase()}]` : escapeRegex(w[0] as string)) + rest(w);
  // Names that share their first word share its regex (`zoho` and `zoho crm` are `zoho(?:[ _.-]?crm)?`),
  // and names that share their first letter share the word-start test.
  const byFirst = new Map<string, Set<string>>();
  for (const name of names) {
    const [first = "", ...others] = name.split(/[ _.-]/).filter(Boolean);
    byFirst.set(first, (byFirst.get(first) ?? new Set()).add(others.map((w) => `[ _.-]?${spelled(w)}`).join("")));
  }
  const byLetter = new Map<string, string[]>();
  for (const [first, tailSet] of byFirst) {
    const tails = [...tailSet].filter(Boolean);
    const optional = tailSet.has("");
    const tail = tails.length === 0 ? "" : tails.length === 1 && !optional ? (tails[0] as string) : `(?:${tails.join("|")})${optional ? "?" : ""}`;
    const letter = first[0] as string;
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), rest(first) + tail]);
  }
  const alternatives = [...byLetter].map(([letter, bodies]) => {
    const body = bodies.length === 1 ? (bodies[0] as string) : `(?:${bodies.join("|")})`;
    if (!/[a-z]/.test(letter)) return `(?<![A-Za-z0-9])${escapeRegex(letter)}${body}`;
    // Inside a camelCase identifier the name starts with a capital: not after another capital.
    return `(?:(?<![A-Za-z0-9])${letter}|(?<![A-Z])${letter.toUpperCase()})${body}`;
  });
  return `(?:${alternatives.join("|")})`;
}

/** Separators in a name are optional, so `easy-insight` also matches `easyinsight`: keep the former. */
function distinctNames(names: readonly string[]): string[] {
  const letters = (n: string): string => n.replace(/[ _.-]/g, "");
  return names.filter((n) => n !== letters(n) || !names.some((o) => o !== n && letters(o) === n));
}

/**
 * Between the setting's name and the value: the kit's assignment (`=`, `:`, `=>`, a CLI flag's space,
 * an argument), an XML element's `>`, .NET's `key="..." value="`, or a spaced dash in notes and
 * lists (`Acme token - <value>`). A quoted value may be padded with one space inside its quotes
 * (`acme_token = ' <value> '`, as notes and hand-written configs pad it).
 */
const BETWEEN = `(?:${ASSIGN}|["']\\s{1,3}value${JOIN}\\s{0,2}=\\s{0,2}["']| - ["'\x60]?)(?:(?<=["'\x60]) )?${JOIN}`;

function bodyOf(shape: ValueShape): { regex: string; cls: string; minLength: number } {
  if (shape.extra && !/^[-_.+/=]+$/.test(shape.extra)) throw new Error(`keyed value: extra characters must be among - _ . + / =`);
  const cls = `[${CLASSES[shape.alphabet].cls}${shape.extra ? escapeRegex(shape.extra) : ""}]`;
  if (shape.pattern) return { regex: `(?:${shape.pattern.regex})`, cls, minLength: 1 };
  if (shape.groups) {
    return { regex: shape.groups.map((n) => `${cls}{${n}}`).join("-"), cls, minLength: shape.groups.reduce((a, b) => a + b + 1, -1) };
  }
  const [min, max] = shape.range ?? [shape.length ?? 0, shape.length ?? 0];
  if (min <= 0 || max < min) throw new Error(`keyed value needs a length or a range`);
  return { regex: min === max ? `${cls}{${min}}` : `${cls}{${min},${max}}`, cls, minLength: min };
}

/**
 * Letters-and-digits bodies must hold both: a word or a number of the right length is not a key. A
 * long body of both cases may lack digits (a random 22-character key has none once in fifty): there
 * the mix of capitals and small letters says it is not one lower-case word run together. Tested in
 * code after the match (see `valueCheck`): as a lookahead it cost each pattern 130 characters.
 */
function mixTest(shape: ValueShape): ((body: string) => boolean) | undefined {
  const chars: string = CLASSES[shape.alphabet].chars;
  if (!/[A-Za-z]/.test(chars) || !/[0-9]/.test(chars) || maxBodyLength(shape) < 12 || shape.groups) return undefined;
  const bothCases = maxBodyLength(shape) >= 20 && /[a-z]/.test(chars) && /[A-Z]/.test(chars);
  return (body) => (/[0-9]/.test(body) && /[A-Za-z]/.test(body)) || (bothCases && /[a-z][A-Z]/.test(body) && /[A-Z][a-z]/.test(body));
}

/** The longest body the shape allows (a pattern's or a grouped body's: the shortest, as their regexes say). */
const maxBodyLength = (shape: ValueShape): number => shape.range?.[1] ?? shape.length ?? bodyOf(shape).minLength;

/**
 * After the provider's own prefix (three characters or more), a body that is not the format's may be
 * the format filled in by hand (`pgar_bbbb…`, `sk-1234…`, `sk-your-key-here`, `sk-<API_KEY>`): such a
 * value is reported, and the engine's placeholder verdict (`classifyFormatValue`, the same test) names
 * it the provider's placeholder (issue 11 item 5). A setting's patterns read such bodies beyond the
 * format's alphabet and length (`STAND_IN_BODY`); a standalone prefix, which no name anchors, only
 * within them.
 */
const fillable = (shape: ValueShape): boolean => prefixes(shape).length > 0 && prefixes(shape).every((p) => p.length >= 3);

/** A body written in the format's place: a word of the characters names use, or anything in `<…>`. */
const STAND_IN_BODY = String.raw`<[^<>\r\n"'\x60]{1,60}>|[\w.-]{4,80}`;

/**
 * The test a match's value must pass (`Rule.accepts`): a body of the format that mixes as `mixTest`
 * asks, or, for a fillable shape, a value the placeholder verdict calls a stand-in. None when the
 * pattern says it all.
 */
function valueCheck(entry: KeyedEntry): ((secret: string) => boolean) | undefined {
  if (entry.anySetting) return undefined;
  const shape = entry.value;
  const mixed = mixTest(shape);
  // Longest first: `VF.DM.` before `VF.`.
  const starts = [...prefixes(shape)].sort((a, b) => b.length - a.length);
  const bodyOfValue = (secret: string): string => secret.slice(starts.find((p) => secret.startsWith(p))?.length ?? 0);
  const patternAccepts = shape.pattern?.accepts;
  if (patternAccepts) return (secret) => patternAccepts(secret) && (mixed === undefined || mixed(bodyOfValue(secret)));
  if (!fillable(shape)) return mixed && ((secret) => mixed(bodyOfValue(secret)));
  // Built on the first value to test: most rows never see one.
  let exact: RegExp | undefined;
  return (secret) => {
    const body = bodyOfValue(secret);
    return ((exact ??= new RegExp(`^${bodyOf(shape).regex}$`)).test(body) && (mixed === undefined || mixed(body))) || classifyFormatValue(secret).placeholder;
  };
}

/** The entry's prefixes (none, one or several). */
const prefixes = (shape: ValueShape): readonly string[] => (shape.prefix === undefined ? [] : typeof shape.prefix === "string" ? [shape.prefix] : shape.prefix);

/**
 * A UUID's layout: identifiers of every kind have it, so a value in it says little about whose it is.
 * Other group layouts (`XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX`, 11-4-4-4-12) are the provider's own.
 */
const UUID_LAYOUT = "8,4,4,4,12";

function isWeak(shape: ValueShape): boolean {
  // A pattern of several parts is as long as its sample; grouped bodies count their dashes.
  const max = shape.range?.[1] ?? shape.length ?? shape.pattern?.sample("length").length ?? (shape.groups ? bodyOf(shape).minLength : 0);
  return shape.groups?.join() === UUID_LAYOUT || shape.alphabet === "digits" || (!shape.prefix && max < 16);
}

/** The name must hold a credential word: a common-word name, or a weak shape (see `credentialWord`). */
const isStrict = (entry: KeyedEntry): boolean => entry.credentialWord === true || isWeak(entry.value);

/** The rest of a URL whose query carries the key: `https://api.disqus.com/x?key=...`. */
const URL_QUERY = `[^\\s"'<>]{0,200}?[?&][\\w-]{0,12}?(?:key|token|secret)`;

/** The end of a setting's name that holds a secret, and its assignment. */
const SECRET_SETTING_END = `(?![\\w.-])${NOT_SECRET_NAME}${BETWEEN}`;

/**
 * The provider named in the nearby context, the value in a credential position a few lines below:
 * real configurations nest a credential under its provider (`stripe:` then `  secret_key: ...` in
 * YAML, `[acme]` then `token = ...` in INI, `"acme": {` in JSON), a Jenkins credential block names
 * it in its id or description above the `<secret>` element, and a log or comment line names it just
 * above `API_KEY=...`. The name is a whole word; the lines between are the block's other settings
 * or elements (a blank line, or prose such as a log line, ends the block); the credential position
 * is a setting or an XML element whose name holds `key`, `token`, `secret` or `pass` (and does not
 * end as an identifier's does, see `NOT_SECRET_NAME`). Not for common-word names or weak shapes.
 */
const CONTEXT_LINES = 3;
const CONTEXT = `(?![a-z0-9])[^\\n]{0,200}\\n(?:[ \\t]{0,40}["'<]?[\\w.-]{1,40}["']?[ \\t]{0,3}[:=>][^\\n]{0,200}\\n){0,${CONTEXT_LINES}}?[^\\n]{0,80}?(?<![A-Za-z0-9])[\\w.-]{0,16}?${anyCaseWords(["key", "token", "secret", "pass"])}[\\w.-]{0,12}?`;
/** An XML element's text may carry a label before the value (`<secret>{label value}</secret>`). */
const ELEMENT_LABEL = `(?:(?<=>)\\{?(?:[^\\s<>{}]{1,40} ){0,2})?`;

/**
 * The nearby context a common-word name or a weak shape may use: only a credential store's XML block
 * (Jenkins' credentials.xml, Maven's settings.xml), where the name is in one element's text
 * (`<id>{acme-prod}</id>`, `<description>Acme production</description>`) and the value in a sibling
 * element named for a credential a few lines below. A log or comment line that mentions the
 * name is too weak a tie for these.
 */
const XML_CONTEXT = `(?![a-z0-9])[^<>\\n]{0,80}</[\\w.-]{1,40}>[ \\t]{0,8}\\n(?:[ \\t]{0,40}<[^\\n]{0,200}\\n){0,${CONTEXT_LINES}}?[ \\t]{0,40}<[\\w.-]{0,16}?${anyCaseWords(["key", "token", "secret", "pass"])}[\\w.-]{0,12}?`;

/**
 * Jenkins' encrypted-secret prefix before a value in a credential store's text (`{acme AQAAABAAA
 * <value>}`, the form exports and test fixtures of Jenkins credentials take): a template, so the
 * provider's name before it is tie enough.
 */
export const JENKINS_LABEL = `AQAAABAAA[ \\t]{1,3}`;
const BEFORE_JENKINS_LABEL = `[ \\t]{1,3}(?=AQAAABAAA[ \\t])`;

function valueRegex(shape: ValueShape): { value: string; notAfter: string } {
  const body = bodyOf(shape);
  const starts = prefixes(shape).map(escapeRegex);
  const prefix = starts.length === 0 ? "" : starts.length === 1 ? (starts[0] as string) : `(?:${starts.join("|")})`;
  const value = fillable(shape) && !shape.standalone ? `${prefix}(?:${body.regex}|${STAND_IN_BODY})` : `${prefix}${body.regex}`;
  // `?` and more of a token's characters: the value runs on (a longer token, its characters mangled).
  return { value, notAfter: `(?:${shape.notAfter ?? `[A-Za-z0-9${shape.extra ? escapeRegex(shape.extra) : ""}]`}|\\?[A-Za-z0-9])` };
}

/** The regex of an `anySetting` entry: the name, the kit's assignment, a value that holds a digit. */
function anySettingRegex(entry: KeyedEntry): RegExp {
  const name = `(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))(?:${entry.names.map((n) => ci(escapeRegex(n))).join("|")})`;
  const starts = prefixes(entry.value).map(escapeRegex);
  const prefix = starts.length === 0 ? "" : `(?:${starts.join("|")})`;
  // The value follows a quote, an assignment or a space (not a call's parenthesis: `LinkedInTests(Mixin`)
  // and holds a digit (prose such as `LinkedIn authentication` does not); `_` or `-` after it would
  // make it part of a longer identifier.
  const value = String.raw`(?<=["'\x60=:>\s])(?=[^\s"'\x60,;]{0,90}[0-9])` + prefix + bodyOf(entry.value).regex;
  const notAfter = entry.value.notAfter ?? `[A-Za-z0-9_${entry.value.extra ? escapeRegex(entry.value.extra) : ""}-]`;
  // A credential word may follow the name after a space, as notes and labels write it (`Sendbird token - "…"`).
  const spacedCredential = `(?:[ \\t]{1,2}(?:[aA](?:pi|PI)[ _-]?)?${JOIN}${CREDENTIAL})?`;
  return new RegExp(`${name}${spacedCredential}${ASSIGN}(?<secret>${value})(?!${notAfter})`);
}

/** The regex of a table entry: the value in a setting named after the provider, on its line. */
export function keyedRegex(entry: KeyedEntry): RegExp {
  if (entry.anySetting) return anySettingRegex(entry);
  const { value, notAfter } = valueRegex(entry.value);
  if (entry.value.standalone) {
    if (prefixes(entry.value).length === 0 || prefixes(entry.value).some((p) => p.length < 3)) throw new Error(`${entry.id}: a standalone value needs a distinctive prefix`);
    return new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${value})(?!${notAfter})`);
  }
  const names = namesAtWordStart(distinctNames(entry.names), entry.provider);
  // `abyssale_api_key`, `abyssaleToken`, or `abyssale token` / `Abyssale API key` in prose and logs.
  const spaced = `[ \\t]{1,2}(?:[aA](?:pi|PI))?[ _-]?`;
  if (isStrict(entry)) {
    // `tatum_key`, `tatum token`, and the product's name after the provider's: `tatumio token`; or
    // the name before Jenkins' prefix.
    return new RegExp(`${names}(?:[\\w.-]{0,16}?(?:${spaced})?${JOIN}${CREDENTIAL}[\\w.-]{0,12}?${SECRET_SETTING_END}|${BEFORE_JENKINS_LABEL})(?:${JENKINS_LABEL})?(?<secret>${value})(?!${notAfter})`);
  }
  // The name in the setting itself (`abyssale_api_key`), in a URL whose query holds the value
  // (`https://api.abyssale.com/v1?key=...`), or before Jenkins' prefix.
  const sameLine = `[\\w.-]{0,24}?(?:${spaced}${JOIN}${KEY_TOKEN_SECRET})?`;
  return new RegExp(`${names}(?:(?:${sameLine}|${URL_QUERY})${SECRET_SETTING_END}|${BEFORE_JENKINS_LABEL})(?:${JENKINS_LABEL})?${ELEMENT_LABEL}(?<secret>${value})(?!${notAfter})`);
}

/**
 * What every match of a strict entry's nearby pattern holds (see `Rule.nearbyRequires`): its URL form a
 * query's `?` or `&`, its element form a closing tag's `</`.
 */
const STRICT_NEARBY_PARTS: readonly RegExp[] = [/[?&]|<\//];

/**
 * The nearby regex of a table entry: the provider named in the context above the value's setting
 * (see `CONTEXT`), or, for common-word names and weak shapes, in a credential store's XML block
 * (`XML_CONTEXT`) or as a label of the host of a URL whose query holds the value
 * (`https://api.cicero.net/v1?key=...`). None for the forms that need no name (standalone prefixes)
 * or take only the setting's own (`anySetting`).
 */
function keyedNearbyRegex(entry: KeyedEntry): RegExp | undefined {
  if (entry.anySetting || entry.value.standalone) return undefined;
  const { value, notAfter } = valueRegex(entry.value);
  const names = namesAtWordStart(distinctNames(entry.names), entry.provider);
  if (!isStrict(entry)) return new RegExp(`${names}${CONTEXT}${SECRET_SETTING_END}${ELEMENT_LABEL}(?<secret>${value})(?!${notAfter})`);
  // Each form with its own end (the query's `=`, the element's `>`): the kit's assignment would not fit.
  const element = `${XML_CONTEXT}(?![\\w.-])${NOT_SECRET_NAME}[ \\t]{0,3}>[ \\t]{0,8}(?:\\r?\\n[ \\t]{0,16})?${ELEMENT_LABEL}`;
  return new RegExp(`(?:(?<=[/.])${names}\\.${URL_QUERY}[\\w-]{0,12}=|${names}${element})(?<secret>${value})(?!${notAfter})`);
}

/**
 * What every match of an entry's patterns holds, as cheap tests (see `Rule.requires`): one of its names
 * with all its words (any case, any separator), and its body, a run of the body's characters at least as
 * long as the shortest body (the `-` of grouped bodies included; none for a body given as a pattern), or
 * its prefix where a setting may hold a stand-in (see `fillable`).
 */
function requiredParts(entry: KeyedEntry): RegExp[] {
  const parts: RegExp[] = [];
  const shape = entry.value;
  if (!shape.standalone) {
    const spelled = entry.names.map((n) => (entry.anySetting ? escapeRegex(n) : n.split(/[ _.-]/).filter(Boolean).map(escapeRegex).join("[ _.-]?")));
    parts.push(new RegExp(spelled.join("|"), "i"));
  }
  // A setting's stand-in body (`sk-your-key`) is shorter than the format's: its prefix is required instead.
  if (fillable(shape) && !shape.standalone) parts.push(new RegExp(prefixes(shape).map(escapeRegex).join("|")));
  else if (!shape.pattern) {
    const { cls, minLength } = bodyOf(shape);
    parts.push(new RegExp(`${shape.groups ? `${cls.slice(0, -1)}-]` : cls}{${minLength}}`));
  }
  return parts;
}

/** Characters a rule sees from its keyword's line: that line and the few below it (see `contextRegex`). */
const KEYED_WINDOW = 1200;
/** An `anySetting` value may sit on the line after an XML element's start tag. */
const ANY_SETTING_WINDOW = 200;

/** A fake value of the entry's shape, made of its alphabet (letters and digits both, when it has them). */
function fakeValue(shape: ValueShape, seed: string): string {
  const chars = CLASSES[shape.alphabet].chars + (shape.extra ?? "").replace("=", "");
  const pick = (n: number, s: string): string => {
    for (let attempt = 0; ; attempt++) {
      const v = randomString(n, chars, `${s}#${attempt}`);
      const ok = !/[A-Za-z]/.test(chars) || !/[0-9]/.test(chars) || (/[A-Za-z]/.test(v) && /[0-9]/.test(v));
      // Punctuation at the ends reads as a separator, not as part of the value.
      if (ok && /^[A-Za-z0-9]/.test(v) && /[A-Za-z0-9]$/.test(v)) return v;
    }
  };
  if (shape.pattern) return shape.pattern.sample(seed);
  const body = shape.groups
    ? shape.groups.map((n, i) => pick(n, `${seed}/${i}`)).join("-")
    : pick(shape.range ? Math.round((shape.range[0] + shape.range[1]) / 2) : (shape.length as number), seed);
  return (prefixes(shape)[0] ?? "") + body;
}

/** Identifier forms of a name: `abyssale`, `ABYSSALE`, `Abyssale`. */
function forms(name: string): { snake: string; upper: string; camel: string; pascal: string } {
  const words = name.split(/[ _.-]/).filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return { snake: words.join("_"), upper: words.join("_").toUpperCase(), camel: pascal[0]!.toLowerCase() + pascal.slice(1), pascal };
}

/** True positives: the value under the provider's name, in each syntax of the shared matrix and more. */
function truePositives(entry: KeyedEntry, v: string): Example[] {
  const pairs = (lines: string[]): Example[] => lines.map((line) => [line, v] as const);
  if (entry.anySetting) {
    // A name with a double underscore (Bundler's `BUNDLE_GEMS__HOST`) is written as it is.
    const raw = entry.names[0] as string;
    const { upper, camel, snake } = raw.includes("__") ? { upper: raw.toUpperCase(), camel: raw, snake: raw } : forms(raw);
    const flag = raw.includes("__") ? [] : [`mycli deploy --${snake.replace(/_/g, "-")}-api-key ${v}`, `${snake} token - '${v}'`];
    // An XML element's text may sit on the next line.
    return [...inSyntaxes(`${snake}_secret_key`, v), ...pairs([`export ${upper}_CLIENT_ID="${v}"`, `  "${camel}Token": "${v}",`, `const ${camel}Secret = "${v}";`, ...flag, `<${camel}Key>\n    ${v}\n</${camel}Key>`])];
  }
  if (entry.value.standalone) {
    return [...inSyntaxes("service_token", v), ...pairs([`const client = new Client("${v}");`, `curl -H "X-Key: ${v}" https://api.example.com/v1/me`])];
  }
  const { snake, upper, camel, pascal } = forms(entry.names[0] as string);
  return [
    ...inSyntaxes(`${snake}_api_key`, v),
    ...pairs([
      `export ${upper}_TOKEN="${v}"`,
      `  "${camel}ApiKey": "${v}",`,
      `const ${camel}Token = "${v}";`,
      `mycli deploy --${snake.replace(/_/g, "-")}-api-key ${v}`,
      `<${camel}ApiKey>${v}</${camel}ApiKey>`,
      `<add key="${pascal}ApiKey" value="${v}" />`,
      `${pascal} API key: ${v}`,
      `${snake} token - '${v}'`,
      `fetch("https://api.${snake.replace(/_/g, "")}.com/v1/items?limit=5&api_key=${v}")`,
      // A credential store's XML: the name in the id or description above, or before Jenkins' prefix.
      `<com.cloudbees.plugins.credentials.impl.StringCredentialsImpl>\n  <id>${snake}-prod</id>\n  <description>${pascal} production</description>\n  <secret>${v}</secret>\n</com.cloudbees.plugins.credentials.impl.StringCredentialsImpl>`,
      `  <id>{${snake}}</id>\n  <secret>{AQAAABAAA ${v}}</secret>`,
      `  <secret>{${snake} AQAAABAAA ${v}}</secret>`,
    ]),
    ...(isStrict(entry)
      ? []
      : pairs([
          `${snake}:\n  api_key: ${v}`,
          `# ${pascal}\nAPI_TOKEN=${v}`,
          // The provider named above the block that holds the value, other settings between.
          `services:\n  ${snake}:\n    url: https://api.example.com\n    timeout: 30\n    secret_key: "${v}"`,
          `[${snake}]\nregion = eu\npassword = ${v}`,
          `[INFO] calling the ${pascal} API\n[DEBUG] using Key=${v}`,
        ])),
  ];
}

/** False positives: the shape under another name, a non-secret setting, a wrong length or alphabet. */
function falsePositives(entry: KeyedEntry, v: string): string[] {
  const { upper, snake } = forms(entry.names[0] as string);
  const shape = entry.value;
  const prefix = prefixes(shape)[0] ?? "";
  const bodyLength = v.length - prefix.length;
  const max = shape.range?.[1] ?? bodyLength;
  const min = shape.range?.[0] ?? bodyLength;
  const longer = v + (shape.alphabet === "digits" ? "7" : "7k").repeat(max - bodyLength + 1).slice(0, max - bodyLength + 1);
  const shorter = v.slice(0, prefix.length + min - 1);
  // A pattern's parts have ranges of their own: cut the value short instead.
  const fp = shape.pattern ? [`${upper}_API_KEY=${v.slice(0, 8)}`] : [`${upper}_API_KEY=${longer}`, `${upper}_API_KEY=${shorter}`];
  if (entry.anySetting) {
    return [...fp, `SOME_OTHER_SERVICE_API_KEY=${v}`, `x${snake}_key=${v}`, `${upper}_API_KEY=${v}${v}`, `// ${entry.provider}: see the docs for the ${snake}_api_key setting`];
  }
  // (A dummy word there, `…____example`, is the format filled in by hand: the provider's placeholder.)
  if (shape.standalone) fp.push(`${prefix}${"_".repeat(4)}settings`);
  else fp.push(`SOME_OTHER_SERVICE_API_KEY=${v}`, `${upper}_PROJECT_ID=${v}`, `  ${snake}_url: https://example.com/items?id=${v}`, `https://api.${snake.replace(/_/g, "")}.com/v1/items?id=${v}`);
  // Small letters alone: not a body that mixes (nor a pattern's parts).
  if (mixTest(shape) || shape.pattern) fp.push(`${upper}_API_KEY=${prefix}${randomString(bodyLength, ALPHABETS.lower, entry.id)}`);
  // The name in an element too far above the credential's.
  if (!shape.standalone) fp.push(`<id>${snake}</id>\n<a>1</a>\n<b>2</b>\n<c>3</c>\n<d>4</d>\n<secret>${v}</secret>`);
  if (!shape.standalone && isStrict(entry)) {
    // A log or comment line naming the provider is not tie enough for a common word or a weak shape.
    fp.push(`${upper}=${v}`, `# ${snake}\nAPI_KEY=${v}`, `[INFO] calling the ${snake} API\n[DEBUG] using Key=${v}`, `<!-- ${snake} -->\n<secret>${v}</secret>`);
  } else if (!shape.standalone) {
    fp.push(
      `# ${snake}\n\nAPI_KEY=${v}`,
      `${snake}:\n  build_id: ${v}`,
      // A prose line, or more than a few lines, between the name and the value; the name inside a word.
      `[INFO] ${snake} client ready\n[INFO] sending the request\n[DEBUG] using Key=${v}`,
      `${snake}:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  api_key: ${v}`,
      `${snake}x:\n  api_key: ${v}`,
    );
  }
  return fp;
}

/**
 * A name written as one word whose provider spells it in camelCase (`apimatic`, APIMatic) is matched
 * word by word, so that `apiMaticKey` and `API_MATIC_KEY` hold it too.
 */
function splitLikeProvider(name: string, provider: string): string {
  const words = provider.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase();
  // Names made of short parts (`bit ly`, `ip stack`) would have weak keywords: they stay whole.
  const parts = words.split(" ");
  const distinct = parts.every((w) => w.length >= 3) && parts.some((w) => w.length >= 5);
  return distinct && words.includes(" ") && words.replace(/ /g, "") === name ? words : name;
}

/**
 * Words in most source files (`export` in nearly every module, `data` in half), or in much ordinary code and
 * prose (`index`, `user`, `invoice`, `request`): as a name's keyword one would run its row, and load its table
 * in the Claude Code hook, on most code. A name of several words keys on another of its words instead
 * (`export sdk` on `sdk`, `invoice ocean` on `ocean`): every match holds all of them (`requiredParts`), so
 * the row runs on fewer lines and finds the same values. Commonest first (lines holding each in the bench's
 * inputs and history): a name made only of these keys on its least common one (`currency cloud` on `currency`).
 */
const COMMON_CODE_WORDS = [
  ...["index", "export", "user", "one", "invoice", "data", "interface", "request", "version", "image", "package", "select"],
  ...["stack", "proxy", "storage", "signal", "security", "cloud", "shift", "language", "world", "detect", "magic", "currency"],
];

/**
 * A name's most distinctive word, its keyword: its longest word not common in code (of 3 letters or more),
 * else its least common word of 3 letters or more, else its longest.
 */
const keywordOfName = (name: string): string => {
  const words = name.toLowerCase().split(/[ _.-]/);
  const long = words.filter((w) => w.length >= 3);
  const distinctive = long.filter((w) => !COMMON_CODE_WORDS.includes(w));
  if (distinctive.length > 0) return distinctive.reduce((a, b) => (b.length > a.length ? b : a));
  if (long.length > 0) return long.reduce((a, b) => (COMMON_CODE_WORDS.indexOf(b) > COMMON_CODE_WORDS.indexOf(a) ? b : a));
  return words.reduce((a, b) => (b.length > a.length ? b : a), "");
};

/**
 * Where an entry's format is the one expected (`Rule.owns`): settings named after the provider (names
 * of three letters or fewer are too often other words), its prefixes when they alone identify the
 * format, and the whole value's shape, so that a copy a few characters off is known for one.
 */
function claimOf(entry: KeyedEntry): Claim {
  const shape = entry.value;
  const starts = prefixes(shape);
  const names = entry.names.filter((n) => n.replace(/[^a-z0-9]/gi, "").length >= 4);
  const claim: Claim = { names, ...(shape.standalone ? { prefixes: starts } : {}) };
  if (shape.pattern) return claim;
  // Worked out when a value is first compared with it (claims.ts): most rows' never are.
  let whole: Claim["shape"];
  return {
    ...claim,
    get shape() {
      return (whole ??= claimShape(shape, starts));
    },
  };
}

/** The whole value's shape of a row whose body is not a pattern (see `Claim.shape`). */
function claimShape(shape: ValueShape, starts: readonly string[]): NonNullable<Claim["shape"]> {
  const startLengths = starts.length === 0 ? [0] : starts.map((p) => p.length);
  const [min, max] = shape.groups ? [bodyOf(shape).minLength, bodyOf(shape).minLength] : (shape.range ?? [shape.length ?? 0, shape.length ?? 0]);
  const chars = CLASSES[shape.alphabet].cls + escapeRegex((shape.extra ?? "") + (shape.groups ? "-" : "") + starts.join(""));
  const exact = `${starts.length === 0 ? "" : `(?:${starts.map(escapeRegex).join("|")})`}${bodyOf(shape).regex}`;
  return { chars, length: [min + Math.min(...startLengths), max + Math.max(...startLengths)], starts, exact };
}

/** The rules of a table. */
export function keyed(entries: readonly KeyedEntry[]): Rule[] {
  return entries.map((given) => {
    // A process loads a table for the few rows whose keywords a text holds: each row's names, keywords
    // and claim are worked out when first read, not for all rows at load.
    const parts: LazyParts = { given };
    const entryOf = (): KeyedEntry => namedEntry(parts);
    const kind = given.kind ?? "API key";
    // A setting's patterns are long and most never run (`requires` turns their texts away): built on first use.
    const lazy = !given.value.standalone;
    const accepts = valueCheck(given);
    // The fields worked out when first read are added to a rule that has none of them yet: redefining
    // one it has (`keywords`) would make it a dictionary-mode object, every field of which the scan's
    // loops would then read through a hash lookup.
    const { keywords: _none, ...rule } = defineRule({
      id: given.id,
      title: `${given.provider} ${kind}`,
      provider: given.provider,
      severity: given.severity ?? "high",
      keywords: [],
      ...(lazy ? {} : { regex: keyedRegex(entryOf()) }),
      ...(accepts ? { accepts } : {}),
      ...(given.anySetting ? { window: ANY_SETTING_WINDOW } : given.value.standalone ? {} : { window: KEYED_WINDOW }),
      ...(given.priority === undefined ? {} : { priority: given.priority }),
      docs: given.docs,
      remediation: `Revoke the ${kind} in ${given.provider}'s dashboard, issue a new one, and load it from a secret manager or an environment variable.`,
      samples: () => [fakeValue(given.value, given.id)] as const,
      truePositives: ([v]) => truePositives(entryOf(), v),
      falsePositives: ([v]) => falsePositives(entryOf(), v),
    });
    Object.defineProperty(rule, LAZY, { value: parts });
    lazyField(rule, "keywords");
    lazyField(rule, "owns");
    // What a text must hold is asked only of texts holding a keyword: built then.
    lazyField(rule, "requires");
    if (lazy) {
      lazyField(rule, "regex");
      if (!given.anySetting) {
        lazyField(rule, "nearbyRegex");
        lazyField(rule, "nearbyRequires");
      }
    }
    return rule as Rule;
  });
}

/** A keyed rule's fields worked out when first read, and what they are worked out from. */
interface LazyParts {
  given: KeyedEntry;
  named?: KeyedEntry;
  keywords?: string[];
  owns?: Claim;
  requires?: RegExp[];
  regex?: RegExp;
  nearbyRegex?: RegExp | undefined;
}

/** Where a keyed rule keeps its LazyParts (not enumerable: a copy of the rule holds the fields' values). */
const LAZY = Symbol("keyed rule's lazy parts");

/** The entry with its names as matched: an `anySetting` entry's as written (they are its keywords too). */
const namedEntry = (parts: LazyParts): KeyedEntry =>
  (parts.named ??= parts.given.anySetting ? parts.given : { ...parts.given, names: parts.given.names.map((n) => splitLikeProvider(n, parts.given.provider)) });

/**
 * The getters of the lazy fields, one function per field for every rule: an accessor whose getter differs
 * from rule to rule gives each rule a map of its own, and V8 then keeps the rules as dictionaries.
 */
const LAZY_GETTERS = {
  keywords: (parts: LazyParts) => (parts.keywords ??= keywordsOf(namedEntry(parts))),
  owns: (parts: LazyParts) => (parts.owns ??= claimOf(namedEntry(parts))),
  requires: (parts: LazyParts) => (parts.requires ??= requiredParts(namedEntry(parts))),
  regex: (parts: LazyParts) => (parts.regex ??= keyedRegex(namedEntry(parts))),
  nearbyRegex: (parts: LazyParts) => (parts.nearbyRegex ??= keyedNearbyRegex(namedEntry(parts))),
  nearbyRequires: (parts: LazyParts) => (isStrict(parts.given) ? STRICT_NEARBY_PARTS : undefined),
} as const;

const LAZY_ACCESSORS = Object.fromEntries(
  Object.entries(LAZY_GETTERS).map(([key, get]) => [
    key,
    function (this: { [LAZY]: LazyParts }) {
      return get(this[LAZY]);
    },
  ]),
) as Record<keyof typeof LAZY_GETTERS, () => unknown>;

/**
 * A row's keywords: its names for an `anySetting` row, its prefixes for a standalone one, else each name's
 * most distinctive word, but none for a name one of whose words holds another name's keyword (`azure search`
 * beside `azure`, `lark suite` beside `lark`): that name's every spelling holds that keyword already.
 */
function keywordsOf(entry: KeyedEntry): string[] {
  if (entry.anySetting) return [...entry.names];
  if (entry.value.standalone) return prefixes(entry.value).map((p) => p.toLowerCase());
  const own = entry.names.map(keywordOfName);
  const words = entry.names.map((name) => name.toLowerCase().split(/[ _.-]/));
  // A name whose keyword covers another's is kept whatever covers it in turn.
  const covering = new Set<number>();
  const dropped = new Set<number>();
  own.forEach((_, i) => {
    if (covering.has(i)) return;
    const by = own.findIndex((keyword, j) => j !== i && !dropped.has(j) && keyword !== own[i] && words[i]!.some((word) => word.includes(keyword)));
    if (by === -1) return;
    dropped.add(i);
    covering.add(by);
  });
  return [...new Set(own.filter((_, i) => !dropped.has(i)))];
}

/** A rule's field computed when first read (an enumerable getter, so spreads and key lists see it). */
function lazyField(rule: object, key: keyof typeof LAZY_GETTERS): void {
  Object.defineProperty(rule, key, { get: LAZY_ACCESSORS[key], enumerable: true, configurable: true });
}
