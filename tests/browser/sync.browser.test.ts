// The sync channel end to end in Chromium: a build that trusts a test key, a
// real HTTP server on 127.0.0.1 serving channels, and the extension's own
// service worker, options page, popup and hover card. First every fault, each
// leaving the installed data readable and saying why in plain words; then a
// published next version reaching the card and the popup; then a downgrade,
// and the service worker stopped mid-apply.
//
// The next versions are the bundled dataset with test-only changes (a post,
// a document, a replacement), labelled as such; they live in a temp dir only.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { translate } from '../../lib/i18n/messages.ts';
import type { CardData, DatasetStatus } from '../../lib/protocol.ts';
import type { SyncState } from '../../lib/sync/controller.ts';
import { syncReason } from '../../lib/sync/describe.ts';
import type { SyncErrorCode } from '../../lib/sync/errors.ts';
import {
  hoverText,
  launchWithExtension,
  ROOT,
  type StaticServer,
  serveDirectory,
  waitForCard,
} from '../../tools/browser-harness.ts';
import { type ChannelServer, startChannelServer } from '../../tools/channel-server.ts';
import {
  nextVersion,
  publishVersions,
  readManifest,
  removeTempDirs,
  replaceRecordFile,
  resignManifest,
  tempDir,
  testKey,
} from '../sync/helpers.ts';

// What the code evaluated in extension pages below uses of the extension API.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    sync: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const KEY = testKey('browser-channel');
/** A build of its own: the release build must never trust the test key. */
const SYNC_OUT = resolve(
  ROOT,
  process.env.REFLENS_SYNC_OUT_DIR || `${process.env.REFLENS_OUT_DIR || '.output'}-sync-test`,
);
const EXTENSION = join(SYNC_OUT, 'chrome-mv3');
const ARTICLE_DATE = '2026-11-20';
const NEW_DOC = 'doc:999/2026/NĐ-CP';
const OLD_DOC = 'doc:168/2024/NĐ-CP';
const PERSON = 'person:to-lam';
const TEST_POST = 'Chức vụ thử nghiệm của kênh đồng bộ (dữ liệu kiểm thử)';
const NEW_TITLE = 'quy định giả lập để kiểm thử kênh cập nhật RefLens (không có thật)';
const TEST_SOURCE = {
  file: 'tests/browser/sync.browser.test.ts',
  quote: 'Thay đổi giả lập do bài kiểm thử đồng bộ tạo ra; không phải dữ kiện thật.',
};

let bundled: Dataset;
let next: Dataset;
let next2: Dataset;
let channels: ChannelServer;
let site: StaticServer;
let context: BrowserContext;
let extId: string;
let opts: Page;
let cdp: CDPSession;
const timings: Record<string, number> = {};

/** The next version: a post changed, a document added that replaces one already there. */
function makeNext(ds: Dataset): Dataset {
  return nextVersion(ds, ds.meta.version + 1, (d) => {
    const person = d.persons.find((p) => p.id === PERSON);
    const old = d.documents.find((x) => x.id === OLD_DOC);
    if (!person || !old) throw new Error(`the bundled dataset lacks ${PERSON} or ${OLD_DOC}`);
    person.posts = [...person.posts, { title: TEST_POST, body: null, start: '2026-11-01', end: null }];
    person.sources = [...person.sources, { ...TEST_SOURCE, supports: ['posts'] }];
    d.documents.push({
      id: NEW_DOC,
      type: 'Nghị định',
      number: '999',
      symbol: '999/2026/NĐ-CP',
      issuers: ['Chính phủ'],
      signer: null,
      issuedDate: '2026-11-10',
      effectiveDate: null,
      status: 'unknown',
      statusDate: null,
      title: NEW_TITLE,
      summary: null,
      aliases: [],
      relations: [{ type: 'replaces', target: OLD_DOC }],
      sources: [TEST_SOURCE],
    });
    old.relations = [...old.relations, { type: 'replacedBy', target: NEW_DOC }];
    old.sources = [...old.sources, { ...TEST_SOURCE, supports: ['relations'] }];
  });
}

function build(): void {
  if (process.env.REFLENS_SKIP_BUILD === '1' && existsSync(join(EXTENSION, 'manifest.json'))) return;
  execFileSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, REFLENS_OUT_DIR: SYNC_OUT, REFLENS_TRUSTED_KEYS: KEY.publicKey },
  });
}

