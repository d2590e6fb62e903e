/**
 * Debian's Chromium driven by playwright-core, for tests and the page benchmark: the page served
 * from the real server on a free port, every console error and every request that leaves
 * 127.0.0.1 recorded.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { WEB_DIST } from "../../src/cli/serve/build.ts";
import { startServer, type RunningServer } from "../../src/cli/serve/server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Session {
  browser: Browser;
  server: RunningServer;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  const server = await startServer(WEB_DIST, { port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A test file's own browser session, opened before its tests and closed after them (each file
 * its own, so the files run in parallel); read it in a test as `session()`.
 */
export function useSession(): () => Session {
  let s: Session | undefined;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });
  return () => {
    if (!s) throw new Error("the browser session is not open (useSession() belongs at the top of a test file)");
    return s;
  };
}

export interface Watched {
  page: Page;
  errors: string[];
  offsite: string[];
}

export async function openPage(s: Session, hash = "", viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const context = await s.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  const origin = new URL(s.server.url).origin;
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")) offsite.push(u);
  });
  await page.goto(s.server.url + hash);
  await waitForEpoch(page, (e) => e >= 0);
  return { page, errors, offsite };
}

export async function epochOf(page: Page): Promise<number> {
  return Number(await page.getAttribute("[data-testid=epoch]", "data-epoch"));
}

/** Waits until the page has a trained network whose epoch counter satisfies `ok`. */
export async function waitForEpoch(page: Page, ok: (epoch: number) => boolean, timeout = 30_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    const ready = await page.getAttribute("[data-testid=loss-train]", "data-value").catch(() => null);
    const e = await epochOf(page).catch(() => NaN);
    if (ready !== null && Number.isFinite(e) && ok(e)) return e;
    if (Date.now() - start > timeout) throw new Error(`epoch counter stuck at ${e}`);
    await page.waitForTimeout(50);
  }
}

export async function lossOf(page: Page, which: "train" | "test"): Promise<number> {
  return Number(await page.getAttribute(`[data-testid=loss-${which}]`, "data-value"));
}

/** Presses pause and waits until the counter shows the epoch training stopped at; returns it. */
export async function pauseAndSettle(page: Page, how: "click" | "space" = "click"): Promise<number> {
  if (how === "click") await page.click("[data-testid=play]");
  else await page.keyboard.press("Space");
  await page.waitForFunction(() => {
    const at = document.querySelector("[data-testid=play]")?.getAttribute("data-paused-at");
    return at !== null && at !== undefined && at === document.querySelector("[data-testid=epoch]")?.getAttribute("data-epoch");
  });
  return epochOf(page);
}

/** Ends a page's test: no console errors, no request off the server, and its context closed. */
export async function clean(w: Watched): Promise<void> {
  expect(w.errors).toEqual([]);
  expect(w.offsite).toEqual([]);
  await w.page.context().close();
}
