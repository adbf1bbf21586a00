// From what an article says about a document to entries of the dataset. Party
// numbering restarts every term, so "12-NQ/TW" alone can be several documents:
// identity is symbol + date. Candidates are ranked by what the article states
// (symbol, issuer, year, date, subject) and then by the article's own date.
import { docKey, fold, nameKey, symbolKey, typeKey } from '../dataset/keys.ts';
import {
  type DocRef,
  inTerm,
  isPartySymbol,
  issuerFitsSymbol,
  joinSymbol,
  sameIssuer,
  symbolYear,
} from '../detect/doc-ref.ts';

/** What the resolver needs of a dataset document. */
export interface GazetteerDoc {
  id: string;
  type: string;
  number: string | null;
  symbol: string | null;
  issuedDate: string | null;
  issuers: string[];
  aliases: string[];
  title?: string | null;
}

export interface DocumentMatch {
  /** The entry meant, when the article leaves no doubt; else null. */
  entity: string | null;
  /** Every plausible entry, most likely first (entity, when set, is first). */
  candidates: string[];
}

/**
 * A named document's key, without what news may or may not print: the year ("Luật Đất
 * đai 2024"), the symbol of an amended law ("… của Bộ luật Hình sự số 100/2015/QH13"), the
 * "Luật" before an amending law's title ("sửa đổi, bổ sung một số điều của …").
 */
function bareName(n: string): string {
  return nameKey(
    n
      .replace(/\s+số\s+\d+\/\d{4}\/QH\d+$/, '')
      .replace(/\s+(?:năm\s+)?(?:19|20)\d{2}$/, '')
      .replace(/^Luật\s+(?=sửa đổi)/i, ''),
  );
}

/**
 * The dataset's documents indexed by type + number and by name, so a page with
 * thousands of citations asks a map, not the whole list, for each.
 */
export function createDocumentIndex(docs: readonly GazetteerDoc[]): (ref: DocRef) => GazetteerDoc[] {
  const byKey = new Map<string, GazetteerDoc[]>();
  const add = (k: string, d: GazetteerDoc) => {
    const list = byKey.get(k) ?? [];
    if (!list.includes(d)) list.push(d);
    byKey.set(k, list);
  };
  for (const d of docs) {
    if (d.number !== null) add(docKey(d.type, d.number), d);
    for (const n of [d.title ?? '', ...d.aliases]) if (n) add(`name|${bareName(n)}`, d);
  }
  return (ref) =>
    byKey.get(ref.number !== null ? docKey(ref.docType, ref.number) : `name|${bareName(ref.name ?? '')}`) ??
    [];
}

function stripZeros(n: string): string {
  return n.replace(/^0+(?=\d)/, '');
}

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );
}

/** Share of the subject's words found in the title: how well "về đẩy mạnh …" fits. */
function subjectOverlap(subject: string | null | undefined, title: string | null | undefined): number {
  if (!subject || !title) return 0;
  const s = words(subject);
  const t = words(title);
  if (s.size === 0) return 0;
  let hit = 0;
  for (const w of s) if (t.has(w)) hit++;
  return hit / s.size;
}

function docYear(d: GazetteerDoc): number | null {
  if (d.issuedDate) return Number(d.issuedDate.slice(0, 4));
  return symbolYear(d.symbol?.replace(/^\d+[/-]/, '') ?? null);
}

/** Whether a dataset document can be the one the reference names. */
function compatible(ref: DocRef, d: GazetteerDoc): boolean {
  if (ref.number !== null) {
    if (d.number === null || stripZeros(d.number) !== stripZeros(ref.number)) return false;
    if (typeKey(d.type) !== typeKey(ref.docType)) return false;
    if (ref.symbol && /^\d{4}$/.test(ref.symbol)) {
      // "Nghị quyết số 202/2025": number and year, the issuer's code left out.
      if (!d.symbol || !symbolKey(d.symbol).startsWith(`${stripZeros(ref.number)}/${ref.symbol}/`))
        return false;
    } else if (ref.symbol) {
      if (!d.symbol || symbolKey(d.symbol) !== symbolKey(joinSymbol(ref.number, ref.symbol))) return false;
    }
  } else {
    // Named documents: by name or alias, the year compared on its own below.
    const wanted = bareName(ref.name ?? '');
    if (![d.title ?? '', ...d.aliases].some((n) => bareName(n) === wanted)) return false;
  }
  const y = docYear(d);
  if (ref.year !== null && y !== null && ref.year !== y) return false;
  if (ref.date && d.issuedDate && ref.date !== d.issuedDate) return false;
  if (ref.term && d.issuedDate && !inTerm(d.issuedDate, ref.term)) return false;
  if (ref.issuer && d.issuers.length > 0 && !d.issuers.some((i) => sameIssuer(i, ref.issuer as string))) {
    // The dataset may name the body more fully ("Ban Chấp hành Trung ương Đảng"); only a clash counts.
    if (!d.symbol || !issuerFitsSymbol(ref.issuer, d.symbol.replace(/^\d+[-/]/, ''))) return false;
  }
  if (ref.issuer && d.symbol && !issuerFitsSymbol(ref.issuer, d.symbol.replace(/^\d+[-/]/, ''))) return false;
  return true;
}

/**
 * Ranks the dataset's candidates for a reference. `date` is the article's date:
 * of documents sharing a restarted Party number, the ones issued before the
 * article come first, the most recent first.
 */
export function matchDocument(
  ref: DocRef,
  docs: readonly GazetteerDoc[],
  date: string | null,
): DocumentMatch {
  const ok = docs.filter((d) => compatible(ref, d));
  if (ok.length === 0) return { entity: null, candidates: [] };
  const score = (d: GazetteerDoc): number => {
    let s = 0;
    if (ref.date && d.issuedDate === ref.date) s += 100;
    if (ref.year !== null && docYear(d) === ref.year) s += 40;
    s += 30 * subjectOverlap(ref.subject, d.title);
    if (date && d.issuedDate) {
      if (d.issuedDate <= date)
        s += 20 - Math.min(19, (Date.parse(date) - Date.parse(d.issuedDate)) / (365.25 * 864e5 * 5));
      else s -= 50;
    }
    return s;
  };
  const ranked = ok
    .map((d) => ({ d, s: score(d) }))
    .sort((a, b) => b.s - a.s || ((b.d.issuedDate ?? '') < (a.d.issuedDate ?? '') ? -1 : 1));
  const [best, second] = ranked;
  // Decisive when alone, or when what the article states (date, year, subject) sets it apart.
  const decisive =
    !!best &&
    (!second ||
      (ref.date !== null && best.d.issuedDate === ref.date) ||
      (ref.year !== null && docYear(best.d) === ref.year && docYear(second.d) !== ref.year) ||
      best.s - second.s >= 15);
  // A State symbol with its year names one document; restarted Party symbols need more.
  const stateSymbol = ref.symbol !== null && !isPartySymbol(ref.symbol) && symbolYear(ref.symbol) !== null;
  return {
    entity: best && (decisive || (stateSymbol && ranked.length === 1)) ? best.d.id : null,
    candidates: ranked.map((r) => r.d.id),
  };
}
