// The typed protocol between the content script / popup and the background.
// One map for every context, so a change to a message breaks the build on both ends.
import type { DocumentEntry, OrganizationEntry, PersonEntry, Post } from './dataset/schema.ts';
import type { Mention } from './detect/index.ts';
import type { Settings } from './settings/settings.ts';
import type { LearnedExport } from './store/dexie-store.ts';
import type { SyncStatusView } from './sync/describe.ts';

/** A document reference as the page states it (after in-article resolution). */
export interface DocRefQuery {
  docType: string;
  number: string | null;
  /** Part after the number as written: "NQ/TW", "2024/NĐ-CP". */
  symbol: string | null;
  year: number | null;
  issuer: string | null;
  /** Issued date the page gives, YYYY-MM-DD. */
  date: string | null;
  subject?: string | null;
}

export type LookupQuery =
  | { kind: 'document'; ref: DocRefQuery; text: string }
  | { kind: 'person'; name: string; titles: string[]; entity: string | null }
  | { kind: 'organization' | 'place'; name: string; entity: string | null }
  | { kind: 'id'; id: string };

export interface LookupRequest {
  query: LookupQuery;
  /** The article's date (YYYY-MM-DD) for time-aware answers; the background falls back to today. */
  date: string | null;
}

export interface RelatedLink {
  type: string;
  id: string;
  label: string;
}

export type CardData =
  | {
      kind: 'document';
      entry: DocumentEntry;
      /** Other entries the same reference could mean, most likely first. */
      alternatives: DocumentEntry[];
      related: RelatedLink[];
    }
  | {
      /** Not in the dataset: what the page itself says. */
      kind: 'document-from-page';
      ref: DocRefQuery;
      text: string;
      /** Pages where RefLens read this document's full citation earlier (newest first), when it did. */
      seenOn?: { url: string; seen: string }[];
    }
  | {
      kind: 'person';
      entry: PersonEntry;
      date: string;
      postsOnDate: Post[];
      titlesInArticle: string[];
    }
  | { kind: 'person-from-page'; name: string; titles: string[] }
  | {
      kind: 'organization';
      entry: OrganizationEntry;
      parent: OrganizationEntry | null;
      successors: OrganizationEntry[];
      predecessors: OrganizationEntry[];
      /** Who headed it on the date asked, from officials' posts (lib/heads), when the data knows. */
      heads?: { id: string; name: string; title: string }[];
    }
  | { kind: 'none'; text: string };

export interface SearchResult {
  kind: 'document' | 'person' | 'organization' | 'place';
  id: string;
  label: string;
  detail: string;
  /** A document's issued date (YYYY-MM-DD), when known. */
  date: string | null;
  /** A document's status; null for other kinds. */
  status: DocumentEntry['status'] | null;
  /** In force / holding a post today / still exists. */
  current: boolean;
  /** Label of the result this one follows because that one was merged into it (a province after 1/7/2025). */
  mergedFrom?: string;
}

export interface SearchResponse {
  /** Best first. */
  results: SearchResult[];
  /** Matches per kind (more than the results shown). */
  counts: Record<SearchResult['kind'], number>;
  /** The counts are lower bounds: the query was too short to count everything cheaply. */
  capped: boolean;
}

/** Several of a page's mentions, answered from one consistent version of the data. */
export interface LookupManyRequest {
  queries: LookupQuery[];
  /** The article's date, as in LookupRequest. */
  date: string | null;
}

/**
 * Full citations a page gave (number, symbol and a date or an issuer) to remember
 * locally when the dataset lacks them, so a short form elsewhere can show them.
 */
export interface DatasetStatus {
  version: number | null;
  built: string | null;
  counts: { documents: number; persons: number; organizations: number };
  /** Where answers come from right now. */
  source: 'bundle' | 'database' | 'none';
  importState: 'idle' | 'importing' | 'done' | 'failed';
  error: string | null;
  /** 'quota': the disk is full (the UI says so in the reader's language); null otherwise. */
  errorCode?: 'quota' | null;
  /** Entries written so far by a running import. */
  importProgress?: { done: number; total: number } | null;
}

/** Names the content script needs to detect persons and bodies, kept small on purpose. */
export interface GazetteerPayload {
  version: number;
  persons: { id: string; names: string[] }[];
  /** Validity dates let the detector pick, among merged bodies and provinces, the one of the article's date. */
  organizations: {
    id: string;
    names: string[];
    kind: string;
    validFrom?: string | null;
    validTo?: string | null;
  }[];
  /** Law and code names ("Luật Đất đai"), so the detector knows where a law's name ends. */
  lawNames: string[];
}

export interface ProtocolMap {
  lookup(req: LookupRequest): CardData;
  /** Answers in the order of the queries. */
  lookupMany(req: LookupManyRequest): CardData[];
  search(req: { query: string; limit: number }): SearchResponse;
  /**
   * The mentions in a page's text (detected in the background, where the detector is built once
   * and warm). The full citations among them that the dataset lacks are remembered for the
   * sending frame's URL (lib/learned), so the page never sends them back.
   */
  detect(req: { text: string; date: string | null }): Mention[];
  status(): DatasetStatus;
  /**
   * The reader's settings, validated: content scripts ask for them rather than load the
   * schema on every page (lib/settings/settings-schema.ts).
   */
  settings(): Settings;
  /**
   * Loads the card's code (Preact, positioning, the card components) into the asking
   * frame, on the first hover: a page the reader only reads never evaluates it.
   */
  loadCardUi(): { loaded: true };
  /** Where the data sync stands (lib/sync/describe.ts says it in words). */
  syncStatus(): SyncStatusView;
  /** Starts a sync now (or joins the running one); answers at once, before it ends. */
  syncNow(): SyncStatusView;
  /** How many page-derived documents are remembered (for the options page). */
  learnedCount(): { count: number };
  /** Forgets every page-derived document. */
  clearLearned(): { cleared: number };
  /** Every page-derived document, as the file the options page lets the reader save. */
  learnedExport(): LearnedExport;
  /** Replaces the database's data with the bundled dataset; answers at once, the import runs on (see status). */
  datasetReimport(): DatasetStatus;
}
