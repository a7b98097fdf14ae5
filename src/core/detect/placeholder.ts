/**
 * Values in a secret position that are obviously dummies or weak defaults. They are reported as their
 * own category (`placeholder`): AI-written code commits them, and they then get reused for real.
 */
import { escapeRegex } from "./regex-escape.js";

/** Weak defaults and dummy words, compared after lower-casing and trimming. */
const WEAK_VALUES = new Set([
  "changeme", "change_me", "change-me", "changeit", "change_it", "changethis", "change_this", "changeme123", "changeme!",
  "password", "passw0rd", "p@ssw0rd", "p@ssword", "pa$$word", "password1", "password12", "password123", "password1234",
  "password!", "password123!", "passwd", "pass", "pass123", "pass1234", "pwd", "pwd123",
  "secret", "secret1", "secret123", "secrets", "mysecret", "supersecret", "topsecret", "s3cr3t", "secretkey", "secret_key",
  "admin", "admin1", "admin123", "admin1234", "administrator", "root", "toor", "root123",
  "test", "test1", "test123", "test1234", "testing", "testpass", "testpassword", "tester",
  "demo", "demo123", "example", "sample", "default", "dummy", "fake", "foo", "bar", "foobar", "baz", "qux",
  "qwerty", "qwerty123", "asdf", "asdfgh", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
  "1234567890", "0000", "000000", "111111", "abc", "abc123", "abcd1234", "letmein", "welcome", "welcome1",
  "welcome123", "guest", "user", "user123", "login", "master", "iloveyou", "monkey", "dragon", "sunshine",
  "mypassword", "mypass", "yourpassword", "mytoken", "yourtoken", "mykey", "yourkey", "apikey", "api_key",
  "todo", "tbd", "fixme", "xxx", "redacted", "hidden", "masked", "notset", "not_set", "unset",
  "postgres", "mysql", "mariadb", "redis", "mongo", "mongodb", "rabbitmq", "oracle", "sa", "sysadmin", "docker",
  "foobared", "secretpassword", "supersecretpassword", "verysecret", "insecure", "unsafe", "temp", "temp123",
  "temporary", "private", "hunter2", "trustno1", "princess", "football", "baseball", "shadow", "superman",
]);

const LONGEST_WEAK_VALUE = Math.max(...[...WEAK_VALUES].map((v) => v.length));

/**
 * Could deLeet (it drops decoration characters and up to four digits) bring a value of `length`
 * characters, `decorations` of them decoration, down to the longest weak value's length?
 */
function mayBecomeWeak(length: number, decorations: number): boolean {
  return length - 4 - LONGEST_WEAK_VALUE <= decorations;
}

/**
 * What the classifiers read from a value's characters, taken in one pass: they judge every provider
 * finding, mostly before V8 has optimised them, and one loop costs less than a loop or a regex per test.
 */
interface CharacterStats {
  /** The longest run of one character (some formats pad with a run, e.g. Dropbox's `AAAAAAAAAA`). */
  readonly longestRun: number;
  /** Runs of four or more of one character, and the characters in them. */
  readonly runsOfFour: number;
  readonly inRunsOfFour: number;
  /** Three runs of four or more back to back, each of another character (`AAAABBBBCCCC`): typed over a body. */
  readonly runLadder: boolean;
  /**
   * Pairs of neighbouring characters, and of characters one apart (interleaved `a1b2c3`), that count:
   * consecutive letters (either case) or digits, either way.
   */
  readonly countingNext: number;
  readonly countingApart: number;
  /** Characters deLeet drops (isDecoration). */
  readonly decorations: number;
  /** Each character repeats the one 2, 3 or 4 before it over four times that length somewhere: repeatsShortUnit may hold. */
  readonly periodic: boolean;
  /** Distinct characters, counted up to five; undefined when the value holds a surrogate (see fewDistinct). */
  readonly distinctUpToFive: number | undefined;
  /** MARKS may match (see MARK_TRIGRAMS); false when it cannot. */
  readonly mayHoldMark: boolean;
}

/**
 * An ASCII character's place in counting order: a letter's lower-case code, a digit's code + 256, so that
 * two characters count exactly when their places are 1 apart; DECORATION or OTHER for the rest (and any
 * character past ASCII), which count with nothing. Looked up in a table, so that the loop does not
 * branch on each character's kind.
 */
const DECORATION = -10;
const OTHER = -2;
const COUNTING_ORDER = (() => {
  const order = new Int16Array(128).fill(OTHER);
  for (let c = 0; c < 128; c++) {
    if (c >= 48 && c <= 57) order[c] = c + 256;
    else if ((c | 0x20) >= 97 && (c | 0x20) <= 122) order[c] = c | 0x20;
    else if (isDecoration(c)) order[c] = DECORATION;
  }
  return order;
})();
/** A code no character has: the step past a value's end, which closes its last run. */
const PAST_END = -3;
/** The counting order before a value's start: 1 apart from no place. */
const BEFORE_START = -4;

