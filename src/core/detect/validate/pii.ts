/**
 * Offline checks for personal data formats: payment cards (issuer ranges + Luhn), IBAN (ISO 13616
 * structure + ISO 7064 mod 97-10), US SSN (SSA ranges) and national identifiers whose check digit makes
 * a match reliable. Each `complete*` helper computes the check digit(s) of a body, so that tests and
 * rule examples generate valid values at run time instead of writing realistic ones in the repository.
 */
import { luhnValid } from "./checksum.js";

export { luhnValid };

// --- Helpers ------------------------------------------------------------------------------------------

function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

function digitAt(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
}

/** The Luhn check digit that completes `body` (digits only). */
function luhnCheckDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return d;
  return 0; // unreachable: exactly one digit completes any body
}

/** `body` followed by its Luhn check digit. */
export function completeLuhn(body: string): string {
  return body + luhnCheckDigit(body);
}

/**
 * Digits that look made up rather than issued: one digit repeated at length, a short pattern repeated
 * (4242 4242..., 510 510...), a counting sequence, or almost no variety. Issued numbers are assigned
 * from ranges and padded with zeros, so a real one can hold a few zeros in a row: `longestRealRun` is
 * the longest run of one digit still taken for real.
 */
export function looksMadeUpDigits(digits: string, longestRealRun = 7): boolean {
  if (digits.length < 6) return false;
  let run = 1;
  for (let i = 1; i < digits.length; i++) {
    run = digits[i] === digits[i - 1] ? run + 1 : 1;
    if (run > longestRealRun) return true;
  }
  if (new Set(digits).size <= 2) return true;
  // A pattern of period 2 to 4 repeated over (almost) the whole value, the last digit aside (Luhn).
  const body = digits.slice(0, -1);
  for (let period = 1; period <= 4; period++) {
    if (body.length < period * 3) continue; // a pattern must repeat at least three times to count
    let same = 0;
    for (let i = period; i < body.length; i++) if (body[i] === body[i - period]) same++;
    if (same >= body.length - period - 1) return true;
  }
  return /0123456|1234567|2345678|3456789|9876543|8765432|7654321|6543210/.test(digits);
}

// --- Payment cards ------------------------------------------------------------------------------------

interface CardIssuer {
  name: string;
  lengths: readonly number[];
}

/** Issuer identification ranges (ISO/IEC 7812 IIN prefixes) of the major networks, with their lengths. */
const CARD_RANGES: ReadonlyArray<{ from: number; to: number; digits: number; issuer: CardIssuer }> = (() => {
  const visa = { name: "Visa", lengths: [13, 16, 19] };
  const mastercard = { name: "Mastercard", lengths: [16] };
  const amex = { name: "American Express", lengths: [15] };
  const discover = { name: "Discover", lengths: [16, 17, 18, 19] };
  const jcb = { name: "JCB", lengths: [16, 17, 18, 19] };
  const diners = { name: "Diners Club", lengths: [14, 15, 16, 17, 18, 19] };
  const unionpay = { name: "UnionPay", lengths: [16, 17, 18, 19] };
  const maestro = { name: "Maestro", lengths: [13, 14, 15, 16, 17, 18, 19] };
  const mir = { name: "Mir", lengths: [16, 17, 18, 19] };
  return [
    // Longest prefixes first: the first range that contains the number's prefix wins.
    { from: 622126, to: 622925, digits: 6, issuer: discover },
    { from: 2221, to: 2720, digits: 4, issuer: mastercard },
    { from: 2200, to: 2204, digits: 4, issuer: mir },
    { from: 3528, to: 3589, digits: 4, issuer: jcb },
    { from: 6011, to: 6011, digits: 4, issuer: discover },
    { from: 5018, to: 5018, digits: 4, issuer: maestro },
    { from: 5020, to: 5020, digits: 4, issuer: maestro },
    { from: 5038, to: 5038, digits: 4, issuer: maestro },
    { from: 5893, to: 5893, digits: 4, issuer: maestro },
    { from: 6304, to: 6304, digits: 4, issuer: maestro },
    { from: 6759, to: 6759, digits: 4, issuer: maestro },
    { from: 6761, to: 6763, digits: 4, issuer: maestro },
    { from: 3095, to: 3095, digits: 4, issuer: diners },
    { from: 300, to: 305, digits: 3, issuer: diners },
    { from: 644, to: 649, digits: 3, issuer: discover },
    { from: 34, to: 34, digits: 2, issuer: amex },
    { from: 37, to: 37, digits: 2, issuer: amex },
    { from: 36, to: 36, digits: 2, issuer: diners },
    { from: 38, to: 39, digits: 2, issuer: diners },
    { from: 51, to: 55, digits: 2, issuer: mastercard },
    { from: 62, to: 62, digits: 2, issuer: unionpay },
    { from: 65, to: 65, digits: 2, issuer: discover },
    { from: 4, to: 4, digits: 1, issuer: visa },
  ];
})();

