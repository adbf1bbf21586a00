// The index row every store keeps beside an entry: its lookup and search keys,
// and the few facts search ranks by. Computed once when an entry is stored
// (import, sync), by this one function for every store, so the bundle in memory
// and the database find and rank exactly alike.
//
// Keys live in one namespace-prefixed list, indexed as one multi-entry index:
//   d:<docKey>␁<order>     type + number, from the document and from aliases ("NQ 57")
//   s:<symbolKey>␁<order>  full symbol ("168/2024/nd-cp")
//   n:<nameKey>    a whole name: person name/alias, body name/alias/abbreviation,
//                  document title/alias ("luat dat dai")
//   w:<word>       one word of any of those (word search, word-prefix search)
// Prefix search is a key range over the sorted index (`n:to la` … `n:to la\uffff`),
// so no prefixes are stored. Document keys end in a separator (RANK_SEP, U+0001,
// below every printable character) and the order search shows ties in — in force
// first, then newest — so the index itself returns the best of thousands of
// "Quyết định 1" first, and a bounded read of `d:quyet dinh|1␁…` is the right one.
// An exact lookup is the range of `d:<docKey>␁`.

import { docKey, fold, nameKey, symbolKey, typeKey } from '../dataset/keys.ts';
import type { DocStatus, DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import { PLACE_KINDS } from '../dataset/schema.ts';
import { documentHeading } from '../service/labels.ts';
import type { Entry } from './reader.ts';
export type EntryKind = 'document' | 'person' | 'organization' | 'place';

export function kindOf(e: Entry): EntryKind {
  if ('status' in e && 'issuers' in e) return 'document';
  if ('posts' in e) return 'person';
  return PLACE_KINDS.includes(e.kind) ? 'place' : 'organization';
}

/** A post as search needs it: [start, end, title]. */
export type CompactPost = [start: string | null, end: string | null, title: string];

export interface TermRow {
  id: string;
  kind: EntryKind;
  /** Index keys, namespaced as described above. */
  k: string[];
  /** What a result line shows first: the document heading or the name. */
  label: string;
  /** Second line: a document's title, a body's abbreviations (persons: their post, chosen at query time). */
  detail: string;
  /** Documents: issued date; null otherwise or when unknown. */
  date: string | null;
  status: DocStatus | null;
  posts: CompactPost[];
  /** Bodies and places: when they ceased (merger, rename); null = still exist. */
  validTo: string | null;
  successors: string[];
  /**
   * Set on the rows the detector's name lists are built from (persons, bodies,
   * places, laws), so those can be read without scanning every document.
   */
  g?: 1;
}

/** Words of a text as the index holds them: folded, split at anything not a letter or digit. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * "Nghị quyết 57", "NQ57", "Nghị quyết 12 về Công an nhân dân" → docKey, when the
 * alias's type word means the document's own type (an alias is a short form of
 * the entry, never another document's name).
 */
export function aliasDocKey(alias: string, type: string): string | null {
  const m = /^([a-z ]+?) ?(?:so )?(\d+[a-z]?)(?![\d])/.exec(fold(alias));
  if (!m?.[1] || !m[2]) return null;
  return typeKey(m[1]) === typeKey(type) ? docKey(m[1], m[2]) : null;
}

const LAW_TYPES = new Set(['luat', 'bo luat']);

/** Ends the exact part of a d: or s: key; sorts below every character a key can hold. */
export const RANK_SEP = '\u0001';

const STATUS_ORDER: Record<DocStatus, string> = {
  in_force: '0',
  not_yet_in_force: '1',
  unknown: '1',
  expired: '2',
};

/** The tie order of a document as a sortable string: status, then newest first (undated last). */
export function documentOrder(d: Pick<DocumentEntry, 'status' | 'issuedDate'>): string {
  const date = d.issuedDate
    ? String(99_999_999 - Number(d.issuedDate.replaceAll('-', ''))).padStart(8, '0')
    : '99999999';
  return STATUS_ORDER[d.status] + date;
}

/**
 * How a card reads the documents behind one type + number or symbol: per status
 * class, the `before` documents issued nearest on or before `date` (undated ones
 * after those) and the `after` nearest after it. A national-size base has a
 * "1/QĐ-UBND" for every province and year; the reference is resolved among the
 * ones near the article's date instead of reading them all.
 */
export interface NearDate {
  /** YYYY-MM-DD */
  date: string;
  before: number;
  after: number;
}

export const STATUS_CLASSES = ['0', '1', '2'] as const;

/** Where, inside one status class, documents issued on or before `date` begin. */
export function dateBound(date: string): string {
  return String(99_999_999 - Number(date.replaceAll('-', ''))).padStart(8, '0');
}

/**
 * The NearDate selection over (item, order) pairs, in the order the database's
 * range reads return them (class by class; before: order ascending, then id;
 * after: order descending, then id descending), so memory and IndexedDB agree.
 */
export function selectNear<T extends { id: string }>(
  items: readonly { item: T; order: string }[],
  near: NearDate,
): T[] {
  const bound = dateBound(near.date);
  const out: T[] = [];
  const byId = (a: { item: T }, b: { item: T }) =>
    a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
  for (const c of STATUS_CLASSES) {
    const cls = items.filter((x) => x.order[0] === c);
    const at = c + bound;
    const before = cls
      .filter((x) => x.order >= at)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : byId(a, b)));
    const after = cls
      .filter((x) => x.order < at)
      .sort((a, b) => (a.order > b.order ? -1 : a.order < b.order ? 1 : byId(b, a)));
    for (const x of before.slice(0, near.before)) out.push(x.item);
    for (const x of after.slice(0, near.after)) out.push(x.item);
  }
  return out;
}

