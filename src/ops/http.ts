import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";

// The process's one HTTP port: the operations endpoints (/healthz, /readyz, /metrics) and, in
// Slack's HTTP mode, Bolt's receiver (/slack/events), mounted behind them. While the process
// stops, Slack's requests are answered 503 (Slack tries again later) and /readyz says so.

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** The port listened on (the one asked for, or the one chosen for port 0). */
  readonly port: number;
  readonly url: string;
  /** Answers GET `path` with `handler`. */
  get(path: string, handler: RouteHandler): void;
  /** Where every other request goes (Bolt's receiver); 404 without one. */
  mount(listener: RequestListener): void;
  /** Whether the process has begun to stop. */
  readonly stopping: boolean;
  /** Takes no more work: mounted requests are answered 503 from now on. */
  stopTaking(): void;
  close(): Promise<void>;
}

export async function startHttpServer(options: { port: number; host: string; log: Logger }): Promise<HttpServer> {
  const { log } = options;
  const routes = new Map<string, RouteHandler>();
  let mounted: RequestListener | undefined;
  let stopping = false;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = req.method === "GET" || req.method === "HEAD" ? routes.get(path) : undefined;
    try {
      if (route) {
        Promise.resolve(route(req, res)).catch((error: unknown) => failed(res, error));
      } else if (mounted && stopping) {
        res.writeHead(503, { "retry-after": "30" }).end();
      } else if (mounted) {
        mounted(req, res);
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      failed(res, error);
    }
  });
  const failed = (res: ServerResponse, error: unknown) => {
    log.error({ err: error }, "HTTP request failed");
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  log.info({ port, host: options.host }, "HTTP listening");
  return {
    port,
    url: `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}`,
    get: (path, handler) => void routes.set(path, handler),
    mount(listener) {
      mounted = listener;
    },
    get stopping() {
      return stopping;
    },
    stopTaking() {
      stopping = true;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}
