/**
 * Debian's Chromium driven by playwright-core, for tests and the page benchmark: the page served
 * from the real server on a free port, every console error and every request that leaves
 * 127.0.0.1 recorded.
 */
import type { Browser, BrowserContext, ConsoleMessage, Download, Page, Request } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { WEB_DIST } from "../../src/cli/serve/build.ts";
import { startServer, type RunningServer } from "../../src/cli/serve/server.ts";
import { openChromium } from "../chromium.ts";

/** The viewport a page opens with unless a test asks for another. */
export const DESKTOP = { width: 1280, height: 800 };

export interface Session {
  browser: Browser;
  /**
   * One browser context for the file's pages (a context costs as much Chromium time as the page
   * it holds). Pages stay independent in it: sessionStorage, the only storage the page keeps, is
   * each page's own. A test that needs other context options (a locale) makes its own context.
   */
  context: BrowserContext;
  server: RunningServer;
  /** The page the last finished test gave back (clean), for the next openPage. */
  spare: Page | null;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const server = await startServer(WEB_DIST, { port: 0 });
  const browser = await openChromium();
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  return {
    browser,
    context,
    server,
    spare: null,
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
  /** Stops watching and gives the page back to the session for the next test (clean calls it). */
  release(): void;
}

/**
 * The page at the page's address + `hash`, watched, once its first epoch is drawn: a new document
 * in the tab the last finished test gave back (or a new tab), as a new tab would show it: its
 * sessionStorage (the only storage the page keeps) emptied first, then loaded afresh at the link.
 * (A new tab cost Chromium about four times as much as loading the page again in one.)
 */
export async function openPage(s: Session, hash = "", viewport = DESKTOP): Promise<Watched> {
  const spare = s.spare;
  s.spare = null;
  const reused = spare !== null && !spare.isClosed() && spare.url().startsWith(s.server.url);
  const page = reused ? spare : await s.context.newPage();
  const size = page.viewportSize();
  if (size?.width !== viewport.width || size?.height !== viewport.height) await page.setViewportSize(viewport);
  const errors: string[] = [];
  const offsite: string[] = [];
  const origin = new URL(s.server.url).origin;
  const onConsole = (m: ConsoleMessage): void => {
    if (m.type() === "error") errors.push(m.text());
  };
  const onError = (e: Error): void => void errors.push(String(e));
  const onRequest = (r: Request): void => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")) offsite.push(u);
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("request", onRequest);
  if (reused) {
    // The link set without a navigation (going to a link that differs only after "#" would not load the page again), then loaded.
    await page.evaluate((url) => {
      sessionStorage.clear();
      history.replaceState(null, "", url);
    }, s.server.url + hash);
    await page.reload();
  } else await page.goto(s.server.url + hash);
  await waitForEpoch(page, ">=", 0);
  const release = (): void => {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("request", onRequest);
    if (!page.isClosed()) s.spare = page;
  };
  return { page, errors, offsite, release };
}

/**
 * Gives an open page a new link (`hash`, "#…" or ""), as a user editing the address does, and
 * waits until it has drawn the first epoch of that set-up: the page restarts on hashchange with
 * what the link says, as it would open with it (a new page costs several times as much).
 */
export async function showLink(page: Page, hash: string): Promise<void> {
  const changed = await page.evaluate(
    (h) =>
      new Promise<boolean>((resolve) => {
        if (`#${location.hash.slice(1)}` === `#${h.replace(/^#/, "")}`) return resolve(false);
        // The page's own hashchange listener (added at start-up) has run by the time this one does.
        window.addEventListener("hashchange", () => resolve(true), { once: true });
        location.hash = h;
      }),
    hash,
  );
  if (!changed) throw new Error(`the page already shows ${hash || "the default link"}`);
  await waitForEpoch(page, "=", 0);
}

export async function epochOf(page: Page): Promise<number> {
  return Number(await page.getAttribute("[data-testid=epoch]", "data-epoch"));
}

/**
 * Waits until the page has a trained network (a training loss shown) whose epoch counter is
 * `op` `n`; returns the epoch. The page checks at each display frame and answers once it holds.
 */
export async function waitForEpoch(page: Page, op: "=" | ">" | ">=", n: number, timeout = 30_000): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      ([op, n]) => {
        const ready = document.querySelector("[data-testid=loss-train]")?.getAttribute("data-value");
        const e = Number(document.querySelector("[data-testid=epoch]")?.getAttribute("data-epoch") ?? NaN);
        const ok = op === "=" ? e === n : op === ">" ? e > n : e >= n;
        return ready !== null && ready !== undefined && Number.isFinite(e) && ok ? { e } : null;
      },
      [op, n] as const,
      { timeout },
    );
    return ((await handle.jsonValue()) as { e: number }).e;
  } catch (e) {
    const at = await page.evaluate(() => document.querySelector("[data-testid=epoch]")?.getAttribute("data-epoch")).catch(() => "?");
    throw new Error(`epoch counter stuck at ${at} (waiting for epoch ${op} ${n}): ${(e as Error).message.split("\n")[0]}`);
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

/** Ends a page's test: no console errors, no request off the server; the page goes back to the session for the next test. */
export async function clean(w: Watched): Promise<void> {
  expect(w.errors).toEqual([]);
  expect(w.offsite).toEqual([]);
  w.release();
}

/** A download's bytes (read from its stream: over a connection to the shared browser there is no local file). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
