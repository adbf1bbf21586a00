// npm run bench:data [-- --docs N]
// The store at the size of the national legal-document base: the real dataset
// (assets/data) alone and plus N synthetic documents (default 150,000), imported
// through DexieStore into fake-indexeddb (an in-process IndexedDB: absolute times
// differ from a browser's, relative ones carry over). Reports schema validation
// and import time, card lookup latency p50/p95 (lookup(): by type + number, by
// full symbol, by person name, and a page's 40 mentions in one batch without the
// answer cache) and database size as the sum of serialized rows. The last line is machine-readable JSON.
import { cpus, loadavg } from 'node:os';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Dataset } from '../lib/dataset/schema.ts';
import { validateDataset } from '../lib/dataset/validate.ts';
import type { LookupQuery } from '../lib/protocol.ts';
import { lookup, lookupMany } from '../lib/service/lookup.ts';
import { DexieStore } from '../lib/store/dexie-store.ts';
import { importSnapshot } from '../lib/store/import-snapshot.ts';
import { loadDatasetForTools } from './dataset-for-tools.ts';
import { withSynthetic } from './synthetic-dataset.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SYNTHETIC = Number(arg('--docs') ?? 150_000);
const TODAY = '2026-01-01';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)), n: s.length };
}
const round = (x: number) => Math.round(x * 100) / 100;

async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown>) {
  for (const item of items.slice(0, 20)) await fn(item); // warm-up
  const samples: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await fn(item);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

/** A document mention as the resolver hands it over: full symbol, or the short form "Nghị định 168". */
function documentMention(doc: Dataset['documents'][number], short: boolean): LookupQuery {
  const number = doc.number as string;
  const rest = short || !doc.symbol ? null : doc.symbol.slice(number.length + 1);
  return {
    kind: 'document',
    text: rest ? `${doc.type} ${doc.symbol}` : `${doc.type} ${number}`,
    ref: { docType: doc.type, number, symbol: rest, year: null, issuer: null, date: null },
  };
}

/** A page's mention: half documents (one in ten in short form), then persons, then bodies. */
function mentionOf(d: Dataset, r: () => number): LookupQuery {
  const x = r();
  if (x < 0.5) {
    const doc = d.documents[Math.floor(r() * d.documents.length)];
    if (doc?.number && doc.symbol) return documentMention(doc, r() < 0.1);
  }
  if (x < 0.8) {
    const p = d.persons[Math.floor(r() * d.persons.length)];
    if (p) return { kind: 'person', name: p.name, titles: [], entity: null };
  }
  const o = d.organizations[Math.floor(r() * d.organizations.length)];
  return { kind: 'organization', name: o?.name ?? 'Bộ Công an', entity: null };
}

async function databaseSize(store: DexieStore): Promise<{ bytes: number; rows: number; indexKeys: number }> {
  let bytes = 0;
  let rows = 0;
  let indexKeys = 0;
  await store.db.entries.each((row) => {
    bytes += Buffer.byteLength(JSON.stringify(row));
    rows++;
  });
  await store.db.terms.each((row) => {
    bytes += Buffer.byteLength(JSON.stringify(row));
    rows++;
    indexKeys += row.k.length;
  });
  await store.db.meta.each((row) => {
    bytes += Buffer.byteLength(JSON.stringify(row));
  });
  return { bytes, rows, indexKeys };
}

async function bench(label: string, d: Dataset) {
  const entries = d.documents.length + d.persons.length + d.organizations.length;
  const t0 = performance.now();
  const checked = validateDataset(d);
  const validateMs = performance.now() - t0;
  if (!checked.ok)
    throw new Error(`${label}: the dataset does not validate: ${checked.errors.slice(0, 3).join('; ')}`);

  // A fresh in-process IndexedDB per dataset, so the big one does not carry the small one's memory.
  const store = new DexieStore({ indexedDB: new IDBFactory(), IDBKeyRange, name: `bench-${label}` });
  await store.open();
  const t1 = performance.now();
  await importSnapshot(store, d, { chunkSize: 500 });
  const importMs = performance.now() - t1;

  const r = seeded(7);
  const docs = Array.from({ length: 1000 }, () => d.documents[Math.floor(r() * d.documents.length)]).filter(
    (x) => x?.number && x.symbol,
  ) as Dataset['documents'];
  const persons = Array.from({ length: 1000 }, () => d.persons[Math.floor(r() * d.persons.length)]);
  // What a hover costs: lookup() builds the card (candidates, matching, related links).
  const card = (query: LookupQuery) => lookup(store, { query, date: '2020-06-15' }, TODAY);
  const byKey = await timeEach(docs, (x) => card(documentMention(x, true)));
  const bySymbol = await timeEach(docs, (x) => card(documentMention(x, false)));
  const byName = await timeEach(persons, (p) =>
    card({ kind: 'person', name: p?.name ?? '', titles: [], entity: null }),
  );
  const pages = Array.from({ length: 100 }, () => Array.from({ length: 40 }, () => mentionOf(d, r)));
  const batch40 = await timeEach(pages, (queries) => lookupMany(store, { queries, date: null }, TODAY));
  const size = await databaseSize(store);
  store.close();
  const result = {
    label,
    entries,
    documents: d.documents.length,
    validateMs: Math.round(validateMs),
    importMs: Math.round(importMs),
    lookupMs: { byKey, bySymbol, byName, batch40 },
    size: { mb: round(size.bytes / 1e6), rows: size.rows, indexKeys: size.indexKeys },
  };
  const line = (name: string, p: { p50: number; p95: number }) =>
    `  ${name.padEnd(34)} p50 ${String(p.p50).padStart(6)} ms   p95 ${String(p.p95).padStart(6)} ms`;
  console.log(
    [
      `${label}: ${entries.toLocaleString('en')} entries (${d.documents.length.toLocaleString('en')} documents)`,
      `  validate (zod + checks)            ${result.validateMs} ms`,
      `  import (chunks of 500)             ${(importMs / 1000).toFixed(1)} s`,
      line('card: type + number (Nghị định 168)', byKey),
      line('card: full symbol', bySymbol),
      line('card: person by name', byName),
      line('lookupMany, 40 mentions, 1 tx', batch40),
      `  database size (serialized rows)    ${result.size.mb} MB in ${size.rows.toLocaleString('en')} rows, ${size.indexKeys.toLocaleString('en')} index keys`,
    ].join('\n'),
  );
  return result;
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, fake-indexeddb`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`bench:data on ${machine}; load average at start ${load()}\n`);
const real = loadDatasetForTools();
const results = [await bench('real', real)];
if (SYNTHETIC > 0) results.push(await bench(`real+${SYNTHETIC}`, withSynthetic(real, SYNTHETIC)));
console.log(`\nload average at end ${load()} (other work on the machine lengthens wall times)`);
console.log(JSON.stringify({ machine, loadAverageAtEnd: loadavg(), results }));
