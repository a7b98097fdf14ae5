/**
 * Personal data (category `pii`): payment card numbers, IBANs, US Social Security numbers, national and
 * health identifiers with a check digit, and, in data-like files only, email addresses and phone numbers.
 *
 * Precision comes from three things, in this order:
 * 1. every number-shaped match must pass its format's own check (Luhn, mod 97, mod 11, Verhoeff...), so
 *    a random number of the right length passes only 1 time in 10 to 1 in 97;
 * 2. where the bare format collides with ordinary numbers (9 or 10 digits: timestamps, ids), the line must
 *    name the identifier (`nhs`, `bsn`, `ssn`...); outside data-like files, card numbers need a card word;
 * 3. values that are documented test or sample values (Stripe's 4242 card, the SWIFT registry's example
 *    IBANs, NHS's 999 range, the Woolworth SSN, NANP's 555 numbers, `example.com`) are not customer data.
 *
 * Speed: every number-shaped value holds two consecutive digits, so the number detectors are selected by
 * the hundred digit pairs "00".."99" (on 20 MB of node_modules JavaScript, 4% of lines hold a digit pair,
 * 14% any digit). They run as one family rule, `pii-number`, behind a gate that lets a code line through
 * only with a shape or word some detector needs (about 2% of those lines), and they skip the long lines of
 * bundled code. Identifiers that always need their name on the line (NHS, SIN, BSN, Aadhaar,
 * personnummer) are rules of their own, selected by that name.
 */
import { fake } from "../fake.js";
import type { MatchContext, RawMatch, Rule, RuleExamples } from "../rule.js";
import {
  aadhaarValid,
  bsnValid,
  cardIssuer,
  codiceFiscaleCheck,
  codiceFiscaleValid,
  completeLuhn,
  cpfCheckDigits,
  cpfValid,
  dniLetter,
  EXAMPLE_IBANS,
  hetuCheckChar,
  hetuValid,
  ibanLength,
  ibanValid,
  looksMadeUpDigits,
  luhnValid,
  makeIban,
  nhsCheckDigit,
  nhsNumberValid,
  personnummerValid,
  SAMPLE_SSNS,
  sinValid,
  spanishIdValid,
  ssnValid,
  TEST_CARD_NUMBERS,
  verhoeffCheckDigit,
} from "../validate/pii.js";
import { defineRule, withValue, type RuleSpec } from "./kit.js";

const DIGIT_PAIRS: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

// --- Where personal data is expected ------------------------------------------------------------------

