/** The playground's server: only the built files, the isolation and CSP headers, and no crash on hostile paths. */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../src/cli/serve/build.ts";
import { startServer, type RunningServer } from "../../src/cli/serve/server.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(WEB_DIST, { port: 0 });
});
afterAll(async () => {
  await server?.close();
});

/** A raw GET (node's http sends the path as written, so malformed paths reach the server). */
function get(path: string, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: Number(port), path, method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("glassbox serve", () => {
  it("binds 127.0.0.1 and serves the page with isolation and a content security policy", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get("/");
    expect(r.status).toBe(200);
    expect(r.body).toContain("<title>Glassbox playground</title>");
    expect(r.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(r.headers["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(r.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(r.headers["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  });

  it("answers hostile and malformed paths without crashing or leaving the build folder", async () => {
    const probes = ["/%00", "/%zz", "/..%2f..%2fpackage.json", "/%2e%2e/%2e%2e/package.json", "/../package.json", "/..\\..\\package.json", "//etc/passwd", "/index.html%00.js", "/%c0%ae%c0%ae/package.json", "/" + "a".repeat(5000), "/src/web/main.ts", "/.build-stamp/.."];
    for (const p of probes) {
      const r = await get(p);
      expect(r.status, p).toBeGreaterThanOrEqual(200);
      expect(r.status, p).toBeLessThan(500);
      expect(r.body, p).not.toMatch(/"name": "glassbox"|root:x:0/);
    }
    expect((await get("/", "POST")).status).toBe(405);
    // Still serving.
    expect((await get("/")).status).toBe(200);
  });
});
