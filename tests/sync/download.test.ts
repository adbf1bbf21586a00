// Downloads against a real HTTP server on 127.0.0.1 playing each bad network.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, sha256Hex } from '../../lib/sync/download.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import type { ChannelServer } from '../../tools/channel-server.ts';
import { FakeOnline, realTimers, removeTempDirs, serve, tempDir } from './helpers.ts';

const BODY = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
let server: ChannelServer;
const online = new FakeOnline();
const ports = { fetch: (u: string, i: RequestInit) => fetch(u, i), timers: realTimers, online };

beforeAll(async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'file.bin'), BODY);
  server = await serve(dir, {
    intercept(path, _req, res) {
      switch (path) {
        case '/stall-headers':
          return true; // never answers
        case '/stall-body':
          res.writeHead(200, { 'content-length': String(BODY.length) });
          res.write(BODY.subarray(0, 1000)); // then nothing
          return true;
        case '/short':
          res.writeHead(200);
          res.end(BODY.subarray(0, 5000));
          return true;
        case '/cut':
          // Promises the whole file, sends a part, hangs up.
          res.writeHead(200, { 'content-length': String(BODY.length) });
          res.write(BODY.subarray(0, 5000), () => res.destroy());
          return true;
        case '/endless':
          res.writeHead(200);
          {
            const chunk = new Uint8Array(64 * 1024);
            const pump = () => {
              while (res.write(chunk)) {}
              res.once('drain', pump);
            };
            res.on('close', () => res.removeAllListeners('drain'));
            pump();
          }
          return true;
        case '/big-announced':
          res.writeHead(200, { 'content-length': String(10_000_000) });
          res.write(BODY.subarray(0, 10));
          return true;
        case '/500':
          res.writeHead(500).end('boom');
          return true;
        default:
          return false;
      }
    },
  });
});

afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

async function failure(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SyncError) return err;
    throw err;
  }
  throw new Error('expected the download to fail');
}

describe('download', () => {
  it('returns the bytes and their SHA-256, reporting progress', async () => {
    const seen: number[] = [];
    const got = await download(ports, {
      url: `${server.url}/file.bin`,
      expectedSize: BODY.length,
      maxBytes: 1e6,
      stallMs: 2000,
      onBytes: (n) => seen.push(n),
    });
    expect(got.bytes).toEqual(BODY);
    expect(got.sha256).toBe(sha256Hex(BODY));
    expect(seen.at(-1)).toBe(BODY.length);
    expect(seen.every((n, i) => i === 0 || n > (seen[i - 1] as number))).toBe(true);
  });

  it.each<[string, string, { expectedSize?: number; maxBytes: number; stallMs?: number }, string, number]>([
    ['a server that never answers', '/stall-headers', { maxBytes: 1e6 }, 'stalled', 1500],
    [
      'a server that stops mid-body',
      '/stall-body',
      { expectedSize: BODY.length, maxBytes: 1e6 },
      'stalled',
      1500,
    ],
    [
      'a body shorter than declared',
      '/short',
      { expectedSize: BODY.length, maxBytes: 1e6 },
      'truncated',
      1000,
    ],
    ['a connection cut mid-body', '/cut', { expectedSize: BODY.length, maxBytes: 1e6 }, 'truncated', 1000],
    [
      'a body longer than declared',
      '/file.bin',
      { expectedSize: 1000, maxBytes: 1e6 },
      'longer-than-declared',
      1000,
    ],
    ['an endless body (no size known)', '/endless', { maxBytes: 300_000 }, 'too-large', 2000],
    ['an announced length over the cap', '/big-announced', { maxBytes: 1e6 }, 'too-large', 1000],
    ['HTTP 404', '/missing.json', { maxBytes: 1e6 }, 'http', 1000],
    ['HTTP 500', '/500', { maxBytes: 1e6 }, 'http', 1000],
  ])('gives up on %s (%s) quickly', async (_l, path, opts, code, withinMs) => {
    const started = performance.now();
    const err = await failure(
      download(ports, { url: `${server.url}${path}`, stallMs: opts.stallMs ?? 400, ...opts }),
    );
    const took = performance.now() - started;
    expect(err.code).toBe(code);
    expect(took).toBeLessThan(withinMs);
  });

  it('keeps the status of an HTTP error and says whether retrying can help', async () => {
    const e404 = await failure(
      download(ports, { url: `${server.url}/missing.json`, maxBytes: 1e6, stallMs: 1000 }),
    );
    const e500 = await failure(download(ports, { url: `${server.url}/500`, maxBytes: 1e6, stallMs: 1000 }));
    expect([e404.params.status, e404.retryable]).toEqual([404, false]);
    expect([e500.params.status, e500.retryable]).toEqual([500, true]);
  });

  it('tells offline from a server that is down', async () => {
    const closed = `http://127.0.0.1:9/x`; // discard port: connection refused
    expect((await failure(download(ports, { url: closed, maxBytes: 10, stallMs: 1000 }))).code).toBe(
      'network',
    );
    online.set(false);
    try {
      expect((await failure(download(ports, { url: closed, maxBytes: 10, stallMs: 1000 }))).code).toBe(
        'offline',
      );
    } finally {
      online.set(true);
    }
  });
});