const DATA_EXTENSIONS = /\.(?:csv|tsv|psv|tab|ndjson|jsonl|sql|dump|log|vcf|ldif)$/i;
/** Folders that hold test data, seeds and fixtures, whatever the files' extension. */
const TEST_DATA_DIRS = /(?:^|\/)(?:fixtures?|__fixtures__|testdata|test[-_]data|seeds?|seeders?|seed[-_]data|mock[-_]?data|sample[-_]?data)\//i;
const DATA_DIRS = /(?:^|\/)(?:dumps?|datasets?|exports?)\//i;
/** Files named for the people or records they hold. */
/** The extensions `DATA_BASENAMES` ends with: tested first, since compiling that long regex costs milliseconds. */
const DATA_BASENAME_EXTENSIONS = /\.(?:json|ya?ml|xml)$/i;
const DATA_BASENAMES = /(?:^|\/)(?:[\w-]*[-_.])?(?:users?|customers?|clients?|members?|employees?|patients?|contacts?|people|persons?|accounts?|subscribers?|leads?|orders?|payments?|transactions?|profiles?|applicants?|students?|guests?|mocks?|samples?|seeds?|fixtures?|dump|export|data)(?:[-_.][\w-]*)?\.(?:json|ya?ml|xml)$/i;
const TEST_DIRS = /(?:^|\/)(?:tests?|spec|specs|__tests__|__mocks__|mocks?|e2e|cypress|playwright)\//i;
const TEST_BASENAMES = /[._-](?:test|spec|fixtures?|mocks?|seeds?|factory|factories)\.\w+$/i;
/** A SQL seed or dump statement, wherever it sits (a migration in Python, a seed in TypeScript). */
const SQL_DATA_LINE = /\binsert\s+(?:ignore\s+)?into\b|\bvalues\s*\(/i;

let cachedPath: string | undefined;
let cachedKind: PathKind = "code";

type PathKind = "test-data" | "data" | "code";

/** Test data (fixtures, seeds, test folders), other data files (CSV, SQL dumps...), or code. */
export function pathKind(path: string): PathKind {
  if (path === cachedPath) return cachedKind;
  const data =
    DATA_EXTENSIONS.test(path) ||
    TEST_DATA_DIRS.test(path) ||
    DATA_DIRS.test(path) ||
    (DATA_BASENAME_EXTENSIONS.test(path) && DATA_BASENAMES.test(path)) ||
    (/\.json$/i.test(path) && TEST_DIRS.test(path));
  const test = TEST_DATA_DIRS.test(path) || TEST_DIRS.test(path) || TEST_BASENAMES.test(path);
  cachedKind = data ? (test ? "test-data" : "data") : "code";
  cachedPath = path;
  return cachedKind;
}

/** Files where records are expected: CSV/TSV, JSON lines and fixtures, SQL dumps, seed and fixture folders. */
export function isDataLikePath(path: string): boolean {
  return pathKind(path) !== "code";
}

function dataLike(text: string, context: MatchContext): boolean {
  return isDataLikePath(context.path) || SQL_DATA_LINE.test(text);
}

/** The advice that ends every message, by where the value sits. */
function advice(context: MatchContext, generated: string): string {
  const kind = pathKind(context.path);
  if (kind === "test-data" || (kind === "code" && (TEST_DIRS.test(context.path) || TEST_BASENAMES.test(context.path)))) {
    return `Test data is where real customer data leaks: if this is a real person's, replace it with generated data (${generated}) and purge it from the git history.`;
  }
  if (kind === "data") return "Personal data does not belong in a repository: remove the file, purge it from the git history, and keep such data in the systems built to hold it.";
  return `Remove it and purge it from the git history; if it is sample data, use generated values (${generated}).`;
}

function where(context: MatchContext): string {
  const kind = pathKind(context.path);
  return kind === "test-data" ? "in test data" : kind === "data" ? "in a data file" : "in this file";
}

// --- Context around a value ---------------------------------------------------------------------------

/** Words that make the number next to them something else: an id, a timestamp, an order, a phone. */
const NOT_PII_WORDS = new Set([
  "timestamp", "ts", "epoch", "order", "orders", "invoice", "tracking", "shipment", "sku", "isbn", "ean", "upc", "gtin",
  "imei", "iccid", "imsi", "meid", "serial", "nonce", "hash", "checksum", "crc", "version", "build", "snowflake", "tweet",
  "guild", "channel", "txn", "tx", "transaction", "uuid", "guid", "part", "model", "ticket", "case", "zip", "postal",
  "postcode", "routing", "swift", "bic", "sort", "isin", "cusip", "lei", "duns", "ein", "vat", "nanos", "millis", "ms", "ns",
]);
/** The same, when they end the name: `card_id` is an id, not a card number. */
const NOT_PII_LAST_WORDS = new Set([
  "id", "ids", "key", "ref", "reference", "seq", "sequence", "date", "time", "at", "port", "offset", "size", "bytes",
  "length", "count", "amount", "price", "total", "balance", "hash", "token", "secret", "index", "idx",
]);

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The name a value is assigned to or labelled with (up to three words), from the 40 characters before it. */
const LABEL_BEFORE = /((?:[A-Za-z][\w.-]{0,39} ){0,2}[A-Za-z][\w.-]{0,39})["'\]]?\s{0,3}(?:[:=]>?|#|\bno\.?|\bis)?\s{0,3}["'(]?\s{0,2}$/;
/**
 * What every LABEL_BEFORE match ends with: a name's last character, then what may follow a name. Tested
 * first, as it fails fast at every place; LABEL_BEFORE tries the words from each of 40 places, and a
 * dump of phone numbers in SQL or CSV (`…@example.org', '(`) has no label before most of them.
 */
const LABEL_END = /[\w.-]["'\]]?\s{0,3}(?:[:=]>?|#|\bno\.?|\bis)?\s{0,3}["'(]?\s{0,2}$/;

function labelledAsSomethingElse(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  const m = LABEL_END.test(before) ? LABEL_BEFORE.exec(before) : null;
  if (!m) return false;
  const words = nameWords(m[1] as string);
  const last = words[words.length - 1];
  return words.some((w) => NOT_PII_WORDS.has(w)) || (last !== undefined && NOT_PII_LAST_WORDS.has(last));
}

/** True when `index..end` is glued to more digits in the same grouping (`sep` digit before or after). */
function insideLongerGroupedRun(text: string, index: number, end: number, sep: string): boolean {
  if (sep === "") return false;
  const before = text.charCodeAt(index - 2);
  const after = text.charCodeAt(end + 1);
  return (text[index - 1] === sep && before >= 48 && before <= 57) || (text[end] === sep && after >= 48 && after <= 57);
}

/**
 * The context word must sit near the value (80 characters before it, 40 after), not anywhere on a line:
 * a one-line JSON file holds every word somewhere.
 */
function contextNear(context: RegExp, text: string, index: number, end: number): boolean {
  return context.test(text.slice(Math.max(0, index - 80), end + 40));
}

const CONFIRMED = (check: string) => ({ status: "confirmed" as const, check });

/** A documented test value: its check passes, and the note says that is expected (not "likely real"). */
function placeholderMatch(secret: string, index: number, message: string, check: string): RawMatch {
  return { secret, index, category: "placeholder", severity: "low", message, validation: { ...CONFIRMED(check), note: "as documented test values do; not real data" } };
}

// --- Payment cards ------------------------------------------------------------------------------------

/**
 * 13-19 digits, contiguous or grouped by one space or dash: 4-4-4-4(-3), 4-4-4-1..4, or American
 * Express / Diners 4-6-5 and 4-6-4. Not glued to letters, digits, decimals, `+` (phone), `#` or `/`.
 */
const CARD_CANDIDATE = /(?<![\w.+\-/#@$%])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5})(?![\w@%]|\.\d)/g;
const CARD_WORDS = /card|credit|debit|visa|master ?card|amex|american ?express|discover|maestro|\bjcb\b|diners|union ?pay|payment|billing|checkout|\bcvv|\bcvc|\bexpir/i;
const CARD_ABBREVIATIONS = /(?<![A-Za-z])(?:pan|PAN|cc|CC)(?![a-z])/;
const CARD_CHECK = "Luhn check digit and issuer range";

/**
 * Documented test cards are reported as `placeholder` (low), not dropped: the product reports dummy
 * values where real ones would be, and a reviewer sees that the file was checked and why it passed.
 * They never fail a build (low is under every default threshold) and need no action.
 */
function findCardNumbers(text: string, context: MatchContext, inData = dataLike(text, context)): RawMatch[] {
  if (!inData && !CARD_WORDS.test(text) && !CARD_ABBREVIATIONS.test(text)) return [];
  const out: RawMatch[] = [];
  CARD_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_CANDIDATE.exec(text)) !== null) {
    const value = m[0];
    const sep = m[1] ?? m[2] ?? "";
    const end = m.index + value.length;
    if (insideLongerGroupedRun(text, m.index, end, sep)) continue;
    const digits = sep ? value.split(sep).join("") : value;
    const issuer = cardIssuer(digits);
    if (!issuer || !luhnValid(digits)) continue;
    if (!inData && !contextNear(CARD_WORDS, text, m.index, end) && !contextNear(CARD_ABBREVIATIONS, text, m.index, end)) continue;
    if (labelledAsSomethingElse(text, m.index)) continue;
    if (TEST_CARD_NUMBERS.has(digits) || looksMadeUpDigits(digits)) {
      out.push(placeholderMatch(value, m.index, `${issuer.name} test card number: a documented sandbox number or an obviously made-up one, not customer data. Nothing to do.`, CARD_CHECK));
      continue;
    }
    out.push({
      secret: value,
      index: m.index,
      message: `A payment card number (${issuer.name}, passes the Luhn check) ${where(context)}. Card numbers are cardholder data under PCI DSS. ${advice(context, "a faker library, or the card networks' documented test numbers such as Stripe's")}`,
      validation: CONFIRMED(CARD_CHECK),
    });
  }
  return out;
}

/** A card number of `length` digits in `issuerPrefix`'s range, random but deterministic. */
export function generateCardNumber(issuerPrefix: string, length: number, seed: string): string {
  return completeLuhn(issuerPrefix + fake.digits(length - issuerPrefix.length - 1, seed));
}

function group(digits: string, sizes: number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
}

// --- IBAN ---------------------------------------------------------------------------------------------

/** Electronic form (`DE89...`, no spaces) or paper form (groups of four separated by one space). */
const IBAN_CANDIDATE = /(?<![A-Za-z0-9_\-/.+@#])([A-Z]{2}\d{2})(?:([A-Z0-9]{11,30})|((?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?))(?![A-Za-z0-9_@]|\.\d)/g;
const IBAN_CHECK = "ISO 13616 structure and mod-97 check digits";
const IBAN_START = /[A-Z]{2}\d\d/;

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  DE: "Germany", GB: "United Kingdom", FR: "France", ES: "Spain", IT: "Italy", NL: "Netherlands", BE: "Belgium",
  CH: "Switzerland", AT: "Austria", PL: "Poland", SE: "Sweden", DK: "Denmark", FI: "Finland", NO: "Norway",
  IE: "Ireland", PT: "Portugal", LU: "Luxembourg", BR: "Brazil",
};

function findIbans(text: string, context: MatchContext): RawMatch[] {
  if (!IBAN_START.test(text)) return [];
  const out: RawMatch[] = [];
  IBAN_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_CANDIDATE.exec(text)) !== null) {
    const head = m[1] as string;
    const country = head.slice(0, 2);
    const expected = ibanLength(country);
    if (expected === undefined) continue;
    let secret: string;
    if (m[2] !== undefined) {
      secret = head + m[2];
      if (secret.length !== expected) continue;
    } else {
      // Paper form: a following word may have been read as one more group; cut at the country's length.
      const groups = (m[3] as string).slice(1).split(" ");
      let length = 4;
      let taken = 0;
      while (taken < groups.length && length < expected) length += (groups[taken++] as string).length;
      if (length !== expected) continue;
      secret = head + " " + groups.slice(0, taken).join(" ");
    }
    const compact = secret.replace(/ /g, "");
    if (!ibanValid(compact)) continue;
    if (labelledAsSomethingElse(text, m.index)) continue;
    const countryName = COUNTRY_NAMES[country] ?? country;
    if (EXAMPLE_IBANS.has(compact) || /0123456789|123456789|987654321/.test(compact.slice(4))) {
      out.push(placeholderMatch(secret, m.index, `IBAN (${countryName}): a documented example IBAN or an obviously made-up one, not a customer's account. Nothing to do.`, IBAN_CHECK));
      continue;
    }
    out.push({
      secret,
      index: m.index,
      message: `A bank account number (IBAN, ${countryName}; its mod-97 check digits match) ${where(context)}. ${advice(context, "a faker library's IBAN generator, or the registry's documented example IBANs")}`,
      validation: CONFIRMED(IBAN_CHECK),
    });
  }
  return out;
}

// --- National identifiers: one shape for all --------------------------------------------------------

interface IdSpec {
  /** Global regex; the whole match is the value. Group 1 may hold a separator for run checks. */
  candidate: RegExp;
  /**
   * When the line must name the identifier: `always` (the bare format collides with other numbers),
   * `outside-data` (the format is distinctive enough in data files), `unless` a predicate says the
   * value's own shape suffices (SSN's dashes, CPF's dots).
   */
  context: RegExp;
  needContext: "always" | "outside-data" | ((value: string) => boolean);
  valid: (compact: string) => boolean;
  compact: (value: string) => string;
  /** Why a valid value is still not a person's (test ranges, samples); undefined when it is. */
  sample?: (compact: string) => string | undefined;
  check: string;
  what: string;
  generated: string;
}

/** The context of a format distinctive anywhere: it never matches, so `needContext` decides every value. */
const NO_CONTEXT = /(?!)/;

function idFinder(spec: IdSpec): (text: string, context: MatchContext, inData?: boolean) => RawMatch[] {
  return (text, context, inData) => {
    // Not run where it cannot match: the regex would still try every character of the line.
    const hasContext = spec.context !== NO_CONTEXT && spec.context.test(text);
    if (spec.needContext === "always" && !hasContext) return [];
    if (spec.needContext === "outside-data" && !hasContext && !(inData ?? dataLike(text, context))) return [];
    const out: RawMatch[] = [];
    spec.candidate.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = spec.candidate.exec(text)) !== null) {
      const value = m[0];
      const end = m.index + value.length;
      const near = hasContext && contextNear(spec.context, text, m.index, end);
      if (spec.needContext === "always" && !near) continue;
      if (spec.needContext === "outside-data" && !near && !(inData ?? dataLike(text, context))) continue;
      if (typeof spec.needContext === "function" && !near && !spec.needContext(value)) continue;
      if (insideLongerGroupedRun(text, m.index, end, m[1] ?? "")) continue;
      const compact = spec.compact(value);
      if (!spec.valid(compact)) continue;
      if (labelledAsSomethingElse(text, m.index)) continue;
      const sample = spec.sample?.(compact);
      if (sample !== undefined) {
        out.push(placeholderMatch(value, m.index, `${spec.what}: ${sample}, not a real person's. Nothing to do.`, spec.check));
        continue;
      }
      out.push({
        secret: value,
        index: m.index,
        message: `A ${spec.what} (its ${spec.check} matches) ${where(context)}. ${advice(context, spec.generated)}`,
        validation: CONFIRMED(spec.check),
      });
    }
    return out;
  };
}

