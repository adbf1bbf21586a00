// A card weighs the documents sharing a symbol that were issued nearest the
// article's date, per status, not all of them: both stores pick the same ones.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symbolKey } from '../../lib/dataset/keys.ts';
import type { Dataset, DocStatus, DocumentEntry } from '../../lib/dataset/schema.ts';
import { lookup } from '../../lib/service/lookup.ts';
import { DexieStore } from '../../lib/store/dexie-store.ts';
import { importSnapshot } from '../../lib/store/import-snapshot.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import type { ReferenceReader } from '../../lib/store/reader.ts';
import { fixtureDataset } from '../search/fixture.ts';

const base = fixtureDataset();
const template = base.documents[0] as DocumentEntry;
const STATUSES: DocStatus[] = ['in_force', 'unknown', 'expired', 'not_yet_in_force'];
// One local decision number reused every month for 20 years, plus a few undated.
const docs: DocumentEntry[] = Array.from({ length: 244 }, (_, i) => ({
  ...template,
  id: `doc:1/QĐ-THU@${i}`,
  type: 'Quyết định',
  number: '1',
  symbol: '1/QĐ-THU',
  issuers: ['Ủy ban nhân dân tỉnh Thử'],
  issuedDate: i < 240 ? `${2005 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}-10` : null,
  status: STATUSES[i % 4] as DocStatus,
  aliases: [],
  relations: [],
  title: null,
}));
const d: Dataset = { ...base, documents: [...base.documents, ...docs] };

/** The rule, written out independently of the stores. */
function expected(date: string, before: number, after: number): string[] {
  const cls = (s: DocStatus) => (s === 'in_force' ? 0 : s === 'expired' ? 2 : 1);
  const out: string[] = [];
  for (const c of [0, 1, 2]) {
    const mine = docs.filter((x) => cls(x.status) === c);
    const dated = mine.filter((x) => x.issuedDate && x.issuedDate <= date);
    const byDateDesc = (a: DocumentEntry, b: DocumentEntry) =>
      (b.issuedDate ?? '').localeCompare(a.issuedDate ?? '') || a.id.localeCompare(b.id);
    const undated = mine.filter((x) => !x.issuedDate).sort((a, b) => a.id.localeCompare(b.id));
    out.push(...[...dated.sort(byDateDesc), ...undated].slice(0, before).map((x) => x.id));
    const later = mine
      .filter((x) => x.issuedDate && x.issuedDate > date)
      .sort((a, b) => (a.issuedDate ?? '').localeCompare(b.issuedDate ?? '') || b.id.localeCompare(a.id));
    out.push(...later.slice(0, after).map((x) => x.id));
  }
  return out;
}

let store: DexieStore;
const readers: [string, () => ReferenceReader][] = [
  ['memory', () => new MemoryReader(d)],
  ['IndexedDB', () => store],
];
beforeAll(async () => {
  store = new DexieStore({ indexedDB, IDBKeyRange, name: 'documents-near' });
  await importSnapshot(store, d);
});
afterAll(() => store.close());

describe.each(readers)('documentsNear (%s)', (_name, reader) => {
  it.each([
    ['2015-06-15', 5, 2],
    ['2015-06-10', 3, 3], // issued on the day itself counts as before
    ['2000-01-01', 4, 2], // nothing before: undated ones, then the earliest after
    ['2030-01-01', 6, 2], // nothing after
    ['2012-02-10', 0, 4],
  ] as const)('near %s, %i before, %i after', async (date, before, after) => {
    const got = await reader().documentsNear('symbol', symbolKey('1/QĐ-THU'), { date, before, after });
    expect(got.map((x) => x.id)).toEqual(expected(date, before, after));
  });

  it('gives the card the decision issued nearest before the article', async () => {
    const card = await lookup(
      reader(),
      {
        query: {
          kind: 'document',
          text: 'Quyết định số 1/QĐ-THU',
          ref: { docType: 'Quyết định', number: '1', symbol: 'QĐ-THU', year: null, issuer: null, date: null },
        },
        date: '2015-06-20',
      },
      '2026-01-01',
    );
    expect(card.kind).toBe('document');
    if (card.kind === 'document') expect(card.entry.issuedDate).toBe('2015-06-10');
  });
});
