/** A worker thread: builds the same scanner as the main thread and scans the batches it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { prepareScan, type ScanInputs } from "../core/setup.js";
import { scanFileBatch } from "./file-scan.js";
import type { FileEntry } from "./walk.js";

const setup = prepareScan(workerData as ScanInputs);
const port = parentPort;
if (!port) throw new Error("scan-worker must run as a worker thread");
port.on("message", (batch: FileEntry[]) => {
  try {
    port.postMessage({ ok: true, result: scanFileBatch(setup, batch) });
  } catch (error) {
    port.postMessage({ ok: false, error: (error as Error).message });
  }
});
port.postMessage({ ready: true });