/** Channel directories, one per scenario, under one served root. */
function publishChannels(root: string): void {
  const good = join(root, 'good');
  publishVersions([bundled, next], [KEY], mk(good));
  const copy = (name: string) => {
    const dir = join(root, name);
    cpSync(good, dir, { recursive: true });
    return dir;
  };
  const delta = readManifest(good).deltas[0]?.path as string;
  const corrupt = join(copy('corrupt'), delta);
  const bytes = readFileSync(corrupt);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 40) ^ 0x20, bytes.length - 40);
  writeFileSync(corrupt, bytes);
  const truncated = join(copy('truncated'), delta);
  writeFileSync(truncated, readFileSync(truncated).subarray(0, 500));
  resignManifest(copy('wronghash'), (b) => Object.assign(b.deltas[0] ?? {}, { sha256: 'f'.repeat(64) }), [
    KEY,
  ]);
  const badsig = copy('badsig');
  const m = readManifest(badsig);
  writeFileSync(join(badsig, 'manifest.json'), JSON.stringify({ ...m, published: '2099-01-01T00:00:00Z' }));
  replaceRecordFile(
    copy('invalid'),
    delta,
    (t) => t.replace('"issuedDate":"2026-11-10"', '"issuedDate":"2026-02-30"'),
    [KEY],
  );
  mk(join(root, 'notfound'));
  // A verified file is kept by its hash until a sync succeeds, so a fault the
  // server plays must be played on files the worker has not verified before.
  for (const [i, name] of ['error500', 'stall', 'longer'].entries()) {
    const variant = { ...next, meta: { ...next.meta, built: `2026-11-2${i}` } };
    publishVersions([bundled, variant], [KEY], mk(join(root, name)));
  }
  // Both files: with only the delta oversized, the planner rightly takes the (smaller) snapshot.
  resignManifest(
    copy('oversized'),
    (b) => {
      for (const f of [b.snapshot, ...b.deltas]) f.size = 80 * 1024 * 1024;
    },
    [KEY],
  );
  copy('quota');
  copy('quota-write');
  publishVersions([bundled], [KEY], mk(join(root, 'downgrade')));
  publishVersions([next2], [KEY], mk(join(root, 'next2')));
}

function mk(dir: string): string {
  execFileSync('mkdir', ['-p', dir]);
  return dir;
}

// --- talking to the extension from its options page ---

async function send<T>(type: string, data?: unknown): Promise<T> {
  const r = (await opts.evaluate(
    ([type, data]) =>
      chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
    [type, data] as const,
  )) as { res?: T; err?: { message: string } };
  if (r?.err) throw new Error(r.err.message);
  return r.res as T;
}

const syncState = async (): Promise<SyncState | null> =>
  ((await opts.evaluate(() => chrome.storage.local.get('syncState'))) as { syncState?: SyncState })
    .syncState ?? null;

async function setChannel(url: string): Promise<void> {
  await opts.evaluate(async (url) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), channelUrl: url } });
  }, url);
}

/** Points the options at `name`'s channel (which starts a sync) and waits for the result. */
async function syncFrom(name: string, timeoutMs = 30_000): Promise<SyncState> {
  const started = Date.now();
  await setChannel(`${channels.url}/${name}/manifest.json`);
  for (;;) {
    const s = await syncState();
    if (s?.last && s.last.at >= started && !s.running) {
      timings[name] = Date.now() - started;
      return s;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`no sync result from ${name} after ${timeoutMs} ms`);
    await opts.waitForTimeout(50);
  }
}

const lookupId = (id: string) => send<CardData>('lookup', { query: { kind: 'id', id }, date: ARTICLE_DATE });

/** What readers see of the entries the versions change. */
async function visibleData() {
  const status = await send<DatasetStatus>('status');
  const doc = await lookupId(NEW_DOC);
  const old = await lookupId(OLD_DOC);
  const person = await lookupId(PERSON);
  return {
    version: status.version,
    counts: status.counts,
    newDoc: doc.kind === 'document' ? doc.entry.title : null,
    oldDocRelations: old.kind === 'document' ? old.entry.relations.map((r) => `${r.type} ${r.target}`) : null,
    postsOnDate: person.kind === 'person' ? person.postsOnDate.map((p) => p.title) : null,
  };
}

/** The text the options page shows for the last result (it updates from storage events). */
async function optionsSays(expected: string): Promise<string> {
  await opts.waitForFunction(
    (want) => document.querySelector('.sync-last')?.textContent?.includes(want),
    expected,
    {
      timeout: 5000,
    },
  );
  return (await opts.textContent('.sync-last')) ?? '';
}

