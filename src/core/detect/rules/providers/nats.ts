/**
 * NATS credentials: NKEY seeds, the Ed25519 private keys users, accounts, operators and servers sign
 * in with (also the private half of a `.creds` file). Format from the nkeys documentation
 * (https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth and
 * https://github.com/nats-io/nkeys): base32 (A-Z, 2-7) of a prefix byte, the 32-byte seed and a CRC16,
 * 58 characters starting with `S`, the key's type (`U`ser, `A`ccount, `O`perator, `N` server, `C`luster,
 * `X` curve), then `A` (the type's low bits are zero). Public keys (`U…`, `A…`, 56 characters) are
 * identities, not secrets.
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { randomString } from "../../fake.js";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const TYPES = "ACNOUX";

export const rules: Rule[] = [
  defineRule({
    id: "nats-nkey-seed",
    title: "NATS NKEY seed",
    provider: "NATS",
    severity: "high",
    keywords: [...TYPES].map((t) => `s${t.toLowerCase()}a`),
    regex: new RegExp(`(?<![A-Za-z0-9+/_-])(?<secret>S[${TYPES}]A[A-Z2-7]{55})(?![A-Za-z0-9+/=_-])`),
    docs: "https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/nkey_auth",
    remediation: "Generate a new NKEY (nk -gen user, or nsc for accounts and operators), replace the public key in the server's or operator's configuration, and keep the seed in a secret store or a .creds file outside the repository.",
    samples: () => ["SUA" + randomString(55, BASE32, "nats-user-seed"), "SOA" + randomString(55, BASE32, "nats-operator-seed")] as const,
    truePositives: ([user, operator]) => [
      ...inSyntaxes("nats_seed", user),
      ...withValue(user, 'seed := []byte("%s")', "# %s", "%s"),
      ...withValue(operator, 'var oSeed = []byte("%s")', "  signing_key_seed: %s"),
    ],
    falsePositives: ([user]) => [
      // A public key (56 characters, no S), a seed cut short or run on, lower case, outside base32.
      `authorization { users = [ { nkey: ${user.slice(2)} } ] }`,
      `SEED=${user.slice(0, 57)}`,
      `SEED=${user}AB`,
      `SEED=${user.toLowerCase()}`,
      `SEED=${user.slice(0, 20)}8${user.slice(21)}`,
    ],
  }),
];
