// The reader over a validated Dataset in memory: the bundle answers with it
// while the database imports, and tests use it as the reference the IndexedDB
// store must agree with. Indexes are built once, from the same term rows the
// database stores (lib/store/terms.ts), so both find and rank alike.
import type { Dataset, DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import type { SearchResponse } from '../protocol.ts';
import { type SearchOptions, search, type TermIndex } from '../search/search.ts';
import type { BatchReader, Entry } from './reader.ts';
import { type NearDate, RANK_SEP, selectNear, type TermRow, termsOf } from './terms.ts';

/** First position in the sorted `keys` whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemoryReader implements BatchReader, TermIndex {
  readonly version: number;
  private readonly entries = new Map<string, Entry>();
  private readonly rows = new Map<string, TermRow>();
  /** key → rows holding it. */
  private readonly postings = new Map<string, TermRow[]>();
  /** Every distinct key, sorted by UTF-16 code units, as IndexedDB orders string keys. */
  private readonly sortedKeys: string[];

  constructor(d: Dataset) {
    this.version = d.meta.version;
    for (const e of [...d.documents, ...d.persons, ...d.organizations]) {
      const row = termsOf(e);
      this.entries.set(e.id, e);
      this.rows.set(e.id, row);
      for (const k of row.k) {
        const list = this.postings.get(k);
        if (list) list.push(row);
        else this.postings.set(k, [row]);
      }
    }
    this.sortedKeys = [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  // --- ReferenceReader ---

  async getByIds(ids: readonly string[]): Promise<Map<string, Entry>> {
    const out = new Map<string, Entry>();
    for (const id of ids) {
      const e = this.entries.get(id);
      if (e) out.set(id, e);
    }
    return out;
  }

  /** Rows under one exact key; d: and s: keys carry their tie order after RANK_SEP, so those are a range. */
  private exactRows(full: string, ranged: boolean): TermRow[] {
    if (!ranged) return this.postings.get(full) ?? [];
    const start = full + RANK_SEP;
    const rows = new Set<TermRow>();
    for (let i = lowerBound(this.sortedKeys, start); i < this.sortedKeys.length; i++) {
      const key = this.sortedKeys[i] as string;
      if (!key.startsWith(start)) break;
      for (const row of this.postings.get(key) ?? []) rows.add(row);
    }
    return [...rows];
  }

  private byKeys<T extends Entry>(prefix: string, keys: readonly string[], keep: (row: TermRow) => boolean) {
    const out = new Map<string, T[]>();
    for (const key of keys) {
      const list = this.exactRows(prefix + key, prefix !== 'n:')
        .filter(keep)
        .map((r) => this.entries.get(r.id) as T);
      if (list.length > 0) out.set(key, list);
    }
    return Promise.resolve(out);
  }

  documentsByKeys(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>> {
    return this.byKeys('d:', keys, () => true);
  }

  documentsBySymbols(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>> {
    return this.byKeys('s:', keys, () => true);
  }

  async documentsNear(by: 'key' | 'symbol', key: string, near: NearDate): Promise<DocumentEntry[]> {
    const start = `${by === 'key' ? 'd:' : 's:'}${key}${RANK_SEP}`;
    const items: { item: DocumentEntry; order: string }[] = [];
    const seen = new Set<string>();
    for (let i = lowerBound(this.sortedKeys, start); i < this.sortedKeys.length; i++) {
      const k = this.sortedKeys[i] as string;
      if (!k.startsWith(start)) break;
      for (const row of this.postings.get(k) ?? []) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        items.push({ item: this.entries.get(row.id) as DocumentEntry, order: k.slice(start.length) });
      }
    }
    return selectNear(items, near);
  }

  personsByNames(keys: readonly string[]): Promise<Map<string, PersonEntry[]>> {
    return this.byKeys('n:', keys, (r) => r.kind === 'person');
  }

  organizationsByNames(keys: readonly string[]): Promise<Map<string, OrganizationEntry[]>> {
    return this.byKeys('n:', keys, (r) => r.kind === 'organization' || r.kind === 'place');
  }

  search(query: string, opts: SearchOptions): Promise<SearchResponse> {
    return search(this, query, opts);
  }

  batch<T>(fn: (reader: BatchReader) => Promise<T>): Promise<T> {
    return fn(this);
  }

  // --- TermIndex ---

  async withKeys(keys: readonly string[], cap: number): Promise<{ rows: TermRow[]; capped: boolean }> {
    const rows: TermRow[] = [];
    let read = 0;
    for (const key of keys) {
      for (const row of this.postings.get(key) ?? []) {
        if (read++ >= cap) return { rows, capped: true };
        rows.push(row);
      }
    }
    return { rows, capped: false };
  }

  async withPrefix(prefix: string, cap: number): Promise<{ rows: TermRow[]; capped: boolean }> {
    const rows: TermRow[] = [];
    let read = 0;
    for (let i = lowerBound(this.sortedKeys, prefix); i < this.sortedKeys.length; i++) {
      const key = this.sortedKeys[i] as string;
      if (!key.startsWith(prefix)) break;
      for (const row of this.postings.get(key) ?? []) {
        if (read++ >= cap) return { rows, capped: true };
        rows.push(row);
      }
    }
    return { rows, capped: false };
  }

  async countUpTo(key: string, prefix: boolean, cap: number): Promise<number> {
    if (!prefix) return Math.min(cap, this.postings.get(key)?.length ?? 0);
    let n = 0;
    for (let i = lowerBound(this.sortedKeys, key); i < this.sortedKeys.length && n < cap; i++) {
      const k = this.sortedKeys[i] as string;
      if (!k.startsWith(key)) break;
      n += this.postings.get(k)?.length ?? 0;
    }
    return Math.min(n, cap);
  }

  async byIds(ids: readonly string[]): Promise<TermRow[]> {
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }
}
