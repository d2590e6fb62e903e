/** The server under many concurrent requests on loopback: no errors, memory not growing (scripts/load-test.ts). */
import { describe, expect, it } from "vitest";
import { loadTest } from "../../scripts/load-test.ts";
import { hostWarning, isLoopback } from "../../src/cli/commands/serve.ts";

describe("glassbox serve under load", () => {
  it("answers every request without a 5xx or a dropped connection, and its heap does not grow", async () => {
    const r = await loadTest({ requests: 1500, concurrency: 48, rounds: 3 });
    expect(r.errors).toBe(0);
    expect(r.requests).toBe(4500);
    expect(r.statuses[200]).toBeGreaterThanOrEqual(2000); // half the paths are the built files, half hostile (404)
    // Two more rounds after the warm-up: what they leave behind is noise, not a leak per request.
    expect(r.heapAfter - r.heapBefore).toBeLessThan(8 * 2 ** 20);
  }, 120_000);
});

describe("glassbox serve --host", () => {
  it("warns when told to listen beyond loopback, and only then", () => {
    for (const h of [undefined, "127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]) expect(hostWarning(h), String(h)).toBeNull();
    expect(hostWarning("0.0.0.0")).toMatch(/^glassbox: warning: --host 0\.0\.0\.0 \(every network interface\): the playground is reachable from other machines/);
    expect(hostWarning("192.168.1.5")).toMatch(/Leave out --host to serve on 127\.0\.0\.1 only/);
    expect(isLoopback("10.0.0.1")).toBe(false);
  });
});
