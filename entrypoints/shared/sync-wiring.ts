// Wires lib/sync to the browser in the background worker: fetch, timers,
// online/offline, alarms, storage.local for the journal, the Cache API for
// verified files, the Dexie store as the writer, and the messages the popup
// and options page send. Everything with a decision in it lives in lib/sync.
import { browser } from 'wxt/browser';
import type { Collection } from '../../lib/dataset/validate.ts';
import type { DataService } from '../../lib/service/data-service.ts';
import { normalizeSettings } from '../../lib/settings/settings-schema.ts';
import type { DexieStore } from '../../lib/store/dexie-store.ts';
import { createSyncController, type SyncController } from '../../lib/sync/controller.ts';
import type { SyncStatusView } from '../../lib/sync/describe.ts';
import type { OnlinePort } from '../../lib/sync/download.ts';
import type { TrustedKey } from '../../lib/sync/keys.ts';
import { collectionOfEntry } from '../../lib/sync/records.ts';
import { type FileCache, runSync } from '../../lib/sync/sync-run.ts';
import { onMessage } from './messaging.ts';
import { SYNC_STATE_KEY } from './sync-ports.ts';

/** Public keys this build trusts, fixed at build time (wxt.config.ts, REFLENS_TRUSTED_KEYS). */
declare const __REFLENS_TRUSTED_KEYS__: TrustedKey[];

const FILE_CACHE = 'reflens-sync-files';
// Cache API keys must be http(s) URLs; this one is never fetched.
const cacheKey = (sha256: string) => `https://reflens.invalid/sync/${sha256}`;

const fileCache: FileCache = {
  async get(sha256) {
    const hit = await (await caches.open(FILE_CACHE)).match(cacheKey(sha256));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  },
  async put(sha256, bytes) {
    await (await caches.open(FILE_CACHE)).put(cacheKey(sha256), new Response(bytes as BlobPart));
  },
  async clear() {
    await caches.delete(FILE_CACHE);
  },
};

const online: OnlinePort = {
  isOnline: () => navigator.onLine,
  waitForOnline: () =>
    new Promise<void>((ok) => {
      if (navigator.onLine) ok();
      else self.addEventListener('online', () => ok(), { once: true });
    }),
};

async function channelUrl(): Promise<string> {
  return normalizeSettings((await browser.storage.sync.get('settings')).settings).channelUrl;
}

export interface SyncWiring {
  service: DataService;
  store: DexieStore;
}

export function wireSync({ service, store }: SyncWiring): SyncController {
  const controller = createSyncController({
    run: (url, hooks) =>
      runSync(url, {
        fetch: (u, init) => fetch(u, init),
        timers: {
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        },
        online,
        writer: store,
        async baseCollections(ids) {
          const found = await store.getByIds(ids);
          return new Map<string, Collection>([...found].map(([id, e]) => [id, collectionOfEntry(e)]));
        },
        trustedKeys: __REFLENS_TRUSTED_KEYS__,
        extensionVersion: browser.runtime.getManifest().version,
        files: fileCache,
        storageEstimate: () => navigator.storage.estimate(),
        onProgress: hooks.onProgress,
        onPhase: hooks.onPhase,
      }),
    channelUrl,
    state: {
      load: async () => (await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY],
      save: (s) => browser.storage.local.set({ [SYNC_STATE_KEY]: s }),
    },
    alarms: {
      async ensurePeriodic(name, periodInMinutes) {
        if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes });
      },
      async once(name, when) {
        await browser.alarms.create(name, { when });
      },
      async clear(name) {
        await browser.alarms.clear(name);
      },
    },
    online,
    now: () => Date.now(),
    random: () => Math.random(),
    // Never stage beside the bundle import: both write through the same staging.
    beforeRun: () => service.ensureBundleImported(),
    afterUpdate: () => service.datasetChanged(),
    log: (m) => console.info(`RefLens sync: ${m}`),
  });

  const view = async (): Promise<SyncStatusView> => {
    const [state, url, status] = await Promise.all([
      controller.state(),
      channelUrl().catch(() => ''),
      service.status().catch(() => null),
    ]);
    return { state, channelSet: url.trim() !== '', installedVersion: status?.version ?? null };
  };

  // Registered synchronously: a message or alarm that wakes the worker must find its listener.
  onMessage('syncStatus', view);
  onMessage('syncNow', async () => {
    void controller.syncNow('manual');
    // Let the run journal its start, so the answer already shows it running.
    await new Promise((r) => setTimeout(r, 50));
    return view();
  });
  browser.alarms.onAlarm.addListener((alarm) => void controller.onAlarm(alarm.name));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !changes.settings) return;
    const before = normalizeSettings(changes.settings.oldValue).channelUrl;
    const after = normalizeSettings(changes.settings.newValue).channelUrl;
    if (after && after !== before) void controller.syncNow('settings');
  });
  void controller.start();
  return controller;
}