/** The exact part of a d: or s: key (without the order), or the key itself. */
export function keyBody(k: string): string {
  const i = k.indexOf(RANK_SEP);
  return i < 0 ? k : k.slice(0, i);
}

function documentTerms(d: DocumentEntry): TermRow {
  const keys = new Set<string>();
  const words = new Set<string>(wordsOf(d.type));
  const order = RANK_SEP + documentOrder(d);
  if (d.number) {
    keys.add(`d:${docKey(d.type, d.number)}${order}`);
    for (const w of wordsOf(d.number)) words.add(w);
  }
  for (const a of d.aliases) {
    const k = aliasDocKey(a, d.type);
    if (k) keys.add(`d:${k}${order}`);
  }
  if (d.symbol) {
    keys.add(`s:${symbolKey(d.symbol)}${order}`);
    for (const w of wordsOf(d.symbol)) words.add(w);
  }
  for (const name of [d.title, ...d.aliases]) {
    if (!name) continue;
    const n = nameKey(name);
    if (n) keys.add(`n:${n}`);
    for (const w of wordsOf(name)) words.add(w);
  }
  for (const w of words) keys.add(`w:${w}`);
  return {
    id: d.id,
    kind: 'document',
    k: [...keys],
    label: documentHeading(d),
    detail: d.title && d.title !== documentHeading(d) ? d.title : '',
    date: d.issuedDate,
    status: d.status,
    posts: [],
    validTo: null,
    successors: [],
    ...(LAW_TYPES.has(fold(d.type)) ? { g: 1 as const } : {}),
  };
}

function namedTerms(names: readonly string[]): string[] {
  const keys = new Set<string>();
  const words = new Set<string>();
  for (const name of names) {
    const n = nameKey(name);
    if (n) keys.add(`n:${n}`);
    for (const w of wordsOf(name)) words.add(w);
  }
  for (const w of words) keys.add(`w:${w}`);
  return [...keys];
}

function personTerms(p: PersonEntry): TermRow {
  return {
    id: p.id,
    kind: 'person',
    k: namedTerms([p.name, ...p.aliases]),
    label: p.name,
    detail: '',
    date: null,
    status: null,
    posts: p.posts.map((x) => [x.start, x.end, x.title]),
    validTo: null,
    successors: [],
    g: 1,
  };
}

function organizationTerms(o: OrganizationEntry): TermRow {
  return {
    id: o.id,
    kind: kindOf(o),
    k: namedTerms([o.name, ...o.aliases, ...o.abbreviations]),
    label: o.name,
    detail: o.abbreviations.length > 0 ? o.abbreviations.join(', ') : '',
    date: null,
    status: null,
    posts: [],
    validTo: o.validTo,
    successors: o.successors,
    g: 1,
  };
}

export function termsOf(e: Entry): TermRow {
  switch (kindOf(e)) {
    case 'document':
      return documentTerms(e as DocumentEntry);
    case 'person':
      return personTerms(e as PersonEntry);
    default:
      return organizationTerms(e as OrganizationEntry);
  }
}
