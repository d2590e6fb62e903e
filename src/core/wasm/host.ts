/**
 * What the engine can do only where its host provides it — a helper thread in Node, V8 flags —
 * handed in by the host's entry point (src/node-engine.ts, installed by the Node library entry
 * and the command line) rather than looked up from here: this layer runs in browsers too and names
 * nothing of Node (test/architecture.test.ts checks that, strings included). Without them the
 * kernels run on the calling thread, with the same bits. (A page's helper thread is started by
 * the page's worker: ./engine.ts `startHelperThread`.)
 */

/** How the caller reaches its helper thread, besides the control block (./team.ts). */
export interface HelperTransport {
  post(message: unknown): void;
  /** The helper's last error message, where it can be read synchronously. */
  error(): string | undefined;
  stop(): void;
}

export interface HostCapabilities {
  /**
   * Starts a thread serving the control block at byte `control` of the shared `memory` (the
   * protocol of ./team.ts), spinning `spin` iterations before it sleeps; null if it cannot.
   */
  startHelperThread?(memory: unknown, control: number, spin: number): HelperTransport | null;
  /** Processors this process may use (a helper thread pays only with two or more). */
  parallelism?(): number;
  /** Sets the JavaScript engine's flags before compiling (V8's relaxed SIMD on Node 20). */
  setEngineFlags?(flags: string): void;
}

let host: HostCapabilities = {};

/** Adds capabilities (the host's entry point calls it once, before any engine runs). */
export function provideHostCapabilities(capabilities: HostCapabilities): void {
  host = { ...host, ...capabilities };
}

export function hostCapabilities(): HostCapabilities {
  return host;
}
