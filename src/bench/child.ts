/**
 * One child process run to its end, its output collected: the bench's peers (NumPy, TensorFlow.js),
 * its memory child and the user's path each run one, killed when it outlasts its time.
 */
import { spawn } from "node:child_process";

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin (closed after it); without it the child has no stdin. */
  input?: string;
  /** Past this the child is killed (SIGKILL) and `timedOut` is set. */
  timeoutMs: number;
}

export interface ChildOutput {
  /** The exit code, null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Wall time from the spawn to the child's end. */
  seconds: number;
}

/** Runs `command` to its end; fails only when it cannot be started. */
export function runChild(command: string, args: string[], options: ChildOptions): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, seconds: (performance.now() - start) / 1000 });
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}
