import './shared/no-eval.ts';
import { browser } from 'wxt/browser';
import type { PersonEntry } from '../lib/dataset/schema.ts';
import { gazetteerFromDataset } from '../lib/detect/index.ts';
import { todayIso } from '../lib/format/dates.ts';
import { createHeadCache } from '../lib/heads/heads.ts';
import { learnableRefs, learnInputOf, withLearned, withoutPage } from '../lib/learned/learned-cards.ts';
import type { CardData, DocRefQuery, GazetteerPayload } from '../lib/protocol.ts';
import { AnswerCache } from '../lib/service/answer-cache.ts';
import { decodeBundle } from '../lib/service/bundle.ts';
import { createDataService } from '../lib/service/data-service.ts';
import { createDetectionService } from '../lib/service/detection.ts';
import { createDexiePort } from '../lib/service/dexie-port.ts';
import { lookupMany } from '../lib/service/lookup.ts';
import { MemoryReader } from '../lib/store/memory-reader.ts';
import { injectIntoOpenTabs, syncExtraSiteScripts } from './shared/extra-sites.ts';
import { onMessage } from './shared/messaging.ts';
import { readSettings } from './shared/settings-storage.ts';
import { wireSync } from './shared/sync-wiring.ts';

declare const __BUNDLED_DATASET_VERSION__: number | null;

// Written by `npm run dataset:build` into public/, so it may postdate the path
// types `wxt prepare` generated on install; the cast says it exists at run time.
const BUNDLE_PATH = '/data/dataset.json.gz' as Parameters<typeof browser.runtime.getURL>[0];

// Built from entrypoints/card-ui.ts (an unlisted script), injected on the first hover.
const CARD_UI_PATH = '/card-ui.js';

function toPayload(version: number, g: ReturnType<typeof gazetteerFromDataset>): GazetteerPayload {
  return { version, persons: g.persons, organizations: g.organizations, lawNames: g.lawNames ?? [] };
}

