import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
// @ts-expect-error: a build script in plain JavaScript, with no types
import { assemble, moduleSource, WASM_MODULES } from "../scripts/build-wasm.mjs";

interface WasmSource {
  wat: string;
  module: string;
  name: string;
}

describe("the WebAssembly modules", () => {
  it.each(WASM_MODULES as WasmSource[])("$module is what its .wat source assembles to (run `npm run build:wasm` after changing it)", async (source) => {
    const bytes = (await assemble(source)) as Uint8Array;
    expect(readFileSync(new URL(`../${source.module}`, import.meta.url), "utf8")).toBe(moduleSource(source, bytes));
    // The module holds a WebAssembly binary (its magic number and version).
    expect([...bytes.subarray(0, 8)]).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
  });
});
