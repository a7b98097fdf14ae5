/**
 * Drone CI: personal tokens, 32 letters and digits with no prefix, read only as the value of a Drone
 * token or secret setting (Drone's CLI documentation; `DRONE_RPC_SECRET` and the like are shared
 * secrets of the same kind).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "drone-ci-token",
    title: "Drone CI personal token",
    provider: "Drone",
    severity: "high",
    keywords: ["drone"],
    regex: assigned(`${ci("drone")}[\\w. -]{0,20}?(?:${ci("token")}|${ci("secret")})`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://docs.drone.io/cli/setup/",
    remediation: "Rotate the token from the Drone user interface (Account > Token) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "drone")] as const,
    truePositives: ([t]) => [...inSyntaxes("drone_token", t), ...inSyntaxes("droneci_secret", t, ["json", "env"])],
    falsePositives: ([t]) => [`DRONE_TOKEN=${t.slice(0, 20)}`, `DRONE_COMMIT=${t}`, `DRONE_SECRET_FILE=/run/secrets/drone`],
  }),
];
