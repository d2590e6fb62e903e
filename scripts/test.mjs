// `npm test`: the type check (tsc --noEmit, incremental) and the tests (vitest run) at the same time. Each
// starts on about one core (tsc, and vitest's page build before its workers), so run one after
// the other they leave a core idle. Arguments go to vitest (`npm test -- test/nn`). The type
// check's report is printed once the tests end, so the two never interleave; the exit status is
// non-zero when either fails.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const binOf = (pkg, name) => join(dirname(require.resolve(`${pkg}/package.json`)), require(`${pkg}/package.json`).bin[name]);

/** Runs `node script ...args`; resolves to its exit status (and its output when not inherited). */
function run(script, args, inherit) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", (e) => resolve({ status: 1, output: `${output}${e.message}\n` }));
    child.on("close", (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output }));
  });
}

// Incremental: a run after the first re-checks only what changed (about 12 -> 4 CPU-s when
// nothing did); the record lives in node_modules/.cache, so \`npm ci\` starts it afresh.
const typecheck = run(binOf("typescript", "tsc"), ["--noEmit", "--incremental", "--tsBuildInfoFile", "node_modules/.cache/glassbox/tsc.tsbuildinfo"], false);
const tests = await run(binOf("vitest", "vitest"), ["run", ...process.argv.slice(2)], true);
const types = await typecheck;
if (types.status === 0) console.log("type check (tsc --noEmit): no errors");
else process.stdout.write(`type check (tsc --noEmit) failed:\n${types.output}`);
process.exitCode = tests.status || types.status;