/** The network whose range holds `digits` with that length, if any. */
export function cardIssuer(digits: string): CardIssuer | undefined {
  if (!isDigits(digits)) return undefined;
  for (const range of CARD_RANGES) {
    const prefix = Number(digits.slice(0, range.digits));
    if (prefix >= range.from && prefix <= range.to) {
      return range.issuer.lengths.includes(digits.length) ? range.issuer : undefined;
    }
  }
  return undefined;
}

/** A payment card number: a known issuer's range and length, and a valid Luhn check digit. */
export function cardNumberValid(digits: string): boolean {
  return cardIssuer(digits) !== undefined && luhnValid(digits);
}

/**
 * Test card numbers the payment providers document for their sandboxes (Stripe, Braintree, Adyen,
 * PayPal, Checkout.com, and the networks' own). Written as groups so that this file holds no card
 * number a scanner would read as one.
 */
const TEST_CARD_GROUPS: readonly (readonly string[])[] = [
  ["4242", "4242", "4242", "4242"], ["4000", "0566", "5566", "5556"], ["5555", "5555", "5555", "4444"],
  ["2223", "0031", "2200", "3222"], ["5200", "8282", "8282", "8210"], ["5105", "1051", "0510", "5100"],
  ["3782", "822463", "10005"], ["3714", "496353", "98431"], ["6011", "1111", "1111", "1117"],
  ["6011", "0009", "9013", "9424"], ["3056", "9300", "0902", "0004"], ["3622", "720627", "1667"],
  ["3566", "0020", "2036", "0505"], ["6200", "0000", "0000", "0005"], ["4111", "1111", "1111", "1111"],
  ["4005", "5192", "0000", "0004"], ["4009", "3488", "8888", "1881"], ["4012", "0000", "3333", "0026"],
  ["4012", "0000", "7777", "7777"], ["4012", "8888", "8888", "1881"], ["4217", "6511", "1111", "1119"],
  ["4500", "6000", "0000", "0061"], ["3530", "1113", "3330", "0000"], ["3625", "960000", "0004"],
  ["6304", "0000", "0000", "0000"], ["5431", "1111", "1111", "1111"], ["2223", "0000", "4840", "0011"],
  ["5555", "3412", "4444", "1115"], ["5454", "5454", "5454", "5454"], ["3700", "0000", "0000", "002"],
  ["6011", "6011", "6011", "6611"], ["3569", "9900", "1009", "5841"], ["3600", "6666", "3333", "44"],
  ["4917", "6100", "0000", "0000"], ["4400", "0000", "0000", "0008"], ["4222", "2222", "2222", "2"],
  ["3787", "344936", "71000"], ["3056", "9309", "0259", "04"], ["3852", "0000", "0232", "37"],
  ["4000", "0000", "0000", "0002"], ["4000", "0000", "0000", "9995"], ["4000", "0025", "0000", "3155"],
  ["4000", "0027", "6000", "3184"], ["4000", "0000", "0000", "3220"], ["5424", "0000", "0000", "0015"],
  ["4007", "0000", "0002", "7"], ["4012", "8888", "1888", "8"], ["4035", "5010", "0000", "0008"],
  ["4360", "0000", "0100", "0005"], ["4988", "4388", "4388", "4305"], ["5101", "1800", "0000", "0007"],
  ["5555", "4444", "3333", "1111"], ["2222", "4000", "7000", "0005"], ["3700", "000000", "00002"],
  ["3600", "666633", "3344"], ["6759", "6498", "2643", "8453"],
];

