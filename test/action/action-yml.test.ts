/**
 * action.yml against the contract: a composite action whose one step maps EVERY declared input into its
 * env as INPUT_<NAME> (composite steps get none by themselves) and whose outputs come from that step;
 * and the workflows that ship with it.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { INPUT_NAMES, inputVariable } from "../../src/action/inputs.js";

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id?: string; run?: string; shell?: string; env?: Record<string, string> }> };
}

const action = load(readFileSync("action.yml", "utf8")) as ActionYml;
const step = action.runs.steps[0]!;

describe("action.yml", () => {
  it("is a composite action with one step that runs the committed bundle with node", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps).toHaveLength(1);
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/dist/index.js"');
    expect(step.shell).toBe("bash");
  });

  it("declares the inputs of the contract, and the code reads exactly those", () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
  });

  it("maps every declared input in the step's env as INPUT_<NAME>, and nothing else", () => {
    const env = step.env ?? {};
    for (const name of Object.keys(action.inputs)) {
      expect(env[inputVariable(name)]).toBe(`\${{ inputs.${name} }}`);
    }
    expect(Object.keys(env).sort()).toEqual(Object.keys(action.inputs).map(inputVariable).sort());
  });

  it("wires every output through the step's outputs", () => {
    const names = ["findings", "secrets", "placeholders", "policy-violations", "claude-commits", "sarif-file", "audit-file"];
    expect(Object.keys(action.outputs).sort()).toEqual([...names].sort());
    for (const name of names) expect(action.outputs[name]?.value).toBe(`\${{ steps.${step.id}.outputs.${name} }}`);
  });
});

describe("the example workflow for users", () => {
  const workflow = load(readFileSync("docs/examples/claude-guard-workflow.yml", "utf8")) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown>; id?: string; if?: string }> }>;
  };
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it("runs on pull_request, with the least permissions and the whole history", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toEqual({ contents: "read", checks: "write", "security-events": "write" });
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with?.["fetch-depth"]).toBe(0);
  });

  it("uploads the Action's SARIF file, also when the scan failed the job", () => {
    const guard = steps.find((s) => s.uses?.includes("/claude-guard@"));
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(guard?.id).toBeDefined();
    expect(upload?.with?.["sarif_file"]).toBe(`\${{ steps.${guard?.id}.outputs.sarif-file }}`);
    expect(upload?.if).toContain("always()");
  });
});

describe("the project's CI workflow", () => {
  const ci = load(readFileSync(".github/workflows/ci.yml", "utf8")) as {
    jobs: Record<string, { strategy?: { matrix?: { node?: unknown[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
  };

  it("runs .ci/run, and a self-test that uses the Action from the repository", () => {
    expect(ci.jobs["ci"]?.steps.some((s) => s.run === "bash .ci/run")).toBe(true);
    const selfTest = ci.jobs["self-test"]?.steps ?? [];
    expect(selfTest.some((s) => s.uses === "./.claude-guard-action")).toBe(true);
  });

  it("runs .ci/run on Node 20 (the oldest engines allows) and on Node 24", () => {
    expect(ci.jobs["ci"]?.strategy?.matrix?.node).toEqual([20, 24]);
    const setup = ci.jobs["ci"]?.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["node-version"]).toBe("${{ matrix.node }}");
    const engines = (JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^>=20\./);
  });
});
