import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/datadog.js";

const apiKey = rules.find((r) => r.id === "datadog-api-key")!;
const secretsOf = (line: string): string[] => runRule(apiKey, line).map((m) => m.secret);

describe("Datadog API keys need the provider name on the value's own setting", () => {
  it("a 32-hex value elsewhere on a datadog line is not a key", () => {
    const hex = fake.hex(32, "dd-edge");
    expect(secretsOf(`commit_sha = "${hex}"  # datadog`)).toEqual([]);
    expect(secretsOf(`DD_API_KEY="${hex}"`)).toEqual([hex]);
    // Case-insensitive context.
    expect(secretsOf(`datadogApiKey: '${hex}'`)).toEqual([hex]);
  });

  it("a key embedded in a longer value is not reported", () => {
    expect(secretsOf(`DD_API_KEY=${fake.hex(32, "dd-x")}abc`)).toEqual([]);
  });
});
