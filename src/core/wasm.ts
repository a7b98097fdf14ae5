/**
 * The WebAssembly loops' common part: their modules, compiled once a thread, and the little of the
 * WebAssembly API they use (the ES2022 library has no types for it).
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** A loop's memory, as its caller reads and grows it. Growing detaches the old buffer: views are made again. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

const WASM_PAGE = 65536;

/** Grows `memory` to at least `size` bytes. */
export function reserve(memory: WasmMemory, size: number): void {
  const current = memory.buffer.byteLength;
  if (size > current) memory.grow(Math.ceil((size - current) / WASM_PAGE));
}

const compiled = new WeakMap<Uint8Array, object>();

/**
 * A new instance, with its own memory, of the module `bytes` holds. `job` says what needs it, for the error
 * when it cannot run: this Node.js has no WebAssembly (it is off under --jitless), or the machine is
 * big-endian (WebAssembly's memory is little-endian, and callers read it through typed arrays).
 */
export function instantiate<Exports>(bytes: Uint8Array, job: string): Exports {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!wasm) throw new Error(`${job} needs WebAssembly, which this Node.js has switched off (it is under --jitless): run claude-guard without that flag.`);
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error(`${job} needs a little-endian machine.`);
  let module = compiled.get(bytes);
  if (!module) compiled.set(bytes, (module = new wasm.Module(bytes)));
  return new wasm.Instance(module, {}).exports as Exports;
}