/**
 * The value characterStats read last, and its stats (read, never changed): the name-based rule asks for a
 * value's placeholder verdict, then whether it was typed by hand: its characters are read once.
 */
let lastValue = "";
let lastStats: CharacterStats | undefined;

export function characterStats(value: string): CharacterStats {
  if (value === lastValue && lastStats !== undefined) return lastStats;
  let longestRun = 0;
  let runsOfFour = 0;
  let inRunsOfFour = 0;
  let ladder = 0;
  let runLadder = false;
  let countingNext = 0;
  let countingApart = 0;
  let decorations = 0;
  let periodic = false;
  let surrogate = false;
  let distinct = 0;
  let run = 0;
  let repeats2 = 0;
  let repeats3 = 0;
  let repeats4 = 0;
  // The four characters before (-1 before the start), and the places of the two before in counting order.
  let back1 = -1;
  let back2 = -1;
  let back3 = -1;
  let back4 = -1;
  let order1 = BEFORE_START;
  let order2 = BEFORE_START;
  // The first four distinct characters (-1 for none yet).
  let seen1 = -1;
  let seen2 = -1;
  let seen3 = -1;
  let seen4 = -1;
  let mayHoldMark = false;
  // The MARK_CODE of the two characters before.
  let mark1 = VALUE_START;
  let mark2 = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : PAST_END;
    if (c === back1) run++;
    else {
      if (run > longestRun) longestRun = run;
      // A run of four or more counted without a branch of its own: V8 optimises this function before most
      // inputs show one, and a branch first taken later deoptimised it (a second compile).
      const four = run >= 4 ? 1 : 0;
      runsOfFour += four;
      inRunsOfFour += four * run;
      ladder = four * (ladder + 1);
      if (ladder >= 3) runLadder = true;
      run = 1;
    }
    if (c === PAST_END) break;
    let order = OTHER;
    if (c < 128) {
      order = COUNTING_ORDER[c] as number;
      const mark = MARK_CODE[c] as number;
      if (MARK_TRIGRAMS[(mark2 * MARK_CODES + mark1) * MARK_CODES + mark] === 1) mayHoldMark = true;
      mark2 = mark1;
      mark1 = mark;
    } else {
      mayHoldMark = true;
      if (c >= 0xd800 && c <= 0xdfff) surrogate = true;
    }
    if (distinct < 5 && c !== seen1 && c !== seen2 && c !== seen3 && c !== seen4) {
      if (distinct === 0) seen1 = c;
      else if (distinct === 1) seen2 = c;
      else if (distinct === 2) seen3 = c;
      else if (distinct === 3) seen4 = c;
      distinct++;
    }
    if (order === DECORATION) decorations++;
    const next = order - order1;
    if (next === 1 || next === -1) countingNext++;
    const apart = order - order2;
    if (apart === 1 || apart === -1) countingApart++;
    if (c !== back2) repeats2 = 0;
    else if (++repeats2 >= 8) periodic = true;
    if (c !== back3) repeats3 = 0;
    else if (++repeats3 >= 12) periodic = true;
    if (c !== back4) repeats4 = 0;
    else if (++repeats4 >= 16) periodic = true;
    back4 = back3;
    back3 = back2;
    back2 = back1;
    back1 = c;
    order2 = order1;
    order1 = order;
  }
  lastValue = value;
  lastStats = { longestRun, runsOfFour, inRunsOfFour, runLadder, countingNext, countingApart, decorations, periodic, distinctUpToFive: surrogate ? undefined : distinct, mayHoldMark };
  return lastStats;
}

/** "my key", "the token": a stand-in, unless a generated body follows (a key the user named `mykey`, see `hasRandomBody`). */
const MY_KEY = /(?:^|[^a-z])(?:my|the|some)[-_ ]?(?:api[-_ ]?)?(?:key|token|secret|password)(?:[^a-z]|$)/i;

/**
 * A part of 32 or more letters and digits, both present and varied: what a key generator emits. Formats
 * that carry a label the user chose (Photoroom's `sk_pr_<name>_<hex>`) hold one beside the label.
 */
function hasRandomBody(value: string): boolean {
  return value.split(/[^A-Za-z0-9]/).some((part) => part.length >= 32 && /[0-9]/.test(part) && /[A-Za-z]/.test(part) && !atMostDistinct(part, 11));
}

