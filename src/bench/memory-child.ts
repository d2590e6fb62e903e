/**
 * Peak memory of training on many samples, measured in a process of its own:
 *   node --import tsx src/bench/memory-child.ts 100000
 * prints one line "RESULT {…}" with the peak resident set, the V8 heap and the WebAssembly memory.
 */
import { arena } from "../core/wasm/arena.ts";
import { samplesWorkload } from "./workloads.ts";
import { trainFor } from "./glassbox.ts";

const n = Number(process.argv[2] ?? 100000);
const baseline = process.resourceUsage().maxRSS * 1024;
const w = samplesWorkload(n);
const dataBytes = w.X.byteLength + w.Y.byteLength;
trainFor(w, 3);
const mem = arena();
const result = {
  samples: n,
  baselineRss: baseline,
  peakRss: process.resourceUsage().maxRSS * 1024,
  heapUsed: process.memoryUsage().heapUsed,
  arrayBuffers: process.memoryUsage().arrayBuffers,
  wasmMemory: mem ? mem.buffer.byteLength : 0,
  wasmPeakInUse: mem ? mem.peak : 0,
  dataBytes,
};
process.stdout.write("RESULT " + JSON.stringify(result) + "\n");
