/** `glassbox serve`: build the playground if needed, serve it on 127.0.0.1 until Ctrl-C. */
import { UserError } from "../../core/errors.ts";
import { buildPage, WEB_DIST } from "../serve/build.ts";
import { LINE_INTERVAL_MS } from "../progress.ts";
import { DEFAULT_PORT, startServer } from "../serve/server.ts";

export async function serveCommand(flags: { port?: number; host?: string }): Promise<void> {
  // A build takes tens of seconds: piped (no terminal to watch), say every few seconds that it goes on.
  let ticker: ReturnType<typeof setInterval> | undefined;
  const started = performance.now();
  try {
    await buildPage({
      log: (line) => {
        process.stderr.write(`${line}\n`);
        if (!process.stderr.isTTY && ticker === undefined) {
          ticker = setInterval(() => process.stderr.write(`still building the page, ${((performance.now() - started) / 1000).toFixed(0)} s\n`), LINE_INTERVAL_MS);
        }
      },
    });
  } finally {
    clearInterval(ticker);
  }
  const port = flags.port ?? DEFAULT_PORT;
  let running;
  try {
    running = await startServer(WEB_DIST, { port, host: flags.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UserError(`port ${port} is in use (another glassbox serve?); pass --port N to use another`);
    if (code === "EACCES") throw new UserError(`not allowed to listen on port ${port}; pass --port N with N above 1023`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UserError(`--host ${flags.host}: not an address of this machine`);
    throw e;
  }
  process.stdout.write(`Glassbox playground: ${running.url}  (Ctrl-C to stop)\n`);
  const warning = hostWarning(flags.host);
  if (warning) process.stderr.write(`${warning}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      running.close().then(resolve);
      // Open keep-alive connections must not hold the process.
      running.server.closeAllConnections();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** Loopback addresses: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** The warning `serve` prints when told to listen beyond this machine; null for loopback. */
export function hostWarning(host: string | undefined): string | null {
  if (host === undefined || isLoopback(host)) return null;
  const everywhere = host === "0.0.0.0" || host === "::" ? " (every network interface)" : "";
  return `glassbox: warning: --host ${host}${everywhere}: the playground is reachable from other machines on the network, not only this one; it has no login. Leave out --host to serve on 127.0.0.1 only.`;
}
