/** `glassbox serve`: build the playground if needed, serve it on 127.0.0.1 until Ctrl-C. */
import { UserError } from "../../core/errors.ts";
import { buildPage, WEB_DIST } from "../serve/build.ts";
import { DEFAULT_PORT, startServer } from "../serve/server.ts";

export async function serveCommand(flags: { port?: number; host?: string }): Promise<void> {
  await buildPage({ log: (line) => process.stderr.write(`${line}\n`) });
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
