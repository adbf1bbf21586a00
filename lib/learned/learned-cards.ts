// Documents a page cited in full that the dataset lacks are remembered locally
// (lib/store's `learned` table) so that a short form on another site can show
// what the first page said. This module decides what is worth remembering and
// how a remembered row completes a card; it reads rows through a small
// interface, so it is tested in Node without a database.
import { docKey, symbolKey } from '../dataset/keys.ts';
import { impliedIssuers, joinSymbol, symbolYear } from '../detect/doc-ref.ts';
import type { CardData, DocRefQuery, LookupQuery } from '../protocol.ts';

/** A remembered document as the store keeps it (lib/store/dexie-schema.ts LearnedDocument, without its key). */
export interface LearnedRow {
  symbolKey: string;
  /** Full symbol: "77/2025/NĐ-CP". */
  symbol: string;
  docType: string;
  number: string | null;
  issuer: string | null;
  issuedDate: string | null;
  subject: string | null;
  pages: { url: string; seen: string }[];
}

/** What the store's `learn` takes (lib/store/dexie-store.ts LearnedInput). */
export interface LearnInput {
  symbol: string;
  docType: string;
  number: string | null;
  issuer: string | null;
  issuedDate: string | null;
  subject: string | null;
  pageUrl: string;
  seen: string;
}

export interface LearnedSource {
  bySymbol(symbolKey: string): Promise<LearnedRow[]>;
  /** Every remembered row (a reader's own list: hundreds at most). */
  all(): Promise<LearnedRow[]>;
}

/** A page names at most this many documents worth remembering; more is noise or abuse. */
export const MAX_LEARN_PER_PAGE = 50;

/**
 * A citation full enough to stand for its document on another page: a number,
 * a symbol and at least a date or an issuer the symbol does not already say.
 * "Nghị định 77" alone says nothing new, nor does "Nghị định 77/2025/NĐ-CP" (NĐ-CP is the Government).
 */
export function learnable(ref: DocRefQuery): boolean {
  if (!ref.number || !ref.symbol) return false;
  return !!ref.date || (!!ref.issuer && !impliedIssuers(ref.symbol).includes(ref.issuer));
}

/** The page URL as remembered: no fragment, no query (tracking parameters, session ids). */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.slice(0, 2000);
  }
}

/**
 * The full citations among a page's mentions, once each, at most MAX_LEARN_PER_PAGE:
 * what the background offers to remember after it has read the page.
 */
export function learnableRefs(mentions: readonly { kind: string; ref?: DocRefQuery }[]): DocRefQuery[] {
  const out: DocRefQuery[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'document' || !m.ref || !learnable(m.ref)) continue;
    const { docType, number, symbol, year, issuer, date, subject } = m.ref;
    const key = JSON.stringify([docType, number, symbol, date]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ docType, number, symbol, year, issuer, date, subject: subject ?? null });
    if (out.length >= MAX_LEARN_PER_PAGE) break;
  }
  return out;
}

/** Pages that cited a learned document, without the one asking: the card is already on it. */
export function withoutPage(data: CardData, url: string): CardData {
  if (data.kind !== 'document-from-page' || !data.seenOn) return data;
  const here = pageKey(url);
  const others = data.seenOn.filter((p) => p.url !== here);
  const { seenOn: _all, ...rest } = data;
  return others.length > 0 ? { ...rest, seenOn: others } : rest;
}

export function learnInputOf(ref: DocRefQuery, pageUrl: string, seen: string): LearnInput | null {
  if (!learnable(ref) || !ref.number || !ref.symbol) return null;
  return {
    symbol: joinSymbol(ref.number, ref.symbol),
    docType: ref.docType,
    number: ref.number,
    issuer: ref.issuer,
    issuedDate: ref.date,
    subject: ref.subject ?? null,
    pageUrl: pageKey(pageUrl),
    seen,
  };
}

const sameDate = (a: string | null, b: string | null) => a === null || b === null || a === b;

/** The part of a full symbol after the number ("77/2025/NĐ-CP" → "2025/NĐ-CP"), as a DocRef holds it. */
function symbolRest(row: LearnedRow): string | null {
  if (!row.number || !row.symbol.startsWith(row.number)) return null;
  return row.symbol.slice(row.number.length + 1) || null;
}

function yearOf(row: LearnedRow): number | null {
  return row.issuedDate ? Number(row.issuedDate.slice(0, 4)) : symbolYear(symbolRest(row));
}

/**
 * The one remembered document `ref` can mean, or null. Conservative like the
 * in-article resolver: rows that disagree (two symbols, two issued dates) mean
 * the short form is ambiguous, and an ambiguous guess is worse than no card.
 */
function pick(ref: DocRefQuery, rows: LearnedRow[]): LearnedRow | null {
  const fits = rows.filter(
    (r) =>
      sameDate(r.issuedDate, ref.date) && (ref.year === null || yearOf(r) === null || yearOf(r) === ref.year),
  );
  if (fits.length === 0) return null;
  if (new Set(fits.map((r) => r.symbolKey)).size > 1) return null;
  const dates = new Set(fits.flatMap((r) => (r.issuedDate ? [r.issuedDate] : [])));
  if (dates.size > 1) return null;
  // Rows of one identity differ only in what each page said: merge them, newest page first.
  const dated = fits.find((r) => r.issuedDate) ?? (fits[0] as LearnedRow);
  const pages = fits
    .flatMap((r) => r.pages)
    .sort((a, b) => b.seen.localeCompare(a.seen))
    .filter((p, i, all) => all.findIndex((q) => q.url === p.url) === i);
  return {
    ...dated,
    issuer: dated.issuer ?? fits.find((r) => r.issuer)?.issuer ?? null,
    subject: dated.subject ?? fits.find((r) => r.subject)?.subject ?? null,
    pages,
  };
}

/**
 * Completes a card the dataset could not answer with what an earlier page said
 * about the same document. Any other card comes back unchanged.
 */
export async function withLearned(
  card: CardData,
  query: LookupQuery,
  source: LearnedSource,
): Promise<CardData> {
  if (query.kind !== 'document' || (card.kind !== 'none' && card.kind !== 'document-from-page')) return card;
  const ref = query.ref;
  if (!ref.number) return card;
  let rows: LearnedRow[];
  if (ref.symbol) {
    rows = await source.bySymbol(symbolKey(joinSymbol(ref.number, ref.symbol)));
  } else {
    const key = docKey(ref.docType, ref.number);
    rows = (await source.all()).filter((r) => r.number !== null && docKey(r.docType, r.number) === key);
  }
  const row = pick(ref, rows);
  if (!row) return card;
  return {
    kind: 'document-from-page',
    text: query.text,
    ref: {
      ...ref,
      symbol: ref.symbol ?? symbolRest(row),
      year: ref.year ?? yearOf(row),
      issuer: ref.issuer ?? row.issuer,
      date: ref.date ?? row.issuedDate,
      subject: ref.subject ?? row.subject,
    },
    seenOn: row.pages,
  };
}
