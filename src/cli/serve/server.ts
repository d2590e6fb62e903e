/**
 * The playground's HTTP server: the built page and nothing else, on 127.0.0.1 by default.
 * sirv serves the files (it rejects traversal and malformed paths); every response carries
 * COOP/COEP, so the page is cross-origin isolated (SharedArrayBuffer for the engine's memory),
 * and a Content-Security-Policy that lets nothing load from anywhere but this server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export const DEFAULT_PORT = 5180;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Content-Security-Policy": [
    "default-src 'self'",
    // The engine compiles its WebAssembly kernels at run time.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function startServer(dir: string, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const files = sirv(dir, {
    dev: false,
    etag: true,
    setHeaders: (res) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    },
  });
  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("method not allowed\n");
      return;
    }
    try {
      files(req, res, () => {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      });
    } catch {
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain" });
      res.end("bad request\n");
    }
  });
  // A client that sends garbage must not take the server down.
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(":") ? `[${host}]` : host;
      resolvePromise({
        server,
        url: `http://${shown}:${port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
