/**
 * One Chromium for the whole test run: the global set-up launches it as a server and every test
 * file connects to it, each with its own browser contexts (a launch and shutdown cost about
 * 1.7 CPU-s, once per file before). A process not started by vitest (the page benchmark)
 * launches its own.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserServer } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"];

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket address, or "" when there is none (no Chromium installed). */
    chromiumEndpoint: string;
  }
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** The shared browser server, for the global set-up; null when Chromium is not installed. */
export async function launchChromiumServer(): Promise<BrowserServer | null> {
  if (!hasChromium()) return null;
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

function sharedEndpoint(): string {
  try {
    return inject("chromiumEndpoint") ?? "";
  } catch {
    return ""; // outside a vitest worker
  }
}

/**
 * A connection to the run's shared Chromium, or a browser of its own outside vitest. Closing it
 * closes only what this file opened (a connection's close leaves the shared browser running).
 */
export async function openChromium(): Promise<Browser> {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  const endpoint = sharedEndpoint();
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