async function cardFor(page: Page, text: string): Promise<string> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(400);
  await hoverText(page, text);
  return waitForCard(page, 4000);
}

beforeAll(async () => {
  build();
  const background = readFileSync(join(EXTENSION, 'background.js'), 'utf8');
  if (!background.includes(KEY.publicKey)) {
    throw new Error(`${EXTENSION} does not trust the test key: rebuild without REFLENS_SKIP_BUILD.`);
  }
  bundled = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'dataset.json'), 'utf8')) as Dataset;
  next = makeNext(bundled);
  next2 = nextVersion(next, next.meta.version + 1, (d) => {
    const doc = d.documents.find((x) => x.id === NEW_DOC);
    if (doc) doc.title = `${NEW_TITLE}, bản sửa đổi`;
  });
  const root = tempDir();
  publishChannels(root);
  channels = await startChannelServer(root, {
    intercept(path, _req, res) {
      if (path.startsWith('/error500/') && path.endsWith('.jsonl')) {
        res.writeHead(500, { 'access-control-allow-origin': '*' }).end('server error');
        return true;
      }
      if (path.startsWith('/stall/') && path.endsWith('.jsonl')) return true; // takes the request, never answers
      if (path.startsWith('/longer/') && path.endsWith('.jsonl')) {
        const body = readFileSync(join(root, path));
        res.writeHead(200, { 'access-control-allow-origin': '*' });
        res.end(Buffer.concat([body, Buffer.from('{"op":"remove","id":"doc:extra"}\n')]));
        return true;
      }
      return false;
    },
  });
  site = await serveDirectory(join(ROOT, 'tests', 'sync', 'fixtures'));
  context = await launchWithExtension({ headless: true, extensionDir: EXTENSION });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extId = new URL(worker.url()).host;
  opts = await context.newPage();
  await opts.goto(`chrome-extension://${extId}/options.html`);
  cdp = await context.newCDPSession(opts);
  await cdp.send('ServiceWorker.enable');
  // Sync waits for the bundle import; wait for it too, so "before" is the database's data.
  for (let i = 0; i < 200; i++) {
    const s = await send<DatasetStatus>('status');
    if (s.source === 'database' && s.version === bundled.meta.version) break;
    await opts.waitForTimeout(100);
  }
}, 180_000);

afterAll(async () => {
  await context?.close();
  await channels?.close();
  await site?.close();
  removeTempDirs();
  if (Object.keys(timings).length > 0) console.info('sync browser timings (ms):', JSON.stringify(timings));
});

