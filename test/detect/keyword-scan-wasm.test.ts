import { describe, expect, it } from "@jest/globals";
import { KEYWORD_SCAN_WASM } from "../../src/core/detect/keyword-scan-wasm.js";
// @ts-expect-error: a build script in plain JavaScript, with no types
import { assembleKeywordScan, moduleSource } from "../../scripts/build-wasm.mjs";

describe("the keyword scan's WebAssembly", () => {
  it("is what keyword-scan.wat assembles to (run `npm run build:wasm` after changing it)", async () => {
    const bytes = (await assembleKeywordScan()) as Uint8Array;
    expect([...KEYWORD_SCAN_WASM]).toEqual([...bytes]);
    // And the module file is written as the script writes it.
    expect(moduleSource(bytes)).toContain(`export const KEYWORD_SCAN_WASM = new Uint8Array([\n  ${[...bytes.subarray(0, 24)].join(", ")},`);
  });
});
