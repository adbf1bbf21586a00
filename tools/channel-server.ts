// A static server for a sync channel on 127.0.0.1: what `npm run dataset:serve`
// runs, and what the browser tests start (with `intercept` to play a broken
// server). CORS is open because the extension's service worker fetches the
// channel cross-origin without a host permission; any real host must do the same.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export interface ChannelServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface ChannelServerOptions {
  port?: number;
  /** Return true after answering a request yourself (fault injection in tests). */
  intercept?(path: string, req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>;
  log?(line: string): void;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
};

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'cache-control, if-none-match, if-modified-since',
};

export async function startChannelServer(dir: string, o: ChannelServerOptions = {}): Promise<ChannelServer> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    o.log?.(`${req.method} ${path}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (o.intercept && (await o.intercept(path, req, res))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, CORS_HEADERS).end();
      return;
    }
    const file = normalize(join(root, path === '/' ? 'manifest.json' : path));
    if (!file.startsWith(`${root}/`)) {
      res.writeHead(403, CORS_HEADERS).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        ...CORS_HEADERS,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.byteLength,
        // The manifest changes on every publish; record files are named by version and never change.
        'cache-control': file.endsWith('manifest.json') ? 'no-cache' : 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...CORS_HEADERS, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
