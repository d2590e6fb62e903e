/**
 * A bounded load test of the playground's server on loopback: many concurrent requests for the
 * page and its assets (and a few hostile paths), counting errors and watching the process's memory.
 *
 *   npx tsx scripts/load-test.ts [--seconds 5] [--concurrency 64]
 *
 * The server runs in this process on 127.0.0.1, port 0 (a free port); nothing leaves the machine.
 * `loadTest` is also what test/web/load.test.ts runs, bounded by a number of requests instead.
 */
import { readdirSync } from "node:fs";
import { Agent, request } from "node:http";
import { join, relative, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildPage, WEB_DIST } from "../src/cli/serve/build.ts";
import { startServer } from "../src/cli/serve/server.ts";

export interface LoadResult {
  requests: number;
  errors: number;
  /** Responses by status code. */
  statuses: Record<number, number>;
  seconds: number;
  /** Heap in use after a full collection, after a warm-up round and after the measured rounds (bytes). */
  heapBefore: number;
  heapAfter: number;
  rssBefore: number;
  rssAfter: number;
}

/** A full garbage collection, if the flag can be set at run time (it can in Node 20). */
function collect(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
}

/** The built files, as URL paths. */
function assetPaths(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.name.startsWith("."));
  return ["/", ...files.map((d) => "/" + relative(dir, join(d.parentPath, d.name)).split(sep).join("/"))];
}

const HOSTILE = ["/%00", "/%zz", "/..%2f..%2fpackage.json", "/..\\..\\package.json", "/%2e%2e/%2e%2e/etc/passwd"];

/**
 * Runs `rounds` rounds against a fresh server; each round either `requests` requests or, with
 * `seconds`, as many as fit in that time, `concurrency` at once. Round 0 is a warm-up.
 */
export async function loadTest(o: { requests?: number; seconds?: number; concurrency?: number; rounds?: number } = {}): Promise<LoadResult> {
  const concurrency = o.concurrency ?? 64;
  const rounds = o.rounds ?? 3;
  const server = await startServer(WEB_DIST, { port: 0, host: "127.0.0.1" });
  const { port } = new URL(server.url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const paths = [...assetPaths(WEB_DIST), ...HOSTILE];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let count = 0;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const req = request({ host: "127.0.0.1", port: Number(port), path, agent }, (res) => {
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        if ((res.statusCode ?? 500) >= 500) errors++;
        res.resume();
        res.on("end", resolve);
        res.on("error", () => (errors++, resolve()));
      });
      req.on("error", () => (errors++, resolve()));
      req.end();
    });
  const round = async () => {
    let issued = 0;
    const deadline = o.seconds ? performance.now() + o.seconds * 1000 : Infinity;
    const more = () => (o.seconds ? performance.now() < deadline : issued < (o.requests ?? 2000));
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (more()) {
          await one(paths[issued++ % paths.length]);
          count++;
        }
      }),
    );
  };
  const started = performance.now();
  let heapBefore = 0;
  let rssBefore = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      await round();
      if (r === 0) {
        collect();
        heapBefore = process.memoryUsage().heapUsed;
        rssBefore = process.memoryUsage().rss;
      }
    }
  } finally {
    agent.destroy();
    server.server.closeAllConnections();
    await server.close();
  }
  collect();
  const m = process.memoryUsage();
  return { requests: count, errors, statuses, seconds: (performance.now() - started) / 1000, heapBefore, heapAfter: m.heapUsed, rssBefore, rssAfter: m.rss };
}

if (process.argv[1]?.endsWith("load-test.ts")) {
  const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  await buildPage({ log: (l) => process.stderr.write(l + "\n") });
  const r = await loadTest({ seconds: arg("--seconds", 5), concurrency: arg("--concurrency", 64), rounds: 3 });
  const mb = (b: number) => (b / 2 ** 20).toFixed(1) + " MB";
  console.log(`${r.requests} requests in ${r.seconds.toFixed(1)} s (${Math.round(r.requests / r.seconds)}/s), ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`);
  console.log(`heap after warm-up ${mb(r.heapBefore)}, after the rest ${mb(r.heapAfter)}; rss ${mb(r.rssBefore)} → ${mb(r.rssAfter)}`);
}
