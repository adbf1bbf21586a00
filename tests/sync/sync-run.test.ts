// Whole runs against a real HTTP server on 127.0.0.1 and the real IndexedDB
// store (fake-indexeddb): installs, delta chains, and every fault, each leaving
// what readers see exactly as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import type { ManifestBody } from '../../lib/sync/manifest.ts';
import { type FileCache, runSync, type SyncProgress } from '../../lib/sync/sync-run.ts';
import type { ChannelServer, ChannelServerOptions } from '../../tools/channel-server.ts';
import {
  expectedView,
  FaultyWriter,
  fixtureDataset,
  fixtureV2,
  fixtureV3,
  openStore,
  padded,
  publishVersions,
  readManifest,
  removeTempDirs,
  replaceRecordFile,
  resignManifest,
  runDeps,
  seen,
  serve,
  testKey,
  trusted,
} from './helpers.ts';

const KEY = testKey('channel');
const OTHER = testKey('other');
const v1 = fixtureDataset();
const v2 = fixtureV2(v1);
const v3 = fixtureV3(v2);
const ALL = [v1, v2, v3];
const writerHolding = async (ds?: Dataset, faults: ConstructorParameters<typeof FaultyWriter>[1] = {}) =>
  new FaultyWriter(await openStore(ds), faults);

const servers: ChannelServer[] = [];
async function channel(versions: Dataset[], o: ChannelServerOptions = {}) {
  const ch = publishVersions(versions, [KEY]);
  const s = await serve(ch.dir, o);
  servers.push(s);
  return { ...ch, server: s, url: `${s.url}/manifest.json` };
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => removeTempDirs());

const resign = (dir: string, edit: (b: ManifestBody) => void, keys = [KEY]) =>
  resignManifest(dir, edit, keys);
const replaceFile = (dir: string, path: string, edit: (text: string) => string) =>
  replaceRecordFile(dir, path, edit, [KEY]);

/** A server that answers `status` for the paths `when` picks. */
function answerWith(status: number, when: (path: string) => boolean): ChannelServerOptions['intercept'] {
  return (path, _req, res) => {
    if (!when(path)) return false;
    res.writeHead(status, { 'access-control-allow-origin': '*' }).end();
    return true;
  };
}

async function refusal(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SyncError) return err;
    throw err;
  }
  throw new Error('expected the sync to be refused');
}

