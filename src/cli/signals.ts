/**
 * Pipes and signals. A closed standard output (`glassbox predict … | head -1`) ends the output
 * quietly instead of crashing with EPIPE; the work itself goes on (a `--out` file is still written).
 */
let installed = false;

export function quietPipes(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") {
        // Nobody reads any more: drop whatever else would be written there.
        stream.write = (() => true) as typeof stream.write;
        return;
      }
      throw e;
    });
  }
}

let code = 0;

/** The exit code a command that finished without an error asks for (130 after Ctrl-C); read by run(). */
export function setExitCode(c: number): void {
  code = c;
}

export function takeExitCode(): number {
  const c = code;
  code = 0;
  return c;
}