describe('sync in Chromium', () => {
  let before: Awaited<ReturnType<typeof visibleData>>;

  it('starts from the bundled data, with no sync yet', async () => {
    before = await visibleData();
    expect(before.version).toBe(bundled.meta.version);
    expect(before.newDoc).toBeNull();
    expect(before.postsOnDate).not.toContain(TEST_POST);
    const page = await context.newPage();
    await page.goto(`${site.url}/article.html`);
    expect(await cardFor(page, 'Nghị định 999/2026/NĐ-CP')).toContain(translate('vi', 'fromPage'));
    await page.close();
  });

  const faults: [string, SyncErrorCode, string][] = [
    ['a corrupted byte', 'hash-mismatch', 'corrupt'],
    ['a truncated file', 'truncated', 'truncated'],
    ['a wrong hash in the signed manifest', 'hash-mismatch', 'wronghash'],
    ['a bad signature', 'bad-signature', 'badsig'],
    ['a schema-invalid record', 'records-invalid', 'invalid'],
    ['HTTP 404 for the manifest', 'http', 'notfound'],
    ['HTTP 500 for a record file', 'http', 'error500'],
    ['a file over the size cap', 'too-large', 'oversized'],
    ['a body longer than declared', 'longer-than-declared', 'longer'],
  ];

  it.each(faults)('%s: old data intact, and the options page says why (%s)', async (_label, code, name) => {
    const s = await syncFrom(name);
    expect(s.last).toMatchObject({ outcome: 'failed', code });
    expect(await visibleData()).toEqual(before);
    const reason = syncReason(code, s.last?.params ?? {}, 'vi');
    expect(await optionsSays(reason)).toContain('Dữ liệu cũ vẫn được dùng nguyên vẹn');
  });

  it('the browser reporting no room (quota override): refused before writing, old data intact', async () => {
    const origin = `chrome-extension://${extId}`;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 * 1024 });
    try {
      const s = await syncFrom('quota');
      expect(s.last).toMatchObject({ outcome: 'failed', code: 'quota' });
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    expect(await visibleData()).toEqual(before);
    await optionsSays(syncReason('quota', {}, 'vi'));
  });

  it('IndexedDB refusing a write with QuotaExceededError: staging dropped, old data intact', async () => {
    const worker = context.serviceWorkers().at(-1);
    if (!worker) throw new Error('no service worker');
    await worker.evaluate(() => {
      const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      (globalThis as Record<string, unknown>).__realPut = proto.put;
      (globalThis as Record<string, unknown>).__realAdd = proto.add;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      proto.put = full;
      proto.add = full;
    });
    let s: SyncState;
    try {
      s = await syncFrom('quota-write');
    } finally {
      await worker.evaluate(() => {
        const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
        proto.put = (globalThis as Record<string, unknown>).__realPut;
        proto.add = (globalThis as Record<string, unknown>).__realAdd;
      });
    }
    expect(s.last).toMatchObject({ outcome: 'failed', code: 'quota' });
    expect(await visibleData()).toEqual(before);
  });

  it('a server that stalls: given up after the stall timeout, old data intact', async () => {
    const s = await syncFrom('stall', 40_000);
    expect(s.last).toMatchObject({ outcome: 'failed', code: 'stalled', params: { seconds: 20 } });
    expect(s.nextRetryAt).toBeGreaterThan(s.last?.at ?? 0);
    expect(await visibleData()).toEqual(before);
    await optionsSays(syncReason('stalled', { seconds: 20 }, 'vi'));
  }, 60_000);

  it('the sync status, showing a failure, has no axe-core violations in the options page and the popup', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extId}/popup.html`);
    await popup.waitForSelector('.sync-last');
    for (const p of [opts, popup]) {
      // Evaluated, not injected as a script tag: extension pages forbid inline scripts.
      if (!(await p.evaluate(() => 'axe' in window))) {
        await p.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
      }
      const violations = await p.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string }[] }> } }
        ).axe;
        return (await axe.run('.sync-status')).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
    }
    await popup.close();
  });

  it('after all that, the hover card still shows the old data', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/article.html`);
    expect(await cardFor(page, 'Nghị định 999/2026/NĐ-CP')).toContain(translate('vi', 'fromPage'));
    await page.close();
  });

  it('a published next version arrives by its delta, set from the options page, and reaches the card', async () => {
    const started = Date.now();
    const input = opts.locator('input[type=url]');
    await input.fill(`${channels.url}/good/manifest.json`);
    await input.press('Tab');
    await opts.waitForFunction(
      () => document.querySelector('.sync-last')?.className.includes('tone-ok'),
      undefined,
      {
        timeout: 20_000,
      },
    );
    timings.deltaSyncFromOptions = Date.now() - started;
    const s = await syncState();
    expect(s?.last).toMatchObject({
      outcome: 'updated',
      from: bundled.meta.version,
      to: next.meta.version,
      via: 'delta',
      records: 3,
    });
    timings.deltaSyncInWorker = s?.last?.durationMs ?? -1;
    expect(await opts.textContent('.sync-last')).toContain(
      `Đã cập nhật lên dữ liệu phiên bản ${next.meta.version}`,
    );

    const now = await visibleData();
    expect(now.version).toBe(next.meta.version);
    expect(now.newDoc).toBe(NEW_TITLE);
    expect(now.oldDocRelations).toContain(`replacedBy ${NEW_DOC}`);
    expect(now.postsOnDate).toContain(TEST_POST);
    expect(now.counts.documents).toBe(before.counts.documents + 1);

    const page = await context.newPage();
    await page.goto(`${site.url}/article.html`);
    const newCard = await cardFor(page, 'Nghị định 999/2026/NĐ-CP');
    expect(newCard).toContain(NEW_TITLE);
    expect(newCard).not.toContain(translate('vi', 'fromPage'));
    expect(await cardFor(page, 'Nghị định 168/2024/NĐ-CP')).toContain(translate('vi', 'relReplacedBy'));
    expect(await cardFor(page, 'Tô Lâm')).toContain(TEST_POST);
    await page.close();
  });

  it('the popup finds the new document and says the data is up to date after "sync now"', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extId}/popup.html`);
    await popup.waitForSelector('.sync-last');
    expect(await popup.textContent('.sync-last')).toContain(`phiên bản ${next.meta.version}`);
    await popup.fill('input[type=search]', '999/2026');
    await popup.waitForSelector(`[role=option][data-id="${NEW_DOC}"]`, { timeout: 5000 });
    const started = Date.now();
    await popup.click('.sync-button');
    await popup.waitForFunction(
      () => /Dữ liệu đã mới nhất/.test(document.querySelector('.sync-last')?.textContent ?? ''),
      undefined,
      { timeout: 10_000 },
    );
    timings.upToDateCheck = Date.now() - started;
    await popup.close();
  });

  it('a channel offering an older version is refused as a downgrade', async () => {
    const mine = await visibleData();
    const s = await syncFrom('downgrade');
    expect(s.last).toMatchObject({
      outcome: 'failed',
      code: 'downgrade',
      params: { installed: next.meta.version, offered: bundled.meta.version },
    });
    expect(await visibleData()).toEqual(mine);
    await optionsSays(
      syncReason('downgrade', { installed: next.meta.version, offered: bundled.meta.version }, 'vi'),
    );
  });

  it('the service worker stopped mid-apply: old data answers, the update starts again and completes', async () => {
    const mine = await visibleData();
    const started = Date.now();
    await setChannel(`${channels.url}/next2/manifest.json`);
    let applying: SyncState | null = null;
    for (let i = 0; i < 2000 && !applying; i++) {
      const s = await syncState();
      if (s?.running?.phase === 'applying' && (s.progress?.records ?? 0) > 0) applying = s;
      else if (s?.last && s.last.at >= started) break;
    }
    expect(applying, 'the sync finished before it could be stopped mid-apply').not.toBeNull();
    // Lookups keep answering from the old version while the new one is written.
    const during = await lookupId(NEW_DOC);
    expect(during.kind === 'document' && during.entry.title).toBe(NEW_TITLE);

    await cdp.send('ServiceWorker.stopAllWorkers');
    timings.stoppedAtRecords = applying?.progress?.records ?? -1;
    // The next message starts a new worker: it answers from the old version, whole.
    expect(await visibleData()).toEqual(mine);
    // While the restarted worker writes, every answer is the old version or the new one, never
    // a step back; and how long a lookup waits behind the writes is measured.
    let seenInterrupted = false;
    let done: SyncState | null = null;
    const titles: string[] = [];
    const latencies: number[] = [];
    for (let i = 0; i < 600 && !done; i++) {
      const s = await syncState();
      if (s?.last?.code === 'interrupted') seenInterrupted = true;
      if (s?.last?.outcome === 'updated' && s.last.to === next2.meta.version) done = s;
      const t0 = performance.now();
      const card = await lookupId(NEW_DOC);
      if (s?.running?.phase === 'applying') {
        latencies.push(performance.now() - t0);
        if (process.env.REFLENS_SYNC_VERBOSE) {
          console.info(
            `lookup ${Math.round(performance.now() - t0)} ms at record ${s.progress?.records}/${s.progress?.totalRecords}`,
          );
        }
      }
      titles.push(card.kind === 'document' ? (card.entry.title ?? '') : card.kind);
    }
    const firstNew = titles.indexOf(`${NEW_TITLE}, bản sửa đổi`);
    expect(titles.slice(0, firstNew < 0 ? undefined : firstNew).every((t) => t === NEW_TITLE)).toBe(true);
    expect(titles.slice(firstNew).every((t) => t === `${NEW_TITLE}, bản sửa đổi`)).toBe(true);
    latencies.sort((a, b) => a - b);
    timings.lookupsDuringApply = latencies.length;
    timings.lookupDuringApplyMedian = Math.round(latencies[Math.floor(latencies.length / 2)] ?? -1);
    timings.lookupDuringApplyMax = Math.round(latencies.at(-1) ?? -1);
    timings.stopToResumedUpdate = Date.now() - started;
    expect(done?.last).toMatchObject({ trigger: 'resume', via: 'snapshot' });
    timings.resumedAtRecord = done?.last?.resumedAt ?? -1;
    expect(seenInterrupted || done?.last?.trigger === 'resume').toBe(true);
    const after = await visibleData();
    expect(after.version).toBe(next2.meta.version);
    expect(after.newDoc).toBe(`${NEW_TITLE}, bản sửa đổi`);
    expect(after.counts).toEqual(mine.counts);
  }, 60_000);
});
