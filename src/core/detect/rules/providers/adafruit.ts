/**
 * Adafruit credentials: IO key.
 * Formats from the provider's documentation: https://io.adafruit.com/api/docs/#authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "adafruit-io-key",
    title: "Adafruit IO key",
    provider: "Adafruit",
    severity: "medium",
    keywords: ["aio_"],
    owns: { prefixes: ["aio_"] },
    regex: /(?<![\w-])(?<secret>aio_[A-Za-z0-9]{28})(?![\w-])/,
    docs: "https://io.adafruit.com/api/docs/#authentication",
    remediation: "Regenerate the key on io.adafruit.com (My Key > Regenerate) and keep it out of firmware sources and repositories.",
    samples: () => ["aio_" + fake.alnum(28, "aio-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("adafruit_io_key", t), ...withValue(t, '#define IO_KEY "%s"')],
    falsePositives: () => ["aio_" + fake.alnum(16, "aio-short"), "radio_" + fake.alnum(28, "aio-embedded")],
  }),
];