/** A word that says the value stands in for one (`fake`, `sample`, `do-not-use`). */
const STAND_IN_WORD = /placeholder|example|sample|dummy|fake|foobar|lorem|ipsum|redacted|notreal|not[-_ .]a[-_ .]real|do[-_ .]?not[-_ .]?use/i;
/** A to-do marker; set apart from letters, and at its start from digits too: `7tbd3` in a generated body is chance. */
const TODO_MARKER = /(?:^|[^a-z0-9+/=])(?:todo|tbd|fixme|xxx|n\/a)(?:[^a-z+/=]|$)/i;
// "token123", "usertoken123", "personal-access-token", "supersecret99": a word naming the kind of value, in one case.
// (With separators but no digits, `stripe_secret_key` is the name of a key elsewhere, not a value.)
const KIND_WORD_LOWER = /^(?:[a-z0-9]*(?:token|secret|passw(?:or)?d|pass|apikey|accesskey|key)[a-z]*\d{0,6}|[a-z0-9._-]*(?:token|secret|passw(?:or)?d|pass|api[-_.]?key|access[-_.]?key|key)[a-z._-]*\d{1,6})$/;
const KIND_WORD_UPPER = /^(?:[A-Z0-9]*(?:TOKEN|SECRET|PASSW(?:OR)?D|PASS|APIKEY|ACCESSKEY|KEY)[A-Z]*\d{0,6}|[A-Z0-9._-]*(?:TOKEN|SECRET|PASSW(?:OR)?D|PASS|API[-_.]?KEY|ACCESS[-_.]?KEY|KEY)[A-Z._-]*\d{1,6})$/;
/** `CleartextPassword1`, `MySecretToken42`: capitalised words ending in the kind of value they stand for. */
const KIND_WORDS_CAPITALISED = /^(?:[A-Z][a-z]{1,12}){0,4}(?:Password|Passwd|Passphrase|Secret|Token|Key|Apikey)\d{0,6}[!.#?]?$/;

/** Markers that make a value a stand-in wherever they occur in it; each reason reads after "the value". */
const PLACEHOLDER_PATTERNS: Array<[RegExp, string]> = [
  [/^<[^<>]{1,80}>$/, "is in angle brackets"],
  [/^\[[^[\]]{1,80}\]$/, "is in square brackets"],
  [/^\{[A-Z_][A-Z0-9_ -]{1,80}\}$/, "is in braces"],
  // Formats that allow only letters and digits get "0" as the word gap: `your0api0key0here`.
  [/your[-_ .0]?(?:own[-_ .0]?)?(?:[a-z]+[-_ .0]?){0,3}(?:key|token|secret|password|pass|pwd|id|here|value|credential)/i, "says \"your ...\""],
  [MY_KEY, "says \"my key\""],
  [/(?:replace|change|insert|enter|put|add|set|fill|update)[-_ .]?(?:me|this|it|here|in|your|with|later|value|token|key)/i, "asks to be replaced"],
  [/(?:^|[^a-z])(?:key|token|secret|password|value)[-_ .]?(?:goes[-_ .]?)?here(?:[^a-z]|$)/i, "says \"... here\""],
  [STAND_IN_WORD, "names itself a stand-in"],
  [TODO_MARKER, "is a to-do marker"],
  [/x{4,}|X{4,}/, "is a run of x's"],
  [KIND_WORD_LOWER, "is a word that names what it stands for"],
  [KIND_WORD_UPPER, "is a word that names what it stands for"],
  [/^your[A-Z_-]/, "says \"your ...\""],
  [KIND_WORDS_CAPITALISED, "is a word that names what it stands for"],
  [/\*{3,}|•{3,}|\.{4,}|#{4,}|_{6,}|-{6,}/, "is masked"],
  // `ops_eyJzaWdu...`: documentation shows the start of a token and elides the rest.
  [/^[^\s.]{8,}(?:\.{3}|…)$/, "is cut short with an ellipsis"],
];

/**
 * Did `pattern` match a generated body by chance: a marker word in mixed case (markerTyped), or a word
 * naming a secret after letters and digits mixed as a generator mixes them (`…x7q2k9key`)? Names people
 * write (`token123`, `1234token`, `user2token`) pass from letters to digits or back three times or fewer.
 */
function byChance(pattern: RegExp, value: string): boolean {
  if (MARKER_PATTERNS.has(pattern)) return !markerTyped(pattern, value);
  return NAMING_PATTERNS.has(pattern) && (value.replace(/\d+$/, "").match(/[a-z](?=[0-9])|[0-9](?=[a-z])/gi)?.length ?? 0) > 3;
}

/** The patterns of a word that names what the value stands for (`usertoken123`, `API_KEY_2`, `MySecretToken42`). */
const NAMING_PATTERNS: ReadonlySet<RegExp> = new Set([KIND_WORD_LOWER, KIND_WORD_UPPER, KIND_WORDS_CAPITALISED]);

/** The patterns of one marker word (`fake`, `TODO`), which a generated body also spells now and then; each with its global copy. */
const MARKER_PATTERNS: ReadonlyMap<RegExp, RegExp> = new Map([STAND_IN_WORD, TODO_MARKER].map((pattern) => [pattern, new RegExp(pattern.source, `${pattern.flags}g`)]));

/**
 * Is the marker word in `value` written as a person writes it: in one case (`fake`, `FAKE`) or capitalised
 * (`Fake`)? A generated body spells one in mixed case three times in four (`fAkE`, `tBd`): that is chance.
 * Several words together (`DoNotUse`, `not_a_real`) are a phrase, written on purpose in any case.
 */
function markerTyped(pattern: RegExp, value: string): boolean {
  for (const match of value.matchAll(MARKER_PATTERNS.get(pattern) as RegExp)) {
    const letters = match[0].replace(/[^A-Za-z]/g, "");
    if (!MARKER_WORDS.has(letters.toLowerCase()) || /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(letters)) return true;
  }
  return false;
}
const MARKER_WORDS: ReadonlySet<string> = new Set(["fake", "dummy", "sample", "example", "placeholder", "foobar", "lorem", "ipsum", "redacted", "notreal", "todo", "tbd", "fixme", "xxx"]);

/**
 * Literals one of which every match of a placeholder pattern holds (in any case), besides a bracket at its
 * start: a test for them is cheaper than the screens below, and a generated token holds none of them
 * nineteen times in twenty. A pattern added above needs its literal here.
 */
const PATTERN_WORDS = ["your", "key", "token", "secret", "pass", "replace", "change", "insert", "enter", "put", "add", "set", "fill", "update", "here", "placeholder", "example", "sample", "dummy", "fake", "foobar", "lorem", "ipsum", "redacted", "not", "todo", "tbd", "fixme", "xxx", "n/a", "***", "•••", "...", "…", "####", "______", "------"];
/** The characters a placeholder pattern's match may start a value with instead (`<…>`, `[…]`, `{…}`). */
const OPENING_BRACKETS = "<[{";
const PATTERN_LITERALS = new RegExp(`^[${escapeRegex(OPENING_BRACKETS)}]|${PATTERN_WORDS.map(escapeRegex).join("|")}`, "i");

/**
 * The patterns joined into one regex per set of flags: most values (generated tokens) match none, and
 * one test then answers for all. A pattern with a backreference is its own screen (joining would renumber it).
 */
const PATTERN_SCREENS: readonly RegExp[] = (() => {
  const byFlags = new Map<string, string[]>();
  const alone: RegExp[] = [];
  for (const [pattern] of PLACEHOLDER_PATTERNS) {
    if (/\\(?:[1-9]|k<)/.test(pattern.source)) alone.push(pattern);
    else byFlags.set(pattern.flags, [...(byFlags.get(pattern.flags) ?? []), `(?:${pattern.source})`]);
  }
  return [...[...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags)), ...alone];
})();

/**
 * Every verdict has both fields, `reason` undefined when not a placeholder, and none is frozen: one object
 * shape for all of them, so the engine's per-finding code that reads them (toFinding) is not deoptimised
 * when a second shape first reaches it.
 */
interface PlaceholderVerdict {
  readonly placeholder: boolean;
  readonly reason: string | undefined;
}

/**
 * Is `value` (a password, token or key found in a secret position) a dummy or weak default?
 * `keyName` is the assigned name when known (a value equal to it, like `password = "password"`, is one).
 */
export function classifyPlaceholder(value: string, keyName?: string): PlaceholderVerdict {
  const trimmed = value.trim();
  return placeholderVerdict(trimmed, characterStats(trimmed), keyName);
}

/** classifyPlaceholder's verdict on a trimmed value, given its characterStats. */
function placeholderVerdict(trimmed: string, stats: CharacterStats, keyName: string | undefined): PlaceholderVerdict {
  let lower: string | undefined;
  // deLeet drops at most four digits and the punctuation it strips: a longer value cannot become a weak
  // one, and lower-casing neither shortens a value nor makes punctuation, so only a short one is lowered
  // (and its decorations are the value's).
  if (mayBecomeWeak(trimmed.length, stats.decorations)) {
    lower = trimmed.toLowerCase();
    if (WEAK_VALUES.has(lower)) return { placeholder: true, reason: "the value is a well-known dummy or default" };
    // Leetspeak and decoration of the same words: Passw0rd!, pa55word, P@ssw0rd123, Admin123!
    if (mayBecomeWeak(lower.length, stats.decorations)) {
      const plain = deLeet(lower);
      if (plain.length >= 4 && plain !== lower && WEAK_VALUES.has(plain)) return { placeholder: true, reason: "the value is a well-known dummy or default, decorated" };
    }
  }
  // Most values (generated tokens) hold neither kind of mark: one test then answers for both screens.
  const marked = stats.mayHoldMark && MARKS.test(trimmed);
  if (marked && PATTERN_LITERALS.test(trimmed) && screened(trimmed)) {
    for (let i = 0; i < PLACEHOLDER_PATTERNS.length; i++) {
      const [pattern, reason] = PLACEHOLDER_PATTERNS[i] as [RegExp, string];
      // "my key" with a generated body is a key the user named: the body is looked for only after the words.
      if (pattern.test(trimmed) && !(pattern === MY_KEY && hasRandomBody(trimmed)) && !byChance(pattern, trimmed)) return { placeholder: true, reason: `the value ${reason}` };
    }
  }
  if (keyName) {
    const normalizedKey = keyName.toLowerCase().replace(/[^a-z0-9]/g, "");
    const normalizedValue = (lower ??= trimmed.toLowerCase()).replace(/[^a-z0-9]/g, "");
    if (normalizedValue.length >= 3 && (normalizedValue === normalizedKey || normalizedKey.endsWith(normalizedValue))) {
      return { placeholder: true, reason: "the value repeats the name it is assigned to" };
    }
  }
  // Counting and keyboard runs judged by their share of the value: `abc123xyz456` is typed, while a long
  // generated body that happens to hold one `abc123` run is still a key.
  if (marked && COUNTING_MARK.test(trimmed) && typedRunsDominate(trimmed)) return { placeholder: true, reason: "the value is a keyboard or counting sequence" };
  const run = stats.longestRun;
  if (run >= 8 && run * 5 >= trimmed.length * 2) return { placeholder: true, reason: "the value is one character repeated" };
  // A long token-shaped value whose random part is mostly one or two characters (`sk-aaaaaaaa...1`).
  if (trimmed.length >= 16 && fewDistinct(trimmed, stats)) return { placeholder: true, reason: "the value has almost no variety" };
  return NOT_PLACEHOLDER;
}

/** The verdict on most values, shared (verdicts are read, never changed). */
const NOT_PLACEHOLDER: PlaceholderVerdict = { placeholder: false, reason: undefined };

/** Does one of the joined screens match? */
function screened(value: string): boolean {
  for (let i = 0; i < PATTERN_SCREENS.length; i++) if ((PATTERN_SCREENS[i] as RegExp).test(value)) return true;
  return false;
}

/** The runs a typed stand-in starts with; typedRunsDominate then weighs them. */
const COUNTING_WORDS = ["0123456789", "1234567890", "abcdefghij", "qwertyuiop", "123456", "abc123", "xyz123", "xyz456", "qwerty"];
const COUNTING_MARK = new RegExp(COUNTING_WORDS.join("|"), "i");

/** PATTERN_LITERALS or COUNTING_MARK: matches exactly where one of them does. */
export const MARKS = new RegExp(`${PATTERN_LITERALS.source}|${COUNTING_MARK.source}`, "i");
/** The words MARKS matches (besides an opening bracket first). */
export const MARK_WORDS: readonly string[] = [...PATTERN_WORDS, ...COUNTING_WORDS];

/**
 * Where MARKS may match, told by characterStats' pass: its words' first three characters (in any case),
 * or an opening bracket first. Each ASCII character those hold has a number (MARK_CODE; 0 for the rest),
 * the value's start one of its own, and MARK_TRIGRAMS has a 1 for each three numbers in a row that start
 * a match. A word that starts past ASCII (`…`, `•••`) is left to the test for any such character: under
 * the `i` flag without `u`, no character past ASCII matches one in it.
 */
const MARK_CODE = new Uint8Array(128);
const VALUE_START = 1;
const { MARK_CODES, MARK_TRIGRAMS } = (() => {
  let codes = VALUE_START + 1;
  const codeOf = (c: number): number => (MARK_CODE[c] ||= codes++);
  const starts: Array<[number, number, number]> = [...OPENING_BRACKETS].map((bracket) => [0, VALUE_START, codeOf(bracket.charCodeAt(0))]);
  for (const word of MARK_WORDS) {
    const lower = word.toLowerCase();
    const [a, b, c] = [lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(2)];
    if (a >= 128) continue;
    // (NaN past a word's end fails the test too.)
    if (!(b < 128 && c < 128)) throw new Error(`mark word "${word}": three ASCII characters first, or a first past ASCII`);
    starts.push([codeOf(a), codeOf(b), codeOf(c)]);
  }
  // The `i` flag: an upper-case letter is its lower-case one.
  for (let c = 65; c <= 90; c++) MARK_CODE[c] = MARK_CODE[c | 0x20] as number;
  const trigrams = new Uint8Array(codes ** 3);
  for (const [a, b, c] of starts) trigrams[(a * codes + b) * codes + c] = 1;
  return { MARK_CODES: codes, MARK_TRIGRAMS: trigrams };
})();

/** Keyboard rows, for runs typed along them (`qwer`, `asdf`, `vbnm`). */
const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const KEYBOARD_POSITION = new Map<number, number>(KEYBOARD_ROWS.flatMap((row, r) => [...row].map((c, i) => [c.charCodeAt(0), r * 16 + i] as [number, number])));

/**
 * Is a value that holds a counting or keyboard run made of such runs? Counting (`abcd`, `4321`, `7890`,
 * interleaved `a1b2c3`) and keyboard-row (`qwer`, `asdf`) runs are typed. The value is a stand-in unless
 * they cover less than half of its letters and digits and a generated part (16 or more letters and
 * digits, mixed and varied) stands beside them: `abc123xyz456` and `duffel_test_abc123` are typed, a
 * long random body that happens to hold one `abc123` run is a key.
 */
function typedRunsDominate(value: string): boolean {
  const covered = new Uint8Array(value.length);
  markRuns(value, covered, 1, countingStep, 3);
  markRuns(value, covered, 2, countingStep, 3);
  markRuns(value, covered, 1, keyboardStep, 4);
  let alnum = 0;
  let runs = 0;
  let generated = false;
  let part = "";
  for (let i = 0; i <= value.length; i++) {
    const letterOrDigit = i < value.length && alphanumericRank(value.charCodeAt(i)) !== -1;
    if (letterOrDigit) {
      alnum++;
      runs += covered[i] as number;
    }
    if (letterOrDigit && !covered[i]) part += value[i];
    else {
      generated ||= part.length >= 16 && /[0-9]/.test(part) && /[A-Za-z]/.test(part) && !atMostDistinct(part, 11);
      part = "";
    }
  }
  return runs * 2 >= alnum || !generated;
}

/** A letter's place in the alphabet (either case) or a digit's on the keyboard (1…9, 0); -1 otherwise. */
function alphanumericRank(code: number): number {
  if (code >= 48 && code <= 57) return code === 48 ? 110 : 100 + code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122 ? lower - 97 : -1;
}

/** +1 or -1 when `b` follows or precedes `a` in counting (`0` both before `1` and after `9`); else 0. */
function countingStep(a: number, b: number): number {
  const ra = alphanumericRank(a);
  const rb = alphanumericRank(b);
  if (ra === -1 || rb === -1) return 0;
  if (ra >= 100 && rb >= 100 && (a === 48 || b === 48)) {
    // 0 is counted as 0 and as 10: `0123` and `7890` both count.
    const da = a - 48;
    const db = b - 48;
    return db - da === 1 || (da === 9 && db === 0) ? 1 : db - da === -1 || (da === 0 && db === 9) ? -1 : 0;
  }
  const d = rb - ra;
  return d === 1 || d === -1 ? d : 0;
}

/** +1 or -1 when `b` is next to `a` along one keyboard row; else 0. */
function keyboardStep(a: number, b: number): number {
  const pa = KEYBOARD_POSITION.get(a | 0x20);
  const pb = KEYBOARD_POSITION.get(b | 0x20);
  if (pa === undefined || pb === undefined) return 0;
  const d = pb - pa;
  return d === 1 || d === -1 ? d : 0;
}

/** Mark runs of at least `min` characters, `distance` apart, each one step further in one direction. */
function markRuns(value: string, covered: Uint8Array, distance: number, step: (a: number, b: number) => number, min: number): void {
  const close = (from: number, to: number) => {
    // Three random digits count up or down one time in fifty: a run of digits needs four.
    const need = isDigit(value.charCodeAt(from)) ? Math.max(min, 4) : min;
    if ((to - from) / distance + 1 >= need) for (let k = from; k <= to; k += distance) covered[k] = 1;
  };
  for (let start = 0; start < distance; start++) {
    let runStart = start;
    let direction = 0;
    let i = start;
    for (; i + distance < value.length; i += distance) {
      const s = step(value.charCodeAt(i), value.charCodeAt(i + distance));
      if (s !== 0 && (direction === 0 || s === direction)) {
        direction = s;
        continue;
      }
      close(runStart, i);
      runStart = s === 0 ? i + distance : i;
      direction = s;
    }
    close(runStart, i);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A group of three or more characters found three times between separators (`1234-1234-1234`). */
function repeatedGroup(value: string): boolean {
  const seen = new Map<string, number>();
  for (const group of value.split(/[-_.:/]/)) {
    if (group.length < 3) continue;
    const n = (seen.get(group) ?? 0) + 1;
    if (n >= 3) return true;
    seen.set(group, n);
  }
  return false;
}

/**
 * A value in a secret position typed by hand rather than generated: counting (`a1b2c3d4`, `zyxwvu98765`,
 * `AbCdEf123`), several runs of one character (`AAAABBBBCCCC`), or one group over and over
 * (`1234-1234-1234`). A random value of this length almost never does any of these. For name-based
 * findings only: a provider's format (a PEM body, a padded token) can hold runs by construction.
 */
export function classifyTypedByHand(value: string): PlaceholderVerdict {
  const stats = characterStats(value);
  if (countsByHand(value.length, stats)) return COUNTS;
  if (stats.runsOfFour >= 3) return { placeholder: true, reason: "the value is runs of repeated characters" };
  if (repeatedGroup(value)) return { placeholder: true, reason: "the value repeats one group" };
  return NOT_PLACEHOLDER;
}

/**
 * Counting (`a1b2c3d4`, `zyxwvu98765`) over most of a value of `length` characters: a random one of this
 * length almost never does. Its share is that of the pairs next to each other or of those one apart
 * (characterStats), whichever is higher: about 3% in a random alphanumeric value, 11% in hex. Short
 * values need more of it: eight random hex digits reach half by chance now and then.
 */
function countsByHand(length: number, stats: CharacterStats): boolean {
  if (length < 8) return false;
  // Four pairs at least for a share.
  const next = length - 1 >= 4 ? stats.countingNext / (length - 1) : 0;
  const apart = length - 2 >= 4 ? stats.countingApart / (length - 2) : 0;
  const counting = Math.max(next, apart);
  return (length >= 16 && counting >= 0.5) || counting >= 0.7;
}
const COUNTS: PlaceholderVerdict = { placeholder: true, reason: "the value counts up or down (a1b2c3, abcdef, 98765)" };

/**
 * passw0rd! → password, pa55word → password, p@$$w0rd123 → password: decoration at the end dropped, then
 * up to four digits that follow four letters, digits, `@` or `$`, then leetspeak read as letters, then
 * decoration at the end again. By character codes: it runs on every short value, where a chain of regex
 * replaces cost more than the rest of the verdict.
 */
function deLeet(lower: string): string {
  let end = lower.length;
  while (end > 0 && isDecoration(lower.charCodeAt(end - 1))) end--;
  let digits = 0;
  while (digits < 4 && digits < end && isDigit(lower.charCodeAt(end - 1 - digits))) digits++;
  // The longest digit suffix whose four characters before are all leet-word characters.
  for (let k = digits; k >= 1; k--) {
    const at = end - k;
    if (at >= 4 && isLeetWordCharacter(lower.charCodeAt(at - 4)) && isLeetWordCharacter(lower.charCodeAt(at - 3)) && isLeetWordCharacter(lower.charCodeAt(at - 2)) && isLeetWordCharacter(lower.charCodeAt(at - 1))) {
      end = at;
      break;
    }
  }
  let plain = "";
  let from = 0;
  for (let i = 0; i < end; i++) {
    const letter = leetLetter(lower.charCodeAt(i));
    if (letter === "") continue;
    plain += lower.slice(from, i) + letter;
    from = i + 1;
  }
  plain += lower.slice(from, end);
  let plainEnd = plain.length;
  while (plainEnd > 0 && isDecoration(plain.charCodeAt(plainEnd - 1))) plainEnd--;
  return plainEnd === plain.length ? plain : plain.slice(0, plainEnd);
}

/** ! # * - . ? _ : what deLeet drops from a value's end (mayBecomeWeak counts them). */
function isDecoration(c: number): boolean {
  return c === 33 || c === 35 || c === 42 || c === 45 || c === 46 || c === 63 || c === 95;
}

/** [a-z@$0-9] */
function isLeetWordCharacter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36;
}

/** The letter a leetspeak character stands for (0 o, 1 ! | i, 3 e, 4 @ a, 5 $ s, 7 t); "" for any other. */
function leetLetter(c: number): string {
  switch (c) {
    case 48:
      return "o";
    case 49:
    case 33:
    case 124:
      return "i";
    case 51:
      return "e";
    case 52:
    case 64:
      return "a";
    case 53:
    case 36:
      return "s";
    case 55:
      return "t";
    default:
      return "";
  }
}

/**
 * Is a value found as a provider's format a stand-in? A dummy or weak default (classifyPlaceholder), or
 * the format filled in by hand (classifyFilledFormat). The engine's verdict on every provider finding,
 * and the test a keyed row puts to a value with its prefix whose body is not the format's.
 */
export function classifyFormatValue(value: string): PlaceholderVerdict {
  const trimmed = value.trim();
  const stats = characterStats(trimmed);
  const general = placeholderVerdict(trimmed, stats, undefined);
  if (general.placeholder) return general;
  return classifyFilledFormat(value, trimmed === value ? stats : characterStats(value));
}

/**
 * Is a value of a provider's random format typed in by hand: mostly runs (`5555555dAAAAA7777777...`),
 * runs typed one after another (`…AAAABBBBCCCC…`), counting over most of it (`shpss_a1b2c3d4e5f6…`),
 * a short sequence repeated (`123123123...`), one longer group over its whole length
 * (`A1B2C3D4E5F6A1B2C3D4E5F6...`), or the format's prefix then a bracketed stand-in (`sk-<API_KEY>`)?
 * Not for passwords: a repetitive password is weak, yet real.
 */
function classifyFilledFormat(value: string, stats: CharacterStats): PlaceholderVerdict {
  if (value.length >= 16 && stats.inRunsOfFour * 2 >= value.length) return { placeholder: true, reason: "the value is mostly repeated characters" };
  if (stats.runLadder) return { placeholder: true, reason: "the value holds runs of repeated characters typed one after another" };
  // Short or digit-only bodies count up now and then by chance (a random 16-digit one in a hundred).
  if (value.length >= 24 && countsByHand(value.length, stats) && /[A-Za-z]/.test(value)) return COUNTS;
  if ((stats.periodic && repeatsShortUnit(value)) || repeatsWholeGroup(value)) return { placeholder: true, reason: "the value repeats a short sequence" };
  // The pattern ends in a closing bracket: tested only then.
  const last = value.charCodeAt(value.length - 1);
  if ((last === 62 || last === 93 || last === 125) && PREFIX_THEN_BRACKETS.test(value)) return { placeholder: true, reason: "the value is the format's prefix then a stand-in in brackets" };
  return NOT_PLACEHOLDER;
}

/** A format's literal start (`sk-`, `pk_live_`), then `<…>`, `[…]` or `{…}` where its body goes. */
const PREFIX_THEN_BRACKETS = /^[A-Za-z0-9]{1,12}(?:[-_.][A-Za-z0-9]{1,12}){0,2}[-_.]?(?:<[^<>]{1,80}>|\[[^[\]]{1,80}\]|\{\{?[^{}]{1,80}\}\}?)$/;

/**
 * Two to four characters, not one repeated, five times or more in a row (`123123123123123`,
 * `ababababab`): what /((.)(?!\2).{1,3})\1{4}/ finds, by comparing characters rather than backtracking.
 * Runs of one character are not (characterStats counts them): formats pad with them (Dropbox's `AAAA...`).
 */
function repeatsShortUnit(value: string): boolean {
  const n = value.length;
  for (let i = 0; i + 10 <= n; i++) {
    if (value.charCodeAt(i) === value.charCodeAt(i + 1)) continue;
    for (let unit = 2; unit <= 4 && i + unit * 5 <= n; unit++) {
      let k = unit;
      while (k < unit * 5 && value.charCodeAt(i + k) === value.charCodeAt(i + k - unit)) k++;
      if (k < unit * 5) continue;
      let breaks = false;
      for (let c = i; c < i + unit; c++) breaks ||= isLineBreak(value.charCodeAt(c));
      if (!breaks) return true;
    }
  }
  return false;
}

/**
 * The value, after a prefix of up to 12 characters, is one group of 5 to 16 characters written three
 * times or more to its end (the last copy may be cut short): a random body never is. Shorter groups
 * are repeatsShortUnit's.
 */
function repeatsWholeGroup(value: string): boolean {
  const n = value.length;
  // The group may start at 0 to 12, and in the value's first quarter.
  const lastStart = Math.min(12, Math.floor(n / 4));
  for (let unit = 5; unit <= 16 && unit * 3 <= n; unit++) {
    // Read from the end, where a random value stops at once: `from` is the first place from which every
    // character repeats the one `unit` before it; a group starting at `from - unit` or later repeats to the end.
    let from = n;
    while (from > unit && value.charCodeAt(from - 1) === value.charCodeAt(from - 1 - unit)) from--;
    if (Math.max(0, from - unit) <= Math.min(lastStart, n - unit * 3)) return true;
  }
  return false;
}

/** The characters a regex's `.` does not match. */
function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * Does `value` use at most four distinct characters? From its characterStats, whose count is of code
 * units: the code points' only when no surrogate pair may join two of them.
 */
function fewDistinct(value: string, stats: CharacterStats): boolean {
  return stats.distinctUpToFive === undefined ? atMostDistinct(value, 4) : stats.distinctUpToFive <= 4;
}

/** Does `value` use at most `limit` distinct characters? (Stops at the first one over.) */
function atMostDistinct(value: string, limit: number): boolean {
  const seen: number[] = [];
  // By code point, as a Set of the string counts them.
  for (let i = 0; i < value.length; ) {
    const c = value.codePointAt(i) as number;
    i += c > 0xffff ? 2 : 1;
    if (!seen.includes(c)) {
      if (seen.length === limit) return false;
      seen.push(c);
    }
  }
  return true;
}
