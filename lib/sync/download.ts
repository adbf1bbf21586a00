// One HTTP download with every check that can happen before the bytes are
// trusted: status, a size cap enforced while streaming (never buffer more than
// promised), a stall timer that fires when no byte arrives for a while (also
// before the headers), and SHA-256 computed as the bytes come in.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { SyncError } from './errors.ts';

export type FetchPort = (url: string, init: RequestInit) => Promise<Response>;

export interface TimerPort {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OnlinePort {
  isOnline(): boolean;
  /** Resolves at the next `online` event (at once when already online). */
  waitForOnline(): Promise<void>;
}

export interface DownloadPorts {
  fetch: FetchPort;
  timers: TimerPort;
  online: OnlinePort;
}

export interface DownloadRequest {
  url: string;
  /** Size the signed manifest states; the body must be exactly this long. */
  expectedSize?: number;
  /** Hard cap when no size is known (the manifest itself). */
  maxBytes: number;
  /** No byte for this long → give up. */
  stallMs: number;
  /** 'no-cache' for the manifest (always revalidate); files are immutable by name. */
  cache?: RequestCache;
  onBytes?(received: number): void;
}

export interface Downloaded {
  bytes: Uint8Array;
  sha256: string;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

export async function download(ports: DownloadPorts, req: DownloadRequest): Promise<Downloaded> {
  const limit = req.expectedSize ?? req.maxBytes;
  const ctrl = new AbortController();
  let stalled = false;
  let timer: unknown;
  const arm = () => {
    ports.timers.clearTimeout(timer);
    timer = ports.timers.setTimeout(() => {
      stalled = true;
      ctrl.abort();
    }, req.stallMs);
  };
  const stallError = () =>
    new SyncError(
      'stalled',
      { seconds: seconds(req.stallMs) },
      `no data from ${req.url} for ${req.stallMs} ms`,
    );
  arm();
  try {
    let res: Response;
    try {
      res = await ports.fetch(req.url, {
        signal: ctrl.signal,
        cache: req.cache ?? 'default',
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (err) {
      if (stalled) throw stallError();
      if (!ports.online.isOnline()) throw new SyncError('offline', {}, 'the browser is offline');
      throw new SyncError('network', {}, `${req.url}: ${(err as Error).message}`.slice(0, 300));
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      throw new SyncError('http', { status: res.status }, `${req.url}: HTTP ${res.status}`);
    }
    // A compressed body's Content-Length is not the size of what we read; only trust it uncompressed.
    const announced = res.headers.get('content-encoding')
      ? Number.NaN
      : Number(res.headers.get('content-length'));
    const overLimit = (size: number) =>
      req.expectedSize !== undefined
        ? new SyncError(
            'longer-than-declared',
            { size, declared: req.expectedSize },
            `${req.url} is longer than declared`,
          )
        : new SyncError('too-large', { size, cap: req.maxBytes }, `${req.url} is over the size cap`);
    if (Number.isFinite(announced) && announced > limit) {
      void res.body?.cancel().catch(() => {});
      throw overLimit(announced);
    }
    if (!res.body) throw new SyncError('network', {}, `${req.url}: empty response`);
    const reader = res.body.getReader();
    const hash = sha256.create();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        if (stalled) throw stallError();
        if (!ports.online.isOnline())
          throw new SyncError('offline', {}, 'the browser went offline mid-download');
        if (req.expectedSize !== undefined) {
          throw new SyncError(
            'truncated',
            { size: total, declared: req.expectedSize },
            `${req.url}: ${(err as Error).message}`,
          );
        }
        throw new SyncError('network', {}, `${req.url}: ${(err as Error).message}`.slice(0, 300));
      }
      if (step.done) break;
      arm();
      total += step.value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => {});
        throw overLimit(total);
      }
      hash.update(step.value);
      chunks.push(step.value);
      req.onBytes?.(total);
    }
    if (req.expectedSize !== undefined && total < req.expectedSize) {
      throw new SyncError(
        'truncated',
        { size: total, declared: req.expectedSize },
        `${req.url}: ${total} of ${req.expectedSize} bytes`,
      );
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { bytes, sha256: bytesToHex(hash.digest()) };
  } finally {
    ports.timers.clearTimeout(timer);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