const digitsOnly = (value: string): string => value.replace(/\D/g, "");
const madeUp = (compact: string): string | undefined => (looksMadeUpDigits(compact, 5) ? "an obviously made-up number (repeated or counting digits)" : undefined);

/** Three digit groups, `a-b-c`, one optional separator used consistently, not inside a longer run. */
function grouped(a: number, b: number, c: number, separators = "[ -]"): RegExp {
  return new RegExp(String.raw`(?<![\w.\-/#+])\d{${a}}(${separators}?)\d{${b}}\1\d{${c}}(?![\w]|[.\-/]\d)`, "g");
}

const SSN_SPEC: IdSpec = {
  candidate: grouped(3, 2, 4),
  context: /(?<![A-Za-z])(?:ssn|SSN|Ssn)s?(?![a-z])|[a-z]Ssn(?![a-z])|[Ss]ocial[ _-]?[Ss]ecurity|SOCIAL[ _-]?SECURITY/,
  // The dashed form `ddd-dd-dddd` is an SSN's own; spaced or bare digits need the line to say so.
  needContext: (value) => /^\d{3}-\d{2}-\d{4}$/.test(value),
  valid: ssnValid,
  compact: digitsOnly,
  sample: (compact) => (SAMPLE_SSNS.has(compact) ? "a number from advertising or samples, voided by the SSA" : madeUp(compact)),
  check: "SSA area, group and serial ranges",
  what: "US Social Security number",
  generated: "a faker library, or numbers in the never-issued 9xx area",
};

const NHS_SPEC: IdSpec = {
  candidate: grouped(3, 3, 4),
  context: /nhs/i,
  needContext: "always",
  valid: nhsNumberValid,
  compact: digitsOnly,
  // NHS England reserves the numbers that start with 999 for testing.
  sample: (compact) => (compact.startsWith("999") ? "in the 999 range NHS England reserves for test data" : madeUp(compact)),
  check: "mod-11 check digit",
  what: "UK NHS number",
  generated: "NHS numbers in the 999 test range",
};

