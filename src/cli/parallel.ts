/**
 * Whole-file scanning spread over the main thread and worker threads. Workers start during the folder
 * walk, as soon as it has listed enough text to share, so that their start-up (loading the rules)
 * overlaps the rest of the walk; small scans never start one. Files go out in batches of about the same
 * size to whichever thread is free.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as WorkerThreads from "node:worker_threads";
import { DEFAULT_MAX_FILE_BYTES } from "../core/detect/skip.js";
import type { ScanInputs, ScanSetup } from "../core/setup.js";
import type { SkippedFile } from "../core/types.js";
import { emptyResult, mergeResult, scanFileBatch, type FileBatchResult } from "./file-scan.js";
import { listFiles, type FileEntry, type WalkExclusion } from "./walk.js";

/**
 * Below this much text the main thread alone is faster than handing work out. A file is never split, so
 * the largest one listed does not count: a folder of one 5 MB file and little else has nothing to share.
 */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
const BATCH_BYTES = 64 * 1024;
const BATCH_FILES = 64;

/** Set by scripts/build-bundles.mjs in the bundled CLI: its own worker bundle. */
declare const CLAUDE_GUARD_WORKER: string | undefined;

interface WorkerMessage {
  ready?: true;
  ok?: boolean;
  result?: FileBatchResult;
  error?: string;
}

/**
 * node:worker_threads, loaded when a pool starts: most scans start none, and loading it costs every
 * run ~1.5 ms of CPU.
 */
const workerThreads = (): typeof WorkerThreads => createRequire(import.meta.url)("node:worker_threads") as typeof WorkerThreads;

class WorkerPool {
  private readonly workers: Array<{ worker: WorkerThreads.Worker; ready: boolean; inFlight: number }> = [];
  private onMessage: (index: number, message: WorkerMessage) => void = () => {};
  private failure: Error | undefined;

  constructor(inputs: ScanInputs, size: number) {
    const { Worker } = workerThreads();
    for (let i = 0; i < size; i++) {
      const worker = typeof CLAUDE_GUARD_WORKER === "string" ? bundledWorker(Worker, CLAUDE_GUARD_WORKER, inputs) : new Worker(new URL("./scan-worker.js", import.meta.url), { workerData: inputs });
      const slot = { worker, ready: false, inFlight: 0 };
      worker.on("message", (message: WorkerMessage) => {
        if (message.ready) slot.ready = true;
        this.onMessage(i, message);
      });
      worker.on("error", (error) => {
        this.failure = error;
        this.onMessage(i, { ok: false, error: error.message });
      });
      this.workers.push(slot);
    }
  }


  async run(setup: ScanSetup, entries: readonly FileEntry[]): Promise<FileBatchResult> {
    const queue = batches(entries);
    const result = emptyResult();
    let outstanding = 0;
    let wake: (() => void) | undefined;
    const feed = (index: number) => {
      const slot = this.workers[index];
      while (slot && slot.ready && slot.inFlight < 2 && queue.length > 0) {
        slot.worker.postMessage(queue.shift());
        slot.inFlight++;
        outstanding++;
      }
    };
    this.onMessage = (index, message) => {
      const slot = this.workers[index];
      if (!slot) return;
      if (message.ok === false) this.failure ??= new Error(`a scan worker failed: ${message.error ?? "unknown error"}`);
      if (message.result) {
        mergeResult(result, message.result);
        slot.inFlight--;
        outstanding--;
      }
      feed(index);
      wake?.();
    };
    this.workers.forEach((_, i) => feed(i));
    // The main thread scans too, a batch at a time, yielding between batches so workers get fed.
    while (queue.length > 0) {
      const batch = queue.shift() as FileEntry[];
      mergeResult(result, scanFileBatch(setup, batch));
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failure) throw this.failure;
    }
    while (outstanding > 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * The bundled worker, run as the CLI's bundle is (bin/claude-guard.js): through V8's code cache, by the
 * CommonJS build of code-cache.ts (required, it starts no ES module loader). The cache is written after
 * the worker's first batch, so that it holds the scan's functions, not only the set-up's. The loader is
 * told it runs in a worker thread: the other workers load theirs at the same moment.
 */
function bundledWorker(Worker: typeof WorkerThreads.Worker, bundle: string, inputs: ScanInputs): WorkerThreads.Worker {
  const loader = JSON.stringify(fileURLToPath(new URL("./code-cache.cjs", import.meta.url)));
  const file = JSON.stringify(fileURLToPath(new URL(bundle, import.meta.url)));
  const code = `const loaded = require(${loader}).loadBundle(${file}, process.env, true); require("node:worker_threads").parentPort.once("message", () => loaded.save());`;
  return new Worker(code, { eval: true, workerData: inputs });
}

function batches(entries: readonly FileEntry[]): FileEntry[][] {
  const out: FileEntry[][] = [];
  let current: FileEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    current.push(entry);
    bytes += entry.size;
    if (bytes >= BATCH_BYTES || current.length >= BATCH_FILES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Worker threads worth starting on this machine (the main thread scans too). */
function workerCount(): number {
  return Math.max(0, Math.min(availableParallelism(), 8) - 1);
}

/**
 * Lists the files under `paths` and scans them: the walk and the scan of `claude-guard scan` and of
 * the policy checks. Worker threads (with `parallel`) start once the walk has listed enough text.
 */
export async function scanPaths(
  setup: ScanSetup,
  inputs: ScanInputs,
  paths: readonly string[],
  root: string,
  parallel: boolean,
  /** What the walk leaves out besides the config's and ignore file's paths (`.gitignore`). */
  exclusion?: WalkExclusion,
): Promise<{ files: FileEntry[]; skipped: SkippedFile[]; result: FileBatchResult }> {
  const workers = parallel ? workerCount() : 0;
  let pool: WorkerPool | undefined;
  let listedBytes = 0;
  let largest = 0;
  const onListed = (entry: FileEntry) => {
    listedBytes += entry.size;
    largest = Math.max(largest, entry.size);
    if (!pool && workers > 0 && listedBytes - largest >= PARALLEL_MIN_BYTES) pool = new WorkerPool(inputs, workers);
  };
  try {
    const listed = listFiles(paths, root, setup, DEFAULT_MAX_FILE_BYTES, onListed, exclusion);
    const result = pool ? await pool.run(setup, listed.files) : scanFileBatch(setup, listed.files);
    // Threads finish in any order: sort so the report is the same run after run.
    result.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    result.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { ...listed, result };
  } finally {
    await pool?.close();
  }
}