describe('a sync run', () => {
  it('installs the snapshot into an empty store', async () => {
    const ch = await channel([v1]);
    const w = await writerHolding();
    const progress: SyncProgress[] = [];
    const out = await runSync(ch.url, runDeps(w, trusted(KEY), { onProgress: (p) => progress.push(p) }));
    expect(out).toMatchObject({ kind: 'updated', from: null, to: 1, via: 'snapshot' });
    expect(await seen(w.store, ALL)).toEqual(expectedView(v1));
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['checking', 'downloading', 'verifying', 'applying']);
    const last = progress.at(-1) as SyncProgress;
    expect([last.records, last.totalRecords]).toEqual([6, 6]);
  });

  it('takes the delta chain from an older version, and only the deltas', async () => {
    const requests: string[] = [];
    const [p1, p2, p3] = [padded(v1, 40), padded(v2, 40), padded(v3, 40)] as [Dataset, Dataset, Dataset];
    const ch = await channel([p1, p2, p3], { log: (l) => requests.push(l) });
    const w = await writerHolding(p1);
    const out = await runSync(ch.url, runDeps(w, trusted(KEY)));
    expect(out).toMatchObject({ kind: 'updated', from: 1, to: 3, via: 'delta', records: 6 });
    expect(await seen(w.store, [p1, p2, p3])).toEqual(expectedView(p3));
    expect(requests).toEqual(['GET /manifest.json', 'GET /delta-v1-v2.jsonl', 'GET /delta-v2-v3.jsonl']);
  });

  it('says up to date when it is, without downloading records', async () => {
    const requests: string[] = [];
    const ch = await channel([v1, v2], { log: (l) => requests.push(l) });
    const w = await writerHolding(v2);
    expect(await runSync(ch.url, runDeps(w, trusted(KEY)))).toEqual({ kind: 'up-to-date', version: 2 });
    expect(requests).toEqual(['GET /manifest.json']);
  });

  it('accepts a channel signed by the old and the new key while keys rotate', async () => {
    const ch = await channel([v1, v2]);
    resign(ch.dir, () => {}, [OTHER, KEY]);
    const w = await writerHolding(v1);
    expect((await runSync(ch.url, runDeps(w, trusted(OTHER)))).kind).toBe('updated');
  });

  describe('refuses, leaving the old data exactly as it was, when', () => {
    type Fault = [
      string,
      string,
      (ch: Awaited<ReturnType<typeof channel>>) => void | Promise<void>,
      Partial<{
        writer: () => Promise<FaultyWriter>;
        stallMs: number;
        maxFileBytes: number;
        intercept: ChannelServerOptions['intercept'];
        estimate: { quota: number; usage: number };
      }>?,
    ];
    const faults: Fault[] = [
      [
        'a byte of the delta is corrupted',
        'hash-mismatch',
        (ch) => {
          const p = join(ch.dir, 'delta-v1-v2.jsonl');
          const b = readFileSync(p);
          b.writeUInt8(b.readUInt8(b.length - 20) ^ 0x01, b.length - 20);
          writeFileSync(p, b);
        },
      ],
      [
        'the delta is truncated',
        'truncated',
        (ch) => {
          const p = join(ch.dir, 'delta-v1-v2.jsonl');
          writeFileSync(p, readFileSync(p).subarray(0, 300));
        },
      ],
      [
        'the manifest states a wrong hash (signed)',
        'hash-mismatch',
        (ch) =>
          resign(ch.dir, (b) => {
            (b.deltas[0] as { sha256: string }).sha256 = '0'.repeat(64);
          }),
      ],
      [
        'the manifest was changed after signing',
        'bad-signature',
        (ch) => {
          const m = readManifest(ch.dir);
          m.published = '2030-01-01T00:00:00Z';
          writeFileSync(join(ch.dir, 'manifest.json'), JSON.stringify(m));
        },
      ],
      [
        'the manifest is unsigned',
        'unsigned',
        (ch) => {
          const { signatures: _s, ...body } = readManifest(ch.dir);
          writeFileSync(join(ch.dir, 'manifest.json'), JSON.stringify(body));
        },
      ],
      ['a key it does not trust signed it', 'untrusted-key', (ch) => resign(ch.dir, () => {}, [OTHER])],
      ['the channel offers an older version', 'downgrade', () => {}, { writer: () => writerHolding(v3) }],
      [
        'a record breaks the schema (signed, right hash)',
        'records-invalid',
        (ch) =>
          replaceFile(ch.dir, 'delta-v1-v2.jsonl', (t) =>
            t.replace('"issuedDate":"2025-06-01"', '"issuedDate":"2025-02-30"'),
          ),
      ],
      [
        'a record points at nothing (signed, right hash)',
        'records-invalid',
        (ch) =>
          replaceFile(ch.dir, 'delta-v1-v2.jsonl', (t) =>
            t.replace('"target":"doc:1/2020/QH14"', '"target":"doc:missing"'),
          ),
      ],
      [
        'the record format is unknown',
        'unknown-format',
        (ch) =>
          replaceFile(ch.dir, 'delta-v1-v2.jsonl', (t) =>
            t.replace('"formatVersion":1', '"formatVersion":2'),
          ),
      ],
      [
        'the manifest format is unknown',
        'unknown-format',
        (ch) => {
          const m = readManifest(ch.dir);
          writeFileSync(join(ch.dir, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 2 }));
        },
      ],
      [
        'the manifest needs a newer extension',
        'extension-too-old',
        (ch) =>
          resign(ch.dir, (b) => {
            b.minExtensionVersion = '9.0.0';
          }),
      ],
      ['a file is over the size cap', 'too-large', () => {}, { maxFileBytes: 100 }],
      [
        'the manifest is missing (404)',
        'http',
        () => {},
        { intercept: answerWith(404, (path) => path === '/manifest.json') },
      ],
      [
        'the server fails (500)',
        'http',
        () => {},
        { intercept: answerWith(500, (path) => path.endsWith('.jsonl')) },
      ],
      [
        'the server stalls',
        'stalled',
        () => {},
        {
          stallMs: 300,
          intercept: (path) => path.endsWith('.jsonl'), // takes the request, never answers
        },
      ],
      ['the disk is full', 'quota', () => {}, { writer: () => writerHolding(v1, { failPutAt: 1 }) }],
      [
        'the browser reports too little room',
        'quota',
        () => {},
        { estimate: { quota: 10_000_000, usage: 9_999_000 } },
      ],
    ];

    it.each(faults)('%s → %s', async (_label, code, breakIt, o = {}) => {
      const ch = await channel([v1, v2], { intercept: o.intercept });
      await breakIt(ch);
      const w = await (o.writer ?? (() => writerHolding(v1)))();
      const before = await seen(w.store, ALL);
      expect(before.version).not.toBeNull();
      const err = await refusal(
        runSync(
          ch.url,
          runDeps(w, trusted(KEY), {
            limits: {
              stallMs: o.stallMs ?? 5000,
              ...(o.maxFileBytes ? { maxFileBytes: o.maxFileBytes } : {}),
            },
            storageEstimate: async () => o.estimate ?? { quota: 1e12, usage: 0 },
          }),
        ),
      );
      expect(err.code).toBe(code);
      expect(await seen(w.store, ALL)).toEqual(before);
      expect(w.commits).toBe(0);
      expect(await w.store.resume(2)).toBeNull(); // no staging left behind
    });
  });

  it('refuses a channel URL that is not https (except on this machine)', async () => {
    const w = await writerHolding();
    for (const [url, code] of [
      ['', 'no-channel'],
      ['not a url', 'bad-url'],
      ['http://example.org/manifest.json', 'bad-url'],
      ['ftp://example.org/m.json', 'bad-url'],
      ['https://user:pw@example.org/m.json', 'bad-url'],
    ] as const) {
      expect((await refusal(runSync(url, runDeps(w, trusted(KEY))))).code).toBe(code);
    }
  });

  it('continues the staging a worker stopped mid-apply left, from its checkpoint, with the downloaded files', async () => {
    const requests: string[] = [];
    const ch = await channel([v1, v2, v3], { log: (l) => requests.push(l) });
    const name = 'reflens-sync-test-stopped';
    // The snapshot path in chunks of one; the worker is stopped inside its third put.
    const w = new FaultyWriter(await openStore(undefined, name), { hangPutAt: 3 });
    const cache = new Map<string, Uint8Array>();
    const files: FileCache = {
      get: async (k) => cache.get(k) ?? null,
      put: async (k, b) => void cache.set(k, b),
      clear: async () => cache.clear(),
    };
    const phases: string[] = [];
    const limits = { chunkSize: 1 };
    void runSync(ch.url, runDeps(w, trusted(KEY), { files, limits, onPhase: (p) => void phases.push(p) }));
    for (let i = 0; i < 400 && w.putCalls < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(phases.at(-1)).toBe('applying');
    expect((await w.store.resume(3))?.checkpoint).toMatchObject({ done: 2 }); // two chunks written, invisible
    expect(await w.store.activeVersion()).toBeNull();

    // A new worker opens the same database.
    requests.length = 0;
    const again = new FaultyWriter(await openStore(undefined, name));
    const out = await runSync(ch.url, runDeps(again, trusted(KEY), { files, limits }));
    expect(out).toMatchObject({ kind: 'updated', to: 3, downloaded: 0, resumedAt: 2 });
    expect(again.putCalls).toBe(5); // v3's seven records less the two already written
    expect(requests).toEqual(['GET /manifest.json']); // the snapshot came from the cache
    expect(await seen(again.store, ALL)).toEqual(expectedView(v3));
    expect(cache.size).toBe(0);
  });

  it('starts a fresh staging when the stopped one belongs to another update', async () => {
    const name = 'reflens-sync-test-other';
    const store = await openStore(undefined, name);
    const leftover = await store.stage(2, 'snapshot');
    await leftover.put([...v1.documents], { sync: 'some-other-update', done: 2 });
    const ch = await channel([v1, v2]);
    const w = new FaultyWriter(store);
    const out = await runSync(ch.url, runDeps(w, trusted(KEY)));
    expect(out).toMatchObject({ kind: 'updated', to: 2, resumedAt: 0 });
    expect(await seen(store, ALL)).toEqual(expectedView(v2));
  });

  it('keeps documents learned from pages across an update, except one the update now holds', async () => {
    const ch = await channel([v1, v2]);
    const w = await writerHolding(v1);
    const learned = (symbol: string, issuedDate: string | null) => ({
      symbol,
      docType: 'Luật',
      number: symbol.split('/')[0] ?? null,
      issuer: null,
      issuedDate,
      subject: null,
      pageUrl: 'https://example.org/a',
      seen: '2026-01-01',
    });
    // v2 brings 3/2025/QH15; 7/2025/QH15 stays known only from the page.
    expect(await w.store.learn(learned('3/2025/QH15', '2025-06-01'))).toBe(true);
    expect(await w.store.learn(learned('7/2025/QH15', null))).toBe(true);
    expect((await runSync(ch.url, runDeps(w, trusted(KEY)))).kind).toBe('updated');
    const left = (await w.store.exportLearned()).documents.map((d) => d.symbol);
    expect(left).toEqual(['7/2025/QH15']);
  });

  it('downloads again when a cached file is damaged', async () => {
    const requests: string[] = [];
    const ch = await channel([v1, v2], { log: (l) => requests.push(l) });
    const m = readManifest(ch.dir);
    const delta = m.deltas[0] as { sha256: string };
    const w = await writerHolding(v1);
    const files: FileCache = {
      get: async (k) => (k === delta.sha256 ? new TextEncoder().encode('garbage') : null),
      put: async () => {},
      clear: async () => {},
    };
    expect((await runSync(ch.url, runDeps(w, trusted(KEY), { files }))).kind).toBe('updated');
    expect(requests).toContain('GET /delta-v1-v2.jsonl');
    expect(await seen(w.store, ALL)).toEqual(expectedView(v2));
  });
});