export default defineBackground(() => {
  const database = createDexiePort({
    indexedDB,
    IDBKeyRange,
    // Without it the browser may evict the database under disk pressure (a fresh import follows).
    persist: () => navigator.storage?.persist?.() ?? Promise.resolve(false),
    log: (m) => console.info(`RefLens: ${m}`),
  });
  const service = createDataService({
    bundledVersion: __BUNDLED_DATASET_VERSION__,
    async loadBundle() {
      const res = await fetch(browser.runtime.getURL(BUNDLE_PATH));
      if (!res.ok) throw new Error(`The bundled dataset is missing from the extension (HTTP ${res.status}).`);
      return decodeBundle(new Uint8Array(await res.arrayBuffer()));
    },
    database,
    memoryReader: (d) => new MemoryReader(d),
    gazetteerOf: (d) => toPayload(d.meta.version, gazetteerFromDataset(d)),
    log: (m) => console.info(`RefLens: ${m}`),
  });

  // Listeners are registered synchronously so a message that wakes the worker is not lost.
  // Recent answers, dropped whenever the reader answers from another dataset version.
  const answers = new AnswerCache<CardData>(500);
  // Documents pages cited in full that the dataset lacks (lib/learned): read on a miss, written by the content script.
  const learned = {
    bySymbol: (key: string) => database.store.learnedBySymbol(key),
    all: async () => (await database.store.exportLearned()).documents,
  };
  // Heads of bodies, from officials' posts of the database's version (lib/heads).
  const withHeads = createHeadCache();
  const persons = async () =>
    (await database.store.gazetteerEntries()).entries.filter((e): e is PersonEntry => 'posts' in e);
  onMessage('lookup', async ({ data, sender }) => {
    const [card] = await lookupMany(
      await service.reader(),
      { queries: [data.query], date: data.date },
      todayIso(),
      answers,
    );
    const learnedCard = await withLearned(card ?? { kind: 'none', text: '' }, data.query, learned);
    // A card on a page that taught RefLens the document does not send the reader to that same page.
    const answer = sender.url ? withoutPage(learnedCard, sender.url) : learnedCard;
    if (answer.kind !== 'organization') return answer;
    const meta = await database.store.datasetMeta().catch(() => null);
    return withHeads(answer, data.date ?? todayIso(), meta?.version ?? null, persons);
  });
  /**
   * Remembers the full citations a page gave that the dataset lacks. The background has
   * them as soon as it has read the page, so the page's thread never sends them back.
   */
  const learnFromPage = async (refs: DocRefQuery[], pageUrl: string, seen: string): Promise<number> => {
    const inputs = refs.map((ref) => learnInputOf(ref, pageUrl, seen));
    // Only what the dataset lacks: the same lookup a card makes, answered from the cache when warm.
    const cards = await lookupMany(
      await service.reader(),
      { queries: refs.map((ref) => ({ kind: 'document' as const, ref, text: '' })), date: seen },
      todayIso(),
      answers,
    );
    let count = 0;
    for (const [i, input] of inputs.entries()) {
      if (input && cards[i]?.kind === 'document-from-page' && (await database.store.learn(input))) count++;
    }
    return count;
  };
  onMessage('learnedCount', async () => ({ count: (await database.store.exportLearned()).documents.length }));
  onMessage('clearLearned', async () => {
    const count = (await database.store.exportLearned()).documents.length;
    await database.store.clearLearned();
    return { cleared: count };
  });
  onMessage('lookupMany', async ({ data }) => lookupMany(await service.reader(), data, todayIso(), answers));
  onMessage('search', async ({ data }) =>
    (await service.reader()).search(data.query, { limit: Math.min(50, data.limit), today: todayIso() }),
  );
  const detection = createDetectionService({
    gazetteer: () => service.gazetteer(),
    yieldNow: () => new Promise((resume) => setTimeout(resume, 0)),
    now: () => performance.now(),
  });
  onMessage('detect', async ({ data, sender }) => {
    const mentions = await detection.detect(data.text, data.date);
    // The frame's own URL, as the browser gives it: a page cannot file citations under another site.
    const pageUrl = sender.url;
    const refs = pageUrl ? learnableRefs(mentions) : [];
    if (pageUrl && refs.length > 0) {
      // After the answer: the page draws its marks while this is stored.
      setTimeout(() => {
        learnFromPage(refs, pageUrl, todayIso()).catch((err: unknown) =>
          console.warn('RefLens: could not remember the citations of a page', err),
        );
      }, 0);
    }
    return mentions;
  });
  onMessage('status', () => service.status());
  onMessage('settings', () => readSettings());
  onMessage('loadCardUi', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined)
      throw new Error('The card code is loaded into a tab, and this message came from none.');
    // Into the asking frame's content-script world, where the content script picks it up.
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [CARD_UI_PATH],
    });
    return { loaded: true as const };
  });
  onMessage('learnedExport', () => database.store.exportLearned());
  onMessage('datasetReimport', async () => {
    void service.reimportBundle();
    // Let it start, so the answer already says it is importing.
    await new Promise((r) => setTimeout(r, 50));
    return service.status();
  });
  wireSync({ service, store: database.store });

  browser.runtime.onInstalled.addListener(() => {
    void service.ensureBundleImported();
  });

  const resyncSites = () =>
    void syncExtraSiteScripts().catch((e: unknown) => console.warn('RefLens: site scripts', e));
  browser.permissions.onAdded.addListener((added) => {
    // Open tabs of a site the reader just allowed start at once, after the registration that covers new ones.
    void syncExtraSiteScripts()
      .then(() => injectIntoOpenTabs(added.origins ?? []))
      .catch((e: unknown) => console.warn('RefLens: site scripts', e));
  });
  browser.permissions.onRemoved.addListener(resyncSites);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.settings) resyncSites();
  });
  resyncSites();
});