export const TEST_CARD_NUMBERS: ReadonlySet<string> = new Set(TEST_CARD_GROUPS.map((groups) => groups.join("")));

// --- IBAN ---------------------------------------------------------------------------------------------

/**
 * BBAN structure per country from the SWIFT IBAN registry (ISO 13616): `n` digits, `a` upper-case
 * letters, `c` either. The IBAN's length is 4 + the BBAN's.
 */
const BBAN_STRUCTURE: Readonly<Record<string, string>> = {
  AD: "8n12c", AE: "19n", AL: "8n16c", AT: "16n", AZ: "4a20c", BA: "16n", BE: "12n", BG: "4a6n8c",
  BH: "4a14c", BR: "23n1a1c", CH: "5n12c", CR: "18n", CY: "8n16c", CZ: "20n", DE: "18n", DK: "14n",
  DO: "4c20n", EE: "16n", EG: "25n", ES: "20n", FI: "14n", FO: "14n", FR: "10n11c2n", GB: "4a14n",
  GE: "2a16n", GI: "4a15c", GL: "14n", GR: "7n16c", GT: "4c20c", HR: "17n", HU: "24n", IE: "4a14n",
  IL: "19n", IS: "22n", IT: "1a10n12c", JO: "4a4n18c", KW: "4a22c", KZ: "3n13c", LB: "4n20c", LI: "5n12c",
  LT: "16n", LU: "3n13c", LV: "4a13c", MC: "10n11c2n", MD: "2c18c", ME: "18n", MK: "3n10c2n", MR: "23n",
  MT: "4a5n18c", MU: "4a19n3a", NL: "4a10n", NO: "11n", PK: "4a16c", PL: "24n", PS: "4a21c", PT: "21n",
  QA: "4a21c", RO: "4a16c", RS: "18n", SA: "2n18c", SE: "20n", SI: "15n", SK: "20n", SM: "1a10n12c",
  TN: "20n", TR: "5n1n16c", UA: "6n19c", VG: "4a16n", XK: "16n",
};

const BBAN_REGEX: ReadonlyMap<string, { regex: RegExp; length: number }> = new Map(
  Object.entries(BBAN_STRUCTURE).map(([country, structure]) => {
    let source = "";
    let length = 0;
    for (const [, count, kind] of structure.matchAll(/(\d+)([nac])/g)) {
      const n = Number(count);
      length += n;
      source += (kind === "n" ? "\\d" : kind === "a" ? "[A-Z]" : "[A-Z0-9]") + `{${n}}`;
    }
    return [country, { regex: new RegExp(`^${source}$`), length }];
  }),
);

/** The IBAN's total length for a country, or undefined for a country this check does not know. */
export function ibanLength(country: string): number | undefined {
  const spec = BBAN_REGEX.get(country);
  return spec ? spec.length + 4 : undefined;
}

