/**
 * The engine in a browser's Web Worker (Debian's Chromium): on a cross-origin-isolated page
 * (COOP/COEP headers) a second thread, a nested worker on the same shared WebAssembly memory,
 * takes its share of the kernels; without those headers there is one thread. Both give the bits
 * of the plain TypeScript kernels in the same browser. (Not necessarily Node's: the browser's
 * Math functions may round differently in the last bit.)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openChromium } from "../chromium.ts";

interface Result {
  error?: string;
  isolated: boolean;
  shared: boolean | null;
  helper: boolean;
  stats: { helped: number; takenBack: number } | null;
  /** How many more times the two threads trained before the helper ran a task, and whether each gave the first run's bits. */
  again: number;
  sameEachTime: boolean;
  two: string;
  one: string;
  plain: string;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>engine</title>
<script type="module">
  const w = new Worker("/main.js", { type: "module" });
  w.addEventListener("message", (e) => { window.result = e.data; });
  w.addEventListener("error", (e) => { window.result = { error: "worker error: " + e.message }; });
  w.postMessage("go");
</script>`;

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [join(import.meta.dirname, entry)], bundle: true, write: false, platform: "browser", format: "esm", logLevel: "silent" });
  return out.outputFiles[0].text;
}

describe.skipIf(!hasChromium())("the engine in a browser's Web Worker", () => {
  let server: Server;
  let origin = "";
  let browser: Browser;

  beforeAll(async () => {
    const files: Record<string, [string, string]> = {
      "/": ["text/html", PAGE],
      "/main.js": ["text/javascript", await bundle("engine-browser.worker.ts")],
      "/helper.js": ["text/javascript", await bundle("../../src/core/wasm/helper-worker.ts")],
    };
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const file = files[url.pathname];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      // The page at /?isolated (and its worker) gets COOP/COEP, as `glassbox serve` sends them; the
      // page at / does not (no SharedArrayBuffer there). Worker scripts always carry COEP, which a
      // worker of an isolated page needs (the nested worker's referrer is its parent's script).
      const isolated = (req.headers.referer ?? req.url ?? "").includes("isolated") || req.headers["sec-fetch-dest"] === "worker";
      const headers: Record<string, string> = { "Content-Type": file[0] };
      if (isolated) Object.assign(headers, { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cross-Origin-Resource-Policy": "same-origin" });
      res.writeHead(200, headers).end(file[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await openChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function run(path: string): Promise<Result> {
    const page = await browser.newPage();
    try {
      await page.goto(origin + path);
      await page.waitForFunction(() => (window as { result?: unknown }).result !== undefined, undefined, { timeout: 60_000 });
      const result = (await page.evaluate(() => (window as unknown as { result: Result }).result)) as Result;
      expect(result.error).toBeUndefined();
      return result;
    } finally {
      await page.close();
    }
  }

  /** Where two results first differ (short, unlike the strings themselves). */
  function same(a: string, b: string, what: string): void {
    const x = a.split(",");
    const y = b.split(",");
    const at = x.findIndex((v, i) => v !== y[i]);
    expect({ what, length: x.length, firstDifference: at === -1 && x.length === y.length ? null : [at, x[at], y[at]] }).toEqual({ what, length: y.length, firstDifference: null });
  }

  it("runs two threads on a cross-origin-isolated page, with the bits of one thread and of the plain kernels", async () => {
    const r = await run("/?isolated");
    expect(r.isolated).toBe(true);
    expect(r.shared).toBe(true);
    expect(r.helper).toBe(true);
    expect(r.stats!.helped + r.stats!.takenBack).toBeGreaterThan(0);
    expect(r.stats!.helped).toBeGreaterThan(0); // the nested worker ran tasks
    expect(r.sameEachTime).toBe(true);
    same(r.two, r.plain, "two threads, plain kernels");
    same(r.one, r.plain, "one thread, plain kernels");
  });

  it("runs one thread on a page without those headers, with the same bits", async () => {
    const r = await run("/");
    expect(r.isolated).toBe(false);
    expect(r.shared).toBe(false);
    expect(r.helper).toBe(false);
    same(r.two, r.plain, "fast kernels, plain kernels");
    same(r.one, r.plain, "one thread, plain kernels");
  });
});
