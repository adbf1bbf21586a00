// Read access to one consistent version of the dataset, whether it lives in
// memory (the bundle, answering while the database imports) or in IndexedDB.
// lookup.ts and search ask through this interface only, so the same answers are
// tested in Node against both implementations.
//
// Every key argument is already folded with lib/dataset/keys.ts (docKey,
// symbolKey, nameKey): the store indexes entries under exactly those keys.
import type { DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import type { SearchResponse } from '../protocol.ts';
import type { SearchOptions } from '../search/search.ts';
import type { NearDate } from './terms.ts';

export type Entry = DocumentEntry | PersonEntry | OrganizationEntry;

/** A reader pinned to one version for the length of a batch. */
export interface BatchReader extends ReferenceReader {
  /** The dataset version every answer in the batch comes from. */
  readonly version: number;
}

export interface ReferenceReader {
  getByIds(ids: readonly string[]): Promise<Map<string, Entry>>;
  /** docKey(type, number) → documents with that type and number (every term, every issuer). */
  documentsByKeys(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>>;
  /** symbolKey(full symbol) → documents with that symbol (Party symbols repeat across terms). */
  documentsBySymbols(keys: readonly string[]): Promise<Map<string, DocumentEntry[]>>;
  /**
   * A card's candidates for one docKey (`by: 'key'`) or symbolKey (`by: 'symbol'`):
   * not all of them, but per status the ones issued nearest the article's date
   * (see NearDate in terms.ts), so a hover costs the same at any dataset size.
   */
  documentsNear(by: 'key' | 'symbol', key: string, near: NearDate): Promise<DocumentEntry[]>;
  /** nameKey(name) → persons with that name or alias. */
  personsByNames(keys: readonly string[]): Promise<Map<string, PersonEntry[]>>;
  /** nameKey(name) → bodies and places with that name, alias or abbreviation. */
  organizationsByNames(keys: readonly string[]): Promise<Map<string, OrganizationEntry[]>>;
  /** Free-text search as the popup does it (lib/search), best first, with counts per kind. */
  search(query: string, opts: SearchOptions): Promise<SearchResponse>;
  /**
   * Runs `fn` against one version of the data: in IndexedDB, inside one read-only
   * transaction (a page's 40 mentions cost one transaction, and a commit landing
   * meanwhile cannot split the answers between versions). `fn` must await only
   * the reader it is given, nothing else (no fetch, no timers), or the
   * transaction ends under it.
   */
  batch<T>(fn: (reader: BatchReader) => Promise<T>): Promise<T>;
}