/** ISO 7064 mod 97-10 over the rearranged IBAN (letters as 10..35), computed piecewise. */
function ibanMod97(rearranged: string): number {
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** A compact (no spaces), upper-case IBAN: known country, exact length, BBAN structure, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const country = iban.slice(0, 2);
  const spec = BBAN_REGEX.get(country);
  if (!spec || iban.length !== spec.length + 4) return false;
  const check = iban.slice(2, 4);
  if (!isDigits(check) || check === "00" || check === "01" || check === "99") return false;
  if (!spec.regex.test(iban.slice(4))) return false;
  return ibanMod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** A valid IBAN for `country` with this BBAN (check digits computed). */
export function makeIban(country: string, bban: string): string {
  const remainder = ibanMod97(bban + country + "00");
  return country + String(98 - remainder).padStart(2, "0") + bban;
}

/** The SWIFT registry's and the banks' documented example IBANs, written as groups (see above). */
const EXAMPLE_IBAN_GROUPS: readonly (readonly string[])[] = [
  ["DE89", "3704", "0044", "0532", "0130", "00"], ["GB82", "WEST", "1234", "5698", "7654", "32"],
  ["GB29", "NWBK", "6016", "1331", "9268", "19"], ["GB33", "BUKB", "2020", "1555", "5555", "55"],
  ["FR14", "2004", "1010", "0505", "0001", "3M02", "606"], ["FR76", "3000", "6000", "0112", "3456", "7890", "189"],
  ["NL91", "ABNA", "0417", "1643", "00"], ["NL02", "ABNA", "0123", "4567", "89"], ["ES91", "2100", "0418", "4502", "0005", "1332"],
  ["IT60", "X054", "2811", "1010", "0000", "0123", "456"], ["BE68", "5390", "0754", "7034"], ["BE71", "0961", "2345", "6769"],
  ["CH93", "0076", "2011", "6238", "5295", "7"], ["AT61", "1904", "3002", "3457", "3201"], ["PL61", "1090", "1014", "0000", "0712", "1981", "2874"],
  ["SE45", "5000", "0000", "0583", "9825", "7466"], ["DK50", "0040", "0440", "1162", "43"], ["FI21", "1234", "5600", "0007", "85"],
  ["NO93", "8601", "1117", "947"], ["IE29", "AIBK", "9311", "5212", "3456", "78"], ["PT50", "0002", "0123", "1234", "5678", "9015", "4"],
  ["LU28", "0019", "4006", "4475", "0000"], ["DE75", "5121", "0800", "1245", "1261", "99"], ["DE02", "1203", "0000", "0000", "2020", "51"],
];

export const EXAMPLE_IBANS: ReadonlySet<string> = new Set(EXAMPLE_IBAN_GROUPS.map((groups) => groups.join("")));

// --- US Social Security number ------------------------------------------------------------------------

/**
 * SSA's rules for numbers it issues: area not 000, 666 or 900-999; group not 00; serial not 0000.
 * `digits` are the 9 digits without separators.
 */
export function ssnValid(digits: string): boolean {
  if (digits.length !== 9 || !isDigits(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return false;
  return digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
}

/**
 * Numbers printed in advertising and samples, invalidated or never issued: the Woolworth wallet card
 * number, the 1936 Social Security Board pamphlet, and the everyday counting one. Groups again.
 */
export const SAMPLE_SSNS: ReadonlySet<string> = new Set([["078", "05", "1120"], ["219", "09", "9999"], ["123", "45", "6789"]].map((g) => g.join("")));

// --- National and health identifiers ------------------------------------------------------------------

/** UK NHS number: 10 digits, weights 10..2 over the first nine, check = 11 - sum mod 11 (10 is never issued). */
export function nhsCheckDigit(body: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(body, i) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

export function nhsNumberValid(digits: string): boolean {
  if (digits.length !== 10 || !isDigits(digits)) return false;
  return nhsCheckDigit(digits) === digitAt(digits, 9);
}

/** Canadian SIN: 9 digits, Luhn; 0 is never issued as the first digit and 8 is for business numbers. */
export function sinValid(digits: string): boolean {
  if (digits.length !== 9 || !isDigits(digits)) return false;
  return digits[0] !== "0" && digits[0] !== "8" && luhnValid(digits);
}

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function dniLetter(eightDigits: string): string {
  return DNI_LETTERS[Number(eightDigits) % 23] as string;
}

export function spanishIdValid(value: string): boolean {
  const upper = value.toUpperCase();
  const m = /^([XYZ]\d{7}|\d{8})([A-Z])$/.exec(upper);
  if (!m) return false;
  const body = (m[1] as string).replace(/^[XYZ]/, (c) => String("XYZ".indexOf(c)));
  return dniLetter(body) === m[2];
}

/** Italian codice fiscale: 16 characters, the last a check letter over odd/even position values. */
const CF_ODD: readonly number[] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_OMOCODE = "LMNPQRSTUV"; // letters that stand for digits 0-9 when two people share a code
const CODICE_FISCALE_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export function codiceFiscaleCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15.charCodeAt(i);
    const index = ch >= 65 ? ch - 65 : ch - 48; // digits and letters share the table: 0 = A, 1 = B...
    sum += i % 2 === 0 ? (CF_ODD[index] as number) : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function codiceFiscaleValid(code: string): boolean {
  if (!CODICE_FISCALE_SHAPE.test(code)) return false;
  // Day of birth (+40 for women): 01-31 or 41-71, once omocodia letters are read back as digits.
  const day = Number(
    code
      .slice(9, 11)
      .replace(/[LMNPQRSTUV]/g, (c) => String(CF_OMOCODE.indexOf(c))),
  );
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceFiscaleCheck(code.slice(0, 15)) === code[15];
}

/** Dutch BSN: 9 digits, "11-test": 9a + 8b + ... + 2h - i is a multiple of 11 (and not zero). */
export function bsnValid(digits: string): boolean {
  if (digits.length !== 9 || !isDigits(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(digits, i) * (9 - i);
  sum -= digitAt(digits, 8);
  return sum % 11 === 0;
}

/** Brazilian CPF: 9 digits and two mod-11 check digits. Repeated digits pass the arithmetic but are void. */
export function cpfCheckDigits(nine: string): string {
  const digit = (body: string): number => {
    let sum = 0;
    for (let i = 0; i < body.length; i++) sum += digitAt(body, i) * (body.length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  const first = digit(nine);
  return `${first}${digit(nine + first)}`;
}

export function cpfValid(digits: string): boolean {
  if (digits.length !== 11 || !isDigits(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9);
}

/** Verhoeff's dihedral-group check (Aadhaar's last digit). */
const VERHOEFF_D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

export function verhoeffValid(digits: string): boolean {
  if (!isDigits(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digitAt(digits, digits.length - 1 - i);
    c = (VERHOEFF_D[c] as number[])[(VERHOEFF_P[i % 8] as number[])[d] as number] as number;
  }
  return c === 0;
}

export function verhoeffCheckDigit(body: string): number {
  let c = 0;
  for (let i = 0; i < body.length; i++) {
    const d = digitAt(body, body.length - 1 - i);
    c = (VERHOEFF_D[c] as number[])[(VERHOEFF_P[(i + 1) % 8] as number[])[d] as number] as number;
  }
  return VERHOEFF_INV[c] as number;
}

/** Aadhaar: 12 digits, never starting with 0 or 1, Verhoeff check digit. */
export function aadhaarValid(digits: string): boolean {
  return digits.length === 12 && /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits);
}

function validDate(day: number, month: number): boolean {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (days[month - 1] as number);
}

/** Finnish henkilötunnus: DDMMYY, a century sign, a 3-digit individual number and a check character. */
const HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const HETU_SHAPE = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/;

export function hetuCheckChar(dateDigits: string, individual: string): string {
  return HETU_CHECK[Number(dateDigits + individual) % 31] as string;
}

export function hetuValid(code: string): boolean {
  const m = HETU_SHAPE.exec(code);
  if (!m) return false;
  const [, dd, mm, yy, , nnn, check] = m as unknown as [string, string, string, string, string, string, string];
  if (!validDate(Number(dd), Number(mm))) return false;
  if (Number(nnn) < 2) return false; // 000 and 001 are never issued
  return hetuCheckChar(dd + mm + yy, nnn) === check;
}

/**
 * Swedish personnummer (or samordningsnummer, day + 60): YYMMDD-NNNC or YYYYMMDD-NNNC, with a Luhn check
 * digit over the ten digits YYMMDDNNNC. `digits` are 10 or 12 digits without separators.
 */
export function personnummerValid(digits: string): boolean {
  if (!isDigits(digits) || (digits.length !== 10 && digits.length !== 12)) return false;
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60;
  if (!validDate(day, month)) return false;
  return luhnValid(ten);
}