const SIN_SPEC: IdSpec = {
  candidate: grouped(3, 3, 3),
  context: /(?<![a-z])sins?(?![a-z(])|social[ _-]?insurance|assurance[ _-]?sociale/i,
  needContext: "always",
  valid: sinValid,
  compact: digitsOnly,
  sample: madeUp,
  check: "Luhn check digit",
  what: "Canadian Social Insurance Number",
  generated: "a faker library",
};

/** BSNs that pass the 11-test and appear in every Dutch tutorial, in parts. */
const SAMPLE_BSNS = new Set(["111" + "222" + "333", "123" + "456" + "782"]);

const BSN_SPEC: IdSpec = {
  candidate: grouped(3, 3, 3, "[ .-]"),
  context: /bsn|burgerservicenummer|sofi[ -]?nummer/i,
  needContext: "always",
  valid: bsnValid,
  compact: digitsOnly,
  sample: (compact) => (SAMPLE_BSNS.has(compact) ? "a well-known test BSN" : madeUp(compact)),
  check: "11-test",
  what: "Dutch citizen service number (BSN)",
  generated: "a faker library's BSN generator",
};

const AADHAAR_SPEC: IdSpec = {
  candidate: /(?<![\w.\-/#+])[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?![\w]|[.\-/]\d)/g,
  context: /aadhaa?r|uidai/i,
  needContext: "always",
  valid: aadhaarValid,
  compact: digitsOnly,
  sample: madeUp,
  check: "Verhoeff check digit",
  what: "Indian Aadhaar number",
  generated: "a faker library",
};

const CPF_SPEC: IdSpec = {
  candidate: /(?<![\w.\-/#+])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11})(?![\w]|[.\-/]\d)/g,
  context: /cpf|cadastro de pessoas/i,
  // The dotted form `ddd.ddd.ddd-dd` is a CPF's own; eleven bare digits need the line to say so.
  needContext: (value) => value.includes("."),
  valid: cpfValid,
  compact: digitsOnly,
  sample: madeUp,
  check: "two mod-11 check digits",
  what: "Brazilian CPF number",
  generated: "a faker library's CPF generator",
};

const DNI_SPEC: IdSpec = {
  candidate: /(?<![\w.\-/#+])(?:\d{8}|[XYZ]\d{7})-?[A-Z](?![\w])/g,
  context: /\b(?:dni|nif|nie|n\.?i\.?f|documento)\b|[a-z](?:Dni|Nif|Nie)\b|_(?:dni|nif|nie)\b/i,
  needContext: "outside-data",
  valid: (compact) => spanishIdValid(compact),
  compact: (value) => value.replace("-", ""),
  sample: (compact) => madeUp(compact.replace(/\D/g, "")),
  check: "control letter",
  what: "Spanish DNI/NIE number",
  generated: "a faker library",
};

const HETU_SPEC: IdSpec = {
  candidate: /(?<![\w.\-/#+])\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![\w])/g,
  context: /hetu|henkil[öo]tunnus|personal[ _-]?identity[ _-]?code|\bsotu\b/i,
  needContext: "outside-data",
  valid: hetuValid,
  compact: (value) => value,
  // The Digital and Population Data Services Agency keeps individual numbers 900-999 for temporary and test codes.
  sample: (compact) => (Number(compact.slice(7, 10)) >= 900 ? "in the 900-999 individual-number range kept for temporary and test codes" : undefined),
  check: "check character",
  what: "Finnish personal identity code (henkilötunnus)",
  generated: "identity codes in the 900-999 test range",
};

const PERSONNUMMER_SPEC: IdSpec = {
  candidate: /(?<![\w.\-/#+])(?:\d{6}|(?:19|20)\d{6})[-+]?\d{4}(?![\w]|[.\-/]\d)/g,
  context: /person(?:nummer|nr)|samordningsnummer|\bpnr\b/i,
  needContext: "always",
  valid: personnummerValid,
  compact: digitsOnly,
  sample: madeUp,
  check: "date and Luhn check digit",
  what: "Swedish personal identity number (personnummer)",
  generated: "Skatteverket's published test personnummer",
};

const CODICE_FISCALE_CANDIDATE = /(?<![A-Za-z0-9_])[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![A-Za-z0-9_])/g;
/** The Agenzia delle Entrate's own example (Mario Rossi), built in parts. */
const SAMPLE_CODICE_FISCALE = new Set(["RSSMRA" + "85T10" + "A562S"]);

const CF_SPEC: IdSpec = {
  candidate: CODICE_FISCALE_CANDIDATE,
  // Sixteen characters in a fixed letter/digit pattern with a date inside and a check letter: distinctive
  // anywhere, so no context is asked (the never-matching context makes `needContext` decide every value).
  // Two digits in a row must remain, since the rule is selected by digit pairs.
  context: NO_CONTEXT,
  needContext: (value) => /\d\d/.test(value),
  valid: codiceFiscaleValid,
  compact: (value) => value,
  sample: (compact) => (SAMPLE_CODICE_FISCALE.has(compact) ? "the Agenzia delle Entrate's documented example" : undefined),
  check: "check character",
  what: "Italian codice fiscale",
  generated: "a faker library",
};

// --- Email addresses and phone numbers (data-like files only) ------------------------------------------

const EMAIL = /(?:(?<=mailto:)|(?<![\w.%+\-@/:]))([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}([A-Za-z]{2,24}))(?![\w\-@]|\.[A-Za-z0-9])/g;

/**
 * Domains that never receive mail for a person: RFC 2606 and RFC 6761 reserve `example`, `test`,
 * `invalid`, `localhost` and `example.com/.net/.org`; `local` (mDNS), `home.arpa`, `internal` and the
 * names ICANN will not delegate are private; the rest are what people type when they need a dummy.
 */
const RESERVED_TLDS = new Set(["test", "example", "invalid", "localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp", "private", "arpa", "onion"]);
const DUMMY_DOMAINS = new Set([
  "foo.com", "bar.com", "baz.com", "foobar.com", "domain.com", "domain.tld", "yourdomain.com", "mydomain.com", "somedomain.com",
  "company.com", "yourcompany.com", "mycompany.com", "email.com", "e-mail.com", "mail.test", "test.com", "testing.com", "sample.com",
  "fake.com", "dummy.com", "somewhere.com", "website.com", "yoursite.com", "mysite.com", "abc.com", "xyz.com", "mailinator.com",
  "users.noreply.github.com", "noreply.github.com", "gserviceaccount.com", "iam.gserviceaccount.com", "developer.gserviceaccount.com", "host.com", "server.com", "org.com", "none.com", "null.com", "nowhere.com",
]);
const DUMMY_DOMAIN_LABELS = /^(?:example|examples|acme|test|tests|testing|dummy|fake|sample|placeholder|your-?(?:domain|company|site|email)|my-?(?:domain|company))$/i;
/** Role and dummy mailboxes: not a person, or not a real one. */
const NON_PERSONAL_LOCAL = /^(?:no-?reply|do-?not-?reply|donotreply|do_not_reply|mailer-daemon|postmaster|hostmaster|webmaster|abuse|root|admin|administrator|support|help|info|contact|sales|security|privacy|billing|hello|team|office|press|jobs|careers|notifications?|alerts?|git|test|tester|user|username|email|someone|somebody|nobody|anyone|foo|bar|foobar|example|sample|dummy|fake|your-?(?:name|email)|me|you|john\.?doe|jane\.?doe|johndoe|janedoe|j\.doe|first\.?last|firstname\.?lastname|name)(?:[+.-]\w*)?$/i;
/** Commit identities of coding agents and automation: not a person (their `noreply@` ones are roles already). */
const AGENT_IDENTITIES = new Set(["cursoragent@cursor.com", "aider@aider.chat", "claude@anthropic.com", "windsurf@codeium.com", "devin-ai-integration@cognition.ai"]);
/** What looks like an address but is a file (`icon@2x.png`) or a package (`pkg@1.2.3` has no TLD). */
const FILE_TLDS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "mjs", "cjs", "ts", "tsx", "jsx", "css", "scss", "json", "map", "html", "htm", "md", "txt", "lock", "yml", "yaml", "py", "rb", "go", "rs", "java", "xml", "zip", "gz", "tgz", "pdf", "wasm", "node"]);

export function isDummyEmail(local: string, domain: string): boolean {
  const lower = domain.toLowerCase();
  const labels = lower.split(".");
  const tld = labels[labels.length - 1] as string;
  if (RESERVED_TLDS.has(tld) || FILE_TLDS.has(tld)) return true;
  if (DUMMY_DOMAINS.has(lower) || DUMMY_DOMAINS.has(labels.slice(-2).join("."))) return true;
  if (AGENT_IDENTITIES.has(`${local.toLowerCase()}@${lower}`) || /(?:bot|\[bot\]|agent)$/i.test(local)) return true;
  if (labels.slice(0, -1).some((label) => DUMMY_DOMAIN_LABELS.test(label))) return true;
  return NON_PERSONAL_LOCAL.test(local);
}

/**
 * Whether some `@` has EMAIL's characters on both sides: one a local part may end with before it, a
 * letter or digit after it. Lines the `@` keyword selects in code (decorators, Ruby's `@ivar`, npm
 * scopes) mostly fail it, and skip the data-line test and the pattern.
 */
function hasAddressShape(text: string): boolean {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    const before = codeAt(text, at - 1);
    if (!(isAsciiAlphanumeric(before) || before === 46 || before === 95 || before === 37 || before === 43 || before === 45)) continue;
    if (isAsciiAlphanumeric(codeAt(text, at + 1))) return true;
  }
  return false;
}

/**
 * The code unit at `i`, or -1 (no character, which no test here accepts) outside the text. Not
 * charCodeAt's NaN: a read past either end (an `@` or a digit at a line's edge), first met after V8 had
 * optimised the reader, sent that code back to the interpreter, once in each thread of a source scan.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function findEmails(text: string, context: MatchContext): RawMatch[] {
  if (!hasAddressShape(text) || !dataLike(text, context)) return [];
  const out: RawMatch[] = [];
  EMAIL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL.exec(text)) !== null) {
    // A top-level domain in mixed case (`x@abc.Bi`) is packed data, not an address someone typed.
    const tld = m[3] as string;
    if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) continue;
    if (isDummyEmail(m[1] as string, m[2] as string)) continue;
    out.push({
      secret: m[0],
      index: m.index,
      message: `An email address ${where(context)}. ${advice(context, "a faker library, with addresses at example.com or another RFC 2606 reserved domain")}`,
    });
  }
  return out;
}

/**
 * Phone numbers in the formats that cannot be mistaken for other numbers: international (`+` and a
 * country code), North American `(415) 555-0199` / `415-555-0199`, UK `07xxx xxxxxx` / `020 xxxx xxxx`,
 * French `06 12 34 56 78`, German `0151/48273916`; international with `+` or `00` (`+49 151 …`,
 * `0049 151 …`, `+49 (0)151 …`). A bare run of ten digits is an id as often as a phone, so it is not read.
 */
const PHONE = new RegExp(
  [
    String.raw`(?<![\w+])\+[1-9][\d ().\/-]{6,20}\d`,
    // The international prefix written 00 (ITU-T E.164's "+" as dialled in most of Europe, Africa and
    // Asia), with a separator after the country code: a bare 00-led run is as often a zero-padded id.
    String.raw`(?<![\w+\-.(/])00[1-9]\d{0,2}[ .-]\(?\d[\d ().\/-]{5,18}\d`,
    // German and Austrian national numbers with the area or mobile prefix cut off by a slash
    // (DIN 5008's older form, still common in data): 0151/48273916, 089/1234567.
    String.raw`(?<![\w+\-.(/])0[1-9]\d{1,4}\/\d{3,4}[ -]?\d{2,5}`,
    String.raw`(?<![\w+\-.(])(?:1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}`,
    // UK numbers only with their spaces: eleven bare digits after a 0 are as often a zero-padded id.
    String.raw`(?<![\w+\-.(])\(?0(?:7\d{3}\)? \d{3} ?\d{3}|20\)? \d{4} ?\d{4}|1\d{2,3}\)? \d{3} ?\d{3,4})`,
    String.raw`(?<![\w+\-.(])0[1-9]([ .-])\d{2}\1\d{2}\1\d{2}\1\d{2}`,
  ]
    .map((p) => `(?:${p})`)
    .join("|") + String.raw`(?![\w]|[.,\-/:]\d)`,
  "g",
);

/**
 * Numbers set aside for fiction and tests: NANP's 555 exchange (555-0100 to 555-0199 are reserved for
 * fiction and the rest of 555 is unassigned or directory service, never a subscriber), Ofcom's drama
 * ranges, ARCEP's fiction ranges, ACMA's fictitious ranges. National significant digits (no 0, no +cc).
 */
const FICTIONAL_PHONE: ReadonlyArray<[string, RegExp]> = [
  ["1", /^\d{3}555\d{4}$/],
  ["44", /^(?:7700900\d{3}|2079460\d{3}|11[3-8]4960\d{3}|1[2-6]14960\d{3}|1914980\d{3}|1632960\d{3}|2896496\d{3}|2920180\d{3})$/],
  ["33", /^(?:19900|26191|35301|46571|53649|63998)\d{4}$/],
  ["61", /^(?:49157\d{4}|[2378](?:5550|7010)\d{4})$/],
];

/** A phone number's country code and national digits, as far as the format tells. */
function splitPhone(value: string): { country: string; national: string } | undefined {
  const digits = value.replace(/\D/g, "");
  if (value.startsWith("+") || value.startsWith("00")) {
    const international = value.startsWith("+") ? digits : digits.slice(2);
    for (const cc of ["1", "44", "33", "61"]) if (international.startsWith(cc)) return { country: cc, national: international.slice(cc.length).replace(/^0/, "") };
    return { country: "", national: international };
  }
  if (value.includes("/")) return { country: "49", national: digits.slice(1) };
  if (digits.startsWith("0")) {
    // UK and French formats both start with a trunk 0; ten French digits, eleven UK.
    return { country: /^0[1-9](?:[ .-]\d{2}){4}$/.test(value) ? "33" : "44", national: digits.slice(1) };
  }
  return { country: "1", national: digits.length === 11 ? digits.slice(1) : digits };
}

export function isFictionalPhone(value: string): boolean {
  const parts = splitPhone(value);
  if (!parts) return true;
  const { country, national } = parts;
  if (looksMadeUpDigits(national, 5)) return true;
  if (country === "1") {
    // NANP: area code and exchange start with 2-9; N11 codes are services; 8XX toll-free is a business.
    if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(national)) return true;
    if (/^.11/.test(national) || /^...[2-9]11/.test(national) || /^8(\d)\1/.test(national)) return true;
  }
  return FICTIONAL_PHONE.some(([cc, range]) => cc === country && range.test(national));
}

function findPhones(text: string, context: MatchContext, inData = dataLike(text, context)): RawMatch[] {
  if (!inData) return [];
  const out: RawMatch[] = [];
  PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE.exec(text)) !== null) {
    const value = m[0];
    const digits = value.replace(/\D/g, "");
    if (digits.length < 9 || digits.length > 15) continue;
    // A `+` number must keep to one separator between groups and balanced parentheses.
    if (/^(?:\+|00)/.test(value) && (/[ ./-]{2}|\(\s|\s\)|[./-][ ]|[ ][./-]|\/.*\//.test(value) || (value.split("(").length !== value.split(")").length))) continue;
    // 00 and a country code: the digits after the 00 are the E.164 number.
    if (value.startsWith("00") && digits.length - 2 < 9) continue;
    if (isFictionalPhone(value) || labelledAsSomethingElse(text, m.index)) continue;
    out.push({
      secret: value,
      index: m.index,
      severity: "low",
      message: `A phone number ${where(context)}. ${advice(context, "a faker library, or numbers reserved for fiction such as NANP 555-0100 to 555-0199")}`,
    });
  }
  return out;
}

// --- Example values, generated -----------------------------------------------------------------------

/** A valid value from a body and a completion function, retrying seeds until the completion exists. */
function generated(seed: string, make: (attempt: string) => string | undefined): string {
  for (let i = 0; i < 50; i++) {
    const value = make(`${seed}-${i}`);
    if (value !== undefined) return value;
  }
  throw new Error(`no valid example for ${seed}`);
}

export const examplesOf = {
  card: (prefix: string, length: number, seed: string) => {
    return generated(seed, (s) => {
      const value = generateCardNumber(prefix, length, s);
      return looksMadeUpDigits(value) || TEST_CARD_NUMBERS.has(value) ? undefined : value;
    });
  },
  iban: (country: string, bban: string) => makeIban(country, bban),
  ssn: (seed: string) =>
    generated(seed, (s) => {
      const area = String(100 + Math.floor(Number(fake.digits(3, s)) % 565)).padStart(3, "0");
      const value = `${area}-${fake.digits(2, s + "g").replace(/^00$/, "17")}-${fake.digits(4, s + "s").replace(/^0000$/, "4321")}`;
      return ssnValid(value.replace(/-/g, "")) && !looksMadeUpDigits(value.replace(/-/g, ""), 5) ? value : undefined;
    }),
  nhs: (seed: string) =>
    generated(seed, (s) => {
      const body = String(4 + (Number(fake.digits(1, s)) % 5)) + fake.digits(8, s + "b");
      const check = nhsCheckDigit(body);
      return check === undefined ? undefined : body + check;
    }),
  sin: (seed: string) => completeLuhn(String(1 + (Number(fake.digits(1, seed)) % 7)) + fake.digits(7, seed + "b")),
  bsn: (seed: string) =>
    generated(seed, (s) => {
      const body = String(1 + (Number(fake.digits(1, s)) % 9)) + fake.digits(7, s + "b");
      for (let d = 0; d <= 9; d++) if (bsnValid(body + d)) return body + d;
      return undefined;
    }),
  cpf: (seed: string) => {
    const nine = String(1 + (Number(fake.digits(1, seed)) % 9)) + fake.digits(8, seed + "b");
    return nine + cpfCheckDigits(nine);
  },
  aadhaar: (seed: string) => {
    const body = String(2 + (Number(fake.digits(1, seed)) % 8)) + fake.digits(10, seed + "b");
    return body + verhoeffCheckDigit(body);
  },
  dni: (seed: string) => {
    const eight = String(1 + (Number(fake.digits(1, seed)) % 9)) + fake.digits(7, seed + "b");
    return eight + dniLetter(eight);
  },
  nie: (seed: string) => {
    const seven = fake.digits(7, seed);
    const prefix = "XYZ"[Number(fake.digits(1, seed + "p")) % 3] as string;
    return prefix + seven + dniLetter(String("XYZ".indexOf(prefix)) + seven);
  },
  hetu: (seed: string) => {
    const day = String(1 + (Number(fake.digits(2, seed)) % 28)).padStart(2, "0");
    const month = String(1 + (Number(fake.digits(2, seed + "m")) % 12)).padStart(2, "0");
    const year = fake.digits(2, seed + "y");
    const individual = String(2 + (Number(fake.digits(3, seed + "n")) % 897)).padStart(3, "0");
    return `${day}${month}${year}-${individual}${hetuCheckChar(day + month + year, individual)}`;
  },
  personnummer: (seed: string) => {
    const year = fake.digits(2, seed);
    const month = String(1 + (Number(fake.digits(2, seed + "m")) % 12)).padStart(2, "0");
    const day = String(1 + (Number(fake.digits(2, seed + "d")) % 28)).padStart(2, "0");
    const nine = year + month + day + fake.digits(3, seed + "n");
    const ten = completeLuhn(nine);
    return `${ten.slice(0, 6)}-${ten.slice(6)}`;
  },
  codiceFiscale: (seed: string) => {
    const letters = fake.upper(6, seed);
    const year = fake.digits(2, seed + "y");
    const month = "ABCDEHLMPRST"[Number(fake.digits(2, seed + "m")) % 12] as string;
    const day = String(1 + (Number(fake.digits(2, seed + "d")) % 28) + (Number(fake.digits(1, seed + "s")) % 2) * 40).padStart(2, "0");
    const place = fake.upper(1, seed + "p") + fake.digits(3, seed + "c");
    const first15 = letters + year + month + day + place;
    return first15 + codiceFiscaleCheck(first15);
  },
  /** A plausible, not-fictional NANP number: area and exchange 2xx-7xx, never 555. */
  usPhone: (seed: string) => {
    const area = String(201 + (Number(fake.digits(3, seed)) % 500));
    const exchange = String(201 + (Number(fake.digits(3, seed + "x")) % 300));
    return `${area.replace(/11$/, "12")}-${exchange.replace(/11$/, "12")}-${fake.digits(4, seed + "l")}`;
  },
  email: (seed: string) => `${fake.lower(6, seed)}.${fake.lower(7, seed + "l")}@${fake.lower(8, seed + "d")}.net`,
};

/** Replace the value's Luhn check digit with a wrong one. */
export function breakLastDigit(value: string): string {
  const last = Number(value.slice(-1));
  return value.slice(0, -1) + String((last + 1) % 10);
}

// --- Rules --------------------------------------------------------------------------------------------

const CARD = "payment-card-number";

function cardExamples(): RuleExamples {
  const visa = examplesOf.card("4", 16, "ex-visa");
  const mastercard = examplesOf.card("5" + "3", 16, "ex-mc");
  const amex = examplesOf.card("3" + "7", 15, "ex-amex");
  const discover = examplesOf.card("6011", 16, "ex-disc");
  const spaced = group(mastercard, [4, 4, 4, 4], " ");
  const dashed = group(amex, [4, 6, 5], "-");
  return {
    truePositives: [
      [`card_number: "${visa}"`, visa, CARD],
      [`{"name": "A. Buyer", "credit_card": "${spaced}"}`, spaced, CARD],
      [`payment.card = '${dashed}'`, dashed, CARD],
      [`INSERT INTO payments (pan) VALUES ('${discover}');`, discover, CARD],
    ],
    falsePositives: [
      `card_number: "${breakLastDigit(visa)}"`,
      `"order_id": "${visa}"`,
      `const timestamp = ${visa}; // card`,
      `card ref ${visa}12`,
      `card ${"9" + visa.slice(1)}`,
      `card_number: "0x${visa}"`,
      `card ${group(visa, [4, 4, 4, 4], " ")} 1234`,
    ],
  };
}

function ibanExamples(): RuleExamples {
  const de = examplesOf.iban("DE", fake.digits(18, "ex-iban-de"));
  const gb = examplesOf.iban("GB", fake.upper(4, "ex-iban-gb") + fake.digits(14, "ex-iban-gb2"));
  const fr = examplesOf.iban("FR", fake.digits(10, "ex-iban-fr") + fake.upperDigits(11, "ex-iban-fr2") + fake.digits(2, "ex-iban-fr3"));
  const paper = (iban: string) => iban.replace(/(.{4})(?=.)/g, "$1 ");
  const wrong = de.slice(0, 2) + String((Number(de.slice(2, 4)) + 1) % 100).padStart(2, "0") + de.slice(4);
  return {
    truePositives: [
      [`iban: ${de}`, de, "iban"],
      [`"account": "${paper(gb)}",`, paper(gb), "iban"],
      [`Überweisung an ${paper(fr)} bis Freitag`, paper(fr), "iban"],
    ],
    falsePositives: [`iban: ${wrong}`, `iban: ${de}0`, `const KEY = "X${de}";`, `hash: ${"ZZ" + de.slice(2)}`, `iban: ${de.toLowerCase()}`],
  };
}

function ssnExamples(): RuleExamples {
  const ssn = examplesOf.ssn("ex-ssn");
  return {
    truePositives: [
      [`ssn: ${ssn}`, ssn, "us-ssn"],
      [`{"name": "A", "social_security_number": "${ssn.replace(/-/g, "")}"}`, ssn.replace(/-/g, ""), "us-ssn"],
      [`applicant,${ssn},2021`, ssn, "us-ssn"],
    ],
    falsePositives: [`ssn: 666-${ssn.slice(4)}`, `id: ${ssn}`, `value = "${ssn.replace(/-/g, "")}"`, `ssn: ${ssn.slice(0, 4)}00-${ssn.slice(7)}`, `part ${ssn}-7`],
  };
}

function cpfExamples(): RuleExamples {
  const cpf = examplesOf.cpf("ex-cpf");
  const dotted = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
  return {
    truePositives: [
      [`cliente: ${dotted}`, dotted, "br-cpf"],
      [`"cpf": "${cpf}"`, cpf, "br-cpf"],
    ],
    falsePositives: [`cpf: ${breakLastDigit(cpf)}`, `value: "${cpf}"`, `cpf: 111.111.111-11`, `v${dotted}`],
  };
}

function dniExamples(): RuleExamples {
  const dni = examplesOf.dni("ex-dni");
  const nie = examplesOf.nie("ex-nie");
  const wrongLetter = dni.slice(0, 8) + (dni.endsWith("T") ? "R" : "T");
  return {
    truePositives: [
      [`dni: "${dni}"`, dni, "es-dni"],
      [`{"nie": "${nie}"}`, nie, "es-dni"],
      [`INSERT INTO clientes VALUES ('${dni}');`, dni, "es-dni"],
    ],
    falsePositives: [`dni: "${wrongLetter}"`, `const build = "${dni}";`, `dni: "x${dni}"`],
  };
}

function codiceFiscaleExamples(): RuleExamples {
  const cf = examplesOf.codiceFiscale("ex-cf");
  const wrong = cf.slice(0, 15) + (cf.endsWith("A") ? "B" : "A");
  return {
    truePositives: [
      [`codice_fiscale: "${cf}"`, cf, "it-codice-fiscale"],
      [`cliente;${cf};Roma`, cf, "it-codice-fiscale"],
    ],
    falsePositives: [`codice_fiscale: "${wrong}"`, `const ID = "X${cf}";`, `cf: "${cf.toLowerCase()}"`],
  };
}

function hetuExamples(): RuleExamples {
  const hetu = examplesOf.hetu("ex-hetu");
  const wrongCheck = hetu.slice(0, -1) + (hetu.endsWith("0") ? "1" : "0");
  return {
    truePositives: [
      [`hetu: ${hetu}`, hetu, "fi-hetu"],
      [`INSERT INTO henkilot VALUES ('${hetu}');`, hetu, "fi-hetu"],
    ],
    falsePositives: [`hetu: ${wrongCheck}`, `ref = "${hetu}"`, `hetu: 1${hetu}`],
  };
}

function phoneExamples(): RuleExamples {
  const phone = examplesOf.usPhone("ex-phone");
  const uk = `+44 7${fake.digits(3, "ex-uk")} ${fake.digits(6, "ex-uk2").replace(/^9/, "4")}`;
  // A German mobile (BNetzA's 015x/016x/017x blocks) in the forms people write it.
  const subscriber = fake.digits(8, "ex-de").replace(/^0/, "4");
  const germanForms = [`+49 151 ${subscriber}`, `+49 (0)151 ${subscriber.slice(0, 4)} ${subscriber.slice(4)}`, `0049 151 ${subscriber}`, `+49 151/${subscriber}`, `0151/${subscriber}`];
  return {
    truePositives: [
      [`INSERT INTO users (phone) VALUES ('${phone}');`, phone, "phone-number"],
      [`INSERT INTO users VALUES ('${uk}');`, uk, "phone-number"],
      ...germanForms.map((de): [string, string, string] => [`INSERT INTO kunden (telefon) VALUES ('${de}');`, de, "phone-number"]),
    ],
    falsePositives: [
      `INSERT INTO users (phone) VALUES ('415-555-0142');`,
      `INSERT INTO users (phone) VALUES ('+1 (212) 555-0100');`,
      `INSERT INTO users (phone) VALUES ('999-999-9999');`,
      `INSERT INTO t VALUES ('2023-10-12 14:22:01', '10.15.7');`,
      `INSERT INTO t VALUES ('2024/01/15 10:22:31', '1.2.3+49.151.1', '0001/2345678', '0815/2024');`,
      `INSERT INTO t VALUES ('2024-01-15T10:22:31+01:00', 'v0.15.1/48273916', '0049151482739160');`,
      `const phone = "${phone}"; // not a data file`,
    ],
  };
}

/**
 * What a line's characters allow, counted in one pass and packed in one number (a line costs no object):
 * - bits 0-7, its ASCII digits (every detector's `\d`), at most 255;
 * - bits 8-15, its longest free digit run, at most 255: a run not glued to the character before it as
 *   the id and card patterns' look-behinds ask (`[\w.\-/#+]` is glue), or after a free X, Y or Z (a NIE).
 *   Digits inside tokens (`a9f3`, `v1.2.3`, `2024-01-15`'s later groups) start no id or card;
 * - SHAPE_CAPITALS_DIGITS: two capitals and two digits (`[A-Z]{2}\d\d`); SHAPE_IBAN_START: the same, not glued to a
 *   word before it (IBAN_CANDIDATE's start); SHAPE_FISCAL_CODE: a token of exactly 16 capitals and digits
 *   whose first six are capitals, alone between characters other than `[A-Za-z0-9_]` (a codice fiscale's).
 * Most lines with a digit pair (versions, durations, `u32`, hex and base64 tokens) allow none of the
 * formats: they cost this loop only.
 */
type LineShape = number;

const SHAPE_CAPITALS_DIGITS = 1 << 16;
const SHAPE_IBAN_START = 1 << 17;
const SHAPE_FISCAL_CODE = 1 << 18;
const FISCAL_CODE_LENGTH = 16;

/** Digits, longest free digit run and flags a detector's pattern cannot match without (every field set: one object shape). */
interface ShapeNeeds {
  digits: number;
  freeRun: number;
  flags: number;
}

function allows(shape: LineShape, needs: ShapeNeeds): boolean {
  return (shape & 0xff) >= needs.digits && ((shape >>> 8) & 0xff) >= needs.freeRun && (shape & needs.flags) === needs.flags;
}

interface Detector {
  id: string;
  title: string;
  /** What a line's shape must allow for one of its values (see lineShape); a line short of it skips the detector. */
  needs: ShapeNeeds;
  /** `inData`: the line is in a data-like file or is a SQL insert (computed once per line). */
  find: (text: string, context: MatchContext, inData: boolean) => RawMatch[];
  examples: () => RuleExamples;
}

/**
 * The detectors a digit pair selects. They run as one rule (`pii-number`) so that a line with digits
 * is handed to the PII rules once, not eight times: measured on 20 MB of node_modules JavaScript, eight
 * separate digit-selected rules more than doubled the whole scan's time, one family rule adds a tenth.
 * Each one `needs` what its candidate pattern cannot match without: a digit count, a free digit run (see
 * lineShape) as long as the pattern's first group of digits, or a shape flag.
 */
const NUMBER_DETECTORS: readonly Detector[] = [
  // 13 digits at least: \d{13,19}, or 4+4+4+1 grouped.
  { id: "payment-card-number", title: "Payment card number", needs: { digits: 13, freeRun: 4, flags: 0 }, find: findCardNumbers, examples: cardExamples },
  { id: "iban", title: "International bank account number (IBAN)", needs: { digits: 0, freeRun: 0, flags: SHAPE_IBAN_START }, find: findIbans, examples: ibanExamples },
  { id: "us-ssn", title: "US Social Security number", needs: { digits: 9, freeRun: 3, flags: 0 }, find: idFinder(SSN_SPEC), examples: ssnExamples },
  { id: "br-cpf", title: "Brazilian CPF number", needs: { digits: 11, freeRun: 3, flags: 0 }, find: idFinder(CPF_SPEC), examples: cpfExamples },
  // Eight digits, or a letter and seven.
  { id: "es-dni", title: "Spanish DNI/NIE number", needs: { digits: 0, freeRun: 7, flags: 0 }, find: idFinder(DNI_SPEC), examples: dniExamples },
  { id: "it-codice-fiscale", title: "Italian codice fiscale", needs: { digits: 0, freeRun: 0, flags: SHAPE_FISCAL_CODE }, find: idFinder(CF_SPEC), examples: codiceFiscaleExamples },
  { id: "fi-hetu", title: "Finnish personal identity code (henkilötunnus)", needs: { digits: 9, freeRun: 6, flags: 0 }, find: idFinder(HETU_SPEC), examples: hetuExamples },
  // A phone number is reported only with 9 to 15 digits, and only in data.
  { id: "phone-number", title: "Phone number in data", needs: { digits: 9, freeRun: 0, flags: 0 }, find: findPhones, examples: phoneExamples },
];

/** The bit of the phone detector, the one that reads data lines only (see findPiiNumbers). */
const PHONES_ONLY = 1 << NUMBER_DETECTORS.findIndex((d) => d.id === "phone-number");

function lineShape(text: string): LineShape {
  let digits = 0;
  let run = 0;
  let free = false;
  let freeRun = 0;
  let upper = 0;
  // Characters of the current token while it may be a codice fiscale (capitals and digits, six capitals first); -1 when not.
  let token = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    const capital = code >= 65 && code <= 90;
    if (digit) {
      digits++;
      if (run++ === 0) free = digitRunIsFree(text, i);
      if (free && run > freeRun) freeRun = run;
      if (upper >= 2) {
        const next = codeAt(text, i + 1);
        if (next >= 48 && next <= 57) {
          flags |= SHAPE_CAPITALS_DIGITS;
          // IBAN_CANDIDATE's start: no letter, digit or `_-/.+@#` before the two capitals.
          if (upper === 2 && !gluesToIban(codeAt(text, i - 3))) flags |= SHAPE_IBAN_START;
        }
      }
      upper = 0;
    } else {
      run = 0;
      upper = capital ? upper + 1 : 0;
    }
    // The codice fiscale's token: one step for a capital and a digit alike. V8 optimises this function (and
    // findPiiNumbers, which inlines it) before most inputs show a digit after six capitals: a step of its
    // own there had no type feedback, and reaching it deoptimised both (a second compile of each). For the
    // same reason the next length is computed on every character: the addition, reached only at a capital
    // or a digit inside a token, was first met after the compile in some runs of a history.
    const longer = token + 1;
    if (digit || capital) {
      if (token >= 0) token = digit && token < 6 ? -1 : longer;
    } else if ((code >= 97 && code <= 122) || code === 95) token = -1;
    else {
      if (token === FISCAL_CODE_LENGTH) flags |= SHAPE_FISCAL_CODE;
      token = 0;
    }
  }
  if (token === FISCAL_CODE_LENGTH) flags |= SHAPE_FISCAL_CODE;
  return flags | (Math.min(freeRun, 255) << 8) | Math.min(digits, 255);
}

/** Whether the digit run starting at `i` may start an id or a card number: see lineShape. */
function digitRunIsFree(text: string, i: number): boolean {
  const before = codeAt(text, i - 1);
  if (!gluesToId(before)) return true;
  // A NIE's letter: X, Y or Z, itself free.
  return before >= 88 && before <= 90 && !gluesToId(codeAt(text, i - 2));
}

/** A character the id patterns' look-behind refuses before a value: [\w.\-/#+] (-1 or NaN, no character, is none). */
function gluesToId(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45 || code === 47 || code === 46 || code === 43 || code === 35;
}

/** A character IBAN_CANDIDATE's look-behind refuses before an IBAN: [A-Za-z0-9_\-/.+@#] (-1 or NaN, no character, is none). */
function gluesToIban(code: number): boolean {
  return gluesToId(code) || code === 64;
}

/** Examples of each id the `pii-number` family reports, for tests that check one detector at a time. */
export const numberDetectorExamples: ReadonlyMap<string, () => RuleExamples> = new Map(NUMBER_DETECTORS.map((d) => [d.id, d.examples]));

/**
 * Longer than the engine's long-line threshold: in a code file, minified or bundled output, built from
 * sources that are scanned themselves (a one-line JSON fixture is a data file and is still read).
 */
const BUNDLED_SEGMENT = 4000;

/**
 * In code (not data), a line is worth the detectors only when it holds a shape valid anywhere (an IBAN's
 * start, a dashed SSN, a dotted CPF, a codice fiscale's capitals and digits) or a word one of them asks
 * for. Two tests instead of ten on the digit lines of ordinary code; the line's shape tells the IBAN and
 * the codice fiscale without them.
 */
const CODE_GATE_SHAPES = new RegExp([String.raw`\d{3}-\d\d-\d{4}`, String.raw`\d{3}\.\d{3}\.\d{3}-\d\d`, CARD_ABBREVIATIONS.source, SSN_SPEC.context.source].join("|"));
const CODE_GATE_WORDS = new RegExp([CARD_WORDS.source, CPF_SPEC.context.source, DNI_SPEC.context.source, HETU_SPEC.context.source, "ssn"].join("|"), "i");

/**
 * What every number detector but the phone's (data only) needs, as one pattern: a free digit run of three
 * or more (see lineShape), an IBAN's start, a codice fiscale's token. Most digit lines of code have none,
 * and this test tells so in about half the time of the shape's loop.
 * A twin of lineShape on purpose, kept for speed: it tells no more than the shape does (a line it refuses
 * has a shape no detector but the phone's allows; the look-behinds are gluesToId's and gluesToIban's), and
 * findPiiNumbers runs it on code lines only, before the loop. Without it the rule costs more (rulecost.mjs
 * on dense, 8 interleaved runs on 2026-12-07: min 9.8 vs 12.4 ms, median 15 vs 27). A change to the
 * shape's needs is a change here too; the test "in code, reads the lines that hold a free digit run..."
 * (test/rules/pii.test.ts) pins the edges.
 */
const CODE_SHAPE_NEEDS = /(?<![\w.\-/#+])[XYZ]?\d{3}|(?<![\w.\-/#+@])[A-Z]{2}\d\d|(?<![A-Za-z0-9_])[A-Z]{6}[A-Z0-9]{10}(?![A-Za-z0-9_])/;

function findPiiNumbers(text: string, context: MatchContext): RawMatch[] {
  const kind = pathKind(context.path);
  // A code line with none of those needs is read by no detector, unless it is a SQL statement (phones).
  if (kind === "code" && (text.length > BUNDLED_SEGMENT || (!CODE_SHAPE_NEEDS.test(text) && !SQL_DATA_LINE.test(text)))) return [];
  const shape = lineShape(text);
  // Bit i: NUMBER_DETECTORS[i] may find a value on this line.
  let possible = 0;
  for (let i = 0; i < NUMBER_DETECTORS.length; i++) if (allows(shape, (NUMBER_DETECTORS[i] as Detector).needs)) possible |= 1 << i;
  if (possible === 0) return [];
  // Phone numbers are read in data only: where they alone may be found, a code line must be a SQL statement.
  if (possible === PHONES_ONLY && kind === "code" && !SQL_DATA_LINE.test(text)) return [];
  const inData = kind !== "code" || SQL_DATA_LINE.test(text);
  // Two capitals and two digits inside a random token (`…xQZ42…`) start no IBAN: they let the line
  // through where it is an IBAN's start, or where the line may hold a codice fiscale.
  const shapeOpens = (shape & SHAPE_IBAN_START) !== 0 || (shape & (SHAPE_CAPITALS_DIGITS | SHAPE_FISCAL_CODE)) === (SHAPE_CAPITALS_DIGITS | SHAPE_FISCAL_CODE);
  if (!inData && !shapeOpens && !CODE_GATE_SHAPES.test(text) && !CODE_GATE_WORDS.test(text)) return [];
  const out: RawMatch[] = [];
  for (let i = 0; i < NUMBER_DETECTORS.length; i++) {
    if ((possible & (1 << i)) === 0) continue;
    const detector = NUMBER_DETECTORS[i] as Detector;
    for (const match of detector.find(text, context, inData)) out.push({ ...match, ruleId: detector.id });
  }
  return out;
}

function idRule<T extends readonly string[]>(
  id: string,
  title: string,
  keywords: string[],
  spec: IdSpec,
  docs: string,
  examples: Pick<RuleSpec<T>, "samples" | "truePositives" | "falsePositives">,
): Rule {
  return defineRule({
    id,
    title,
    provider: "PII",
    category: "pii",
    severity: "high",
    keywords,
    find: idFinder(spec),
    docs,
    remediation: `Remove the ${spec.what} and purge it from the git history; use generated values in tests (${spec.generated}).`,
    ...examples,
  });
}

export const rules: Rule[] = [
  defineRule({
    // One rule for every number-shaped format selected by digits; each match carries its own id
    // (payment-card-number, iban, us-ssn, ...), title, severity and message.
    id: "pii-number",
    title: "Personal data (card, bank account, national id or phone number)",
    provider: "PII",
    category: "pii",
    severity: "high",
    keywords: DIGIT_PAIRS,
    find: findPiiNumbers,
    reports: NUMBER_DETECTORS.map((d) => ({ id: d.id, title: d.title })),
    docs: "https://csrc.nist.gov/pubs/sp/800/122/final",
    remediation: "Remove the personal data and purge it from the git history; tests should use generated values (a faker library, the card networks' test numbers, the IBAN registry's examples).",
    // Each detector generates its own values; a pair names the id the family must report it as.
    samples: () => [] as const,
    truePositives: () => NUMBER_DETECTORS.flatMap((d) => d.examples().truePositives),
    falsePositives: () => NUMBER_DETECTORS.flatMap((d) => d.examples().falsePositives),
  }),
  // National ids are data, not settings: the syntax matrix does not apply.
  idRule("uk-nhs-number", "UK NHS number", ["nhs"], NHS_SPEC, "https://www.datadictionary.nhs.uk/attributes/nhs_number.html", {
    samples: () => [examplesOf.nhs("ex-nhs")] as const,
    truePositives: ([nhs]) => {
      const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
      return [
        [`nhs_number: "${nhs}"`, nhs],
        [`NHS No: ${spaced}`, spaced],
      ];
    },
    falsePositives: ([nhs]) => [`nhs_number: "${breakLastDigit(nhs)}"`, `created_at = ${nhs} // nhs sync`, `phone: ${nhs}`],
  }),
  idRule("ca-sin", "Canadian Social Insurance Number", ["sin", "insurance", "assurance"], SIN_SPEC, "https://www.canada.ca/en/employment-social-development/services/sin.html", {
    samples: () => [examplesOf.sin("ex-sin")] as const,
    truePositives: ([sin]) => {
      const dashed = `${sin.slice(0, 3)}-${sin.slice(3, 6)}-${sin.slice(6)}`;
      return [
        [`sin: ${dashed}`, dashed],
        [`"social_insurance_number": "${sin}"`, sin],
      ];
    },
    falsePositives: ([sin]) => [`sin: ${breakLastDigit(sin)}`, `Math.sin(${sin})`, `using ${sin}`],
  }),
  idRule("nl-bsn", "Dutch citizen service number (BSN)", ["bsn", "burgerservicenummer", "sofi"], BSN_SPEC, "https://www.rvig.nl/burgerservicenummer", {
    samples: () => [examplesOf.bsn("ex-bsn")] as const,
    truePositives: ([bsn]) => withValue(bsn, `bsn: "%s"`, `<burgerservicenummer>%s</burgerservicenummer>`),
    falsePositives: ([bsn]) => [`bsn: "${breakLastDigit(bsn)}"`, `bsn_id: "${bsn}"`, `value: "${bsn}"`],
  }),
  idRule("in-aadhaar", "Indian Aadhaar number", ["aadhaar", "aadhar", "uidai"], AADHAAR_SPEC, "https://uidai.gov.in/en/my-aadhaar/about-your-aadhaar.html", {
    samples: () => [examplesOf.aadhaar("ex-aadhaar")] as const,
    truePositives: ([aadhaar]) => {
      const spaced = `${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)} ${aadhaar.slice(8)}`;
      return [
        [`aadhaar: ${aadhaar}`, aadhaar],
        [`"aadhaar_no": "${spaced}"`, spaced],
      ];
    },
    falsePositives: ([aadhaar]) => [`aadhaar: ${breakLastDigit(aadhaar)}`, `aadhaar: 1${aadhaar.slice(1)}`, `aadhaar ${aadhaar}0`],
  }),
  idRule(
    "se-personnummer",
    "Swedish personal identity number (personnummer)",
    ["personnummer", "personnr", "samordningsnummer", "pnr"],
    PERSONNUMMER_SPEC,
    "https://www.skatteverket.se/privat/folkbokforing/personnummer.4.3810a01c150939e893f18c29.html",
    {
      samples: () => [examplesOf.personnummer("ex-pnr")] as const,
      truePositives: ([pnr]) => {
        const long = `19${pnr.replace("-", "")}`;
        return [
          [`personnummer: ${pnr}`, pnr],
          [`"personnr": "${long}"`, long],
        ];
      },
      falsePositives: ([pnr]) => [`personnummer: ${breakLastDigit(pnr)}`, `personnummer: ${pnr.slice(0, 2)}13${pnr.slice(4)}`, `id: ${pnr}`],
    },
  ),
  defineRule({
    id: "email-address",
    title: "Email address in data",
    provider: "PII",
    category: "pii",
    severity: "low",
    keywords: ["@"],
    find: findEmails,
    docs: "https://www.rfc-editor.org/rfc/rfc2606",
    remediation: "Replace real addresses in test data with generated ones at example.com (RFC 2606), and purge the real ones from the git history.",
    samples: () => [examplesOf.email("ex-email")] as const,
    truePositives: ([email]) => withValue(email, `INSERT INTO users (email) VALUES ('%s');`, `insert into contacts values (1, 'A', 'mailto:%s')`),
    falsePositives: ([email]) => [
      `INSERT INTO users (email) VALUES ('jane@example.com');`,
      `INSERT INTO users (email) VALUES ('noreply@${email.split("@")[1]}');`,
      `INSERT INTO users (email) VALUES ('a@b.test');`,
      `INSERT INTO assets VALUES ('logo@2x.png');`,
      `const author = "${email}"; // not a data file`,
    ],
  }),
];
