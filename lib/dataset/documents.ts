// Curated documents (every fact with a page quote) and the Ansvar law census
// (a list without quotes, with stale statuses) become schema documents. Curated
// values always win; the census only fills fields the curated record leaves
// empty, and its statuses are never used because they are known to be stale.
import type { DocStatus, DocumentEntry, RelationType, Source } from './schema.ts';
import { RELATION_TYPES } from './schema.ts';
import { slugify } from './slug.ts';

export interface CuratedEvidence {
  url: string;
  quote: string;
  supports: string[];
}

export interface CuratedRecord {
  docType: string;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  signer: string | null;
  issuedDate: string | null;
  effectiveDate: string | null;
  status: string | null;
  title: string | null;
  aliases: string[];
  relations: { type: string; symbol: string }[];
  evidence: CuratedEvidence[];
}

export interface CensusLaw {
  id: string;
  title: string;
  short_name?: string;
  official_number: string;
  type: string;
  status?: string;
  issued_date?: string | null;
  in_force_date?: string | null;
  url?: string;
}

/** Curated field names → schema field names where they differ. */
const FIELD_NAMES: Record<string, string> = { docType: 'type', issuer: 'issuers' };

const CURATED_STATUS: Record<string, DocStatus> = {
  'còn hiệu lực': 'in_force',
  'hết hiệu lực': 'expired',
  'chưa có hiệu lực': 'not_yet_in_force',
};

const CENSUS_TYPES: Record<string, string> = {
  constitution: 'Hiến pháp',
  code: 'Bộ luật',
  law: 'Luật',
  decree: 'Nghị định',
  ordinance: 'Pháp lệnh',
};

/** Symbols of this shape carry their year, so the number alone never repeats. */
const YEAR_IN_SYMBOL = /^\d+[a-zA-Z]?\/(19|20)\d{2}\//;

/**
 * doc:168/2024/NĐ-CP for symbols with a year; doc:57-NQ/TW@2024-12-22 for symbols
 * whose numbering restarts (Party documents, "111/NQ-CP"); doc:hien-phap@2013-11-28
 * for named documents without a symbol.
 */
export function documentId(type: string, symbol: string | null, issuedDate: string | null): string {
  if (symbol) {
    if (YEAR_IN_SYMBOL.test(symbol)) return `doc:${symbol}`;
    return issuedDate ? `doc:${symbol}@${issuedDate}` : `doc:${symbol}`;
  }
  return `doc:${slugify(type)}@${issuedDate ?? 'undated'}`;
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function uniqStrings(list: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const s of list) {
    const t = clean(s);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export interface DocumentsResult {
  documents: DocumentEntry[];
  warnings: string[];
}

interface Pending {
  entry: DocumentEntry;
  relations: { type: string; symbol: string; quotes: string[] }[];
  /** The evidence that states the relations, reused to back the inverse on the target. */
  relationSources: Source[];
}

const INVERSE: Record<RelationType, RelationType> = {
  replaces: 'replacedBy',
  replacedBy: 'replaces',
  amends: 'amendedBy',
  amendedBy: 'amends',
  guides: 'guidedBy',
  guidedBy: 'guides',
  implements: 'implementedBy',
  implementedBy: 'implements',
};

function fromCurated(r: CuratedRecord): Pending {
  const type = clean(r.docType) ?? 'Văn bản';
  let symbol = clean(r.symbol);
  const aliases = uniqStrings(r.aliases);
  // "Hiến pháp 2013" is a name, not a symbol; the schema keeps names as aliases.
  if (symbol && r.number === null && !/\d\//.test(symbol) && !/-/.test(symbol)) {
    if (!aliases.includes(symbol)) aliases.push(symbol);
    symbol = null;
  }
  const issuers = (clean(r.issuer) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const sources: Source[] = r.evidence.map((e) => ({
    url: e.url,
    quote: e.quote,
    supports: [...new Set(e.supports.map((f) => FIELD_NAMES[f] ?? f))],
  }));
  const entry: DocumentEntry = {
    id: documentId(type, symbol, r.issuedDate),
    type,
    number: clean(r.number),
    symbol,
    issuers,
    signer: clean(r.signer),
    issuedDate: r.issuedDate,
    effectiveDate: r.effectiveDate,
    status: r.status === null ? 'unknown' : (CURATED_STATUS[r.status.trim().toLowerCase()] ?? 'unknown'),
    statusDate: null,
    title: clean(r.title),
    summary: null,
    aliases: aliases.filter((a) => a.length <= 300),
    relations: [],
    sources,
  };
  const relEvidence = r.evidence.filter((e) => e.supports.includes('relations'));
  return {
    entry,
    relations: r.relations.map((x) => ({ ...x, quotes: relEvidence.map((e) => e.quote) })),
    relationSources: relEvidence.map((e) => ({ url: e.url, quote: e.quote, supports: ['relations'] })),
  };
}

const TVPL_URL = /^https:\/\/thuvienphapluat\.vn\/van-ban\/[A-Za-z-]+\/[A-Za-z0-9-]+-\d+\.aspx$/;

export interface CensusSource {
  file: string;
  retrieved: string;
}

function censusSource(law: CensusLaw, src: CensusSource, supports?: string[]): Source {
  const s: Source = { file: src.file, retrieved: src.retrieved };
  if (law.url && TVPL_URL.test(law.url)) s.url = law.url;
  if (supports) s.supports = supports;
  return s;
}

function censusSymbol(law: CensusLaw): string | null {
  const n = clean(law.official_number);
  return n && n !== 'N/A' ? n : null;
}

function censusDate(v: string | null | undefined): string | null {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

function fromCensus(law: CensusLaw, src: CensusSource): DocumentEntry {
  const type = CENSUS_TYPES[law.type] ?? 'Luật';
  const symbol = censusSymbol(law);
  const issuedDate = censusDate(law.issued_date);
  return {
    id: documentId(type, symbol, issuedDate),
    type,
    number: symbol ? (/^(\d+[a-zA-Z]?)\//.exec(symbol)?.[1] ?? null) : null,
    symbol,
    issuers: [],
    signer: null,
    issuedDate,
    effectiveDate: censusDate(law.in_force_date),
    status: 'unknown',
    statusDate: null,
    title: clean(law.title),
    summary: null,
    aliases: uniqStrings([law.short_name]),
    relations: [],
    sources: [censusSource(law, src)],
  };
}

/** Where a census law is also curated: fill what the curated record lacks, report disagreements. */
function mergeCensus(target: DocumentEntry, law: CensusLaw, src: CensusSource, warnings: string[]): void {
  const c = fromCensus(law, src);
  const filled: string[] = [];
  for (const field of ['issuedDate', 'effectiveDate', 'title'] as const) {
    const mine = target[field];
    const theirs = c[field];
    if (theirs === null) continue;
    if (mine === null) {
      target[field] = theirs;
      filled.push(field);
    } else if (field !== 'title' && mine !== theirs) {
      warnings.push(`${target.id}: census ${field} ${theirs} differs from curated ${mine}; kept curated`);
    }
  }
  for (const a of c.aliases) if (!target.aliases.includes(a)) target.aliases.push(a);
  target.sources.push(censusSource(law, src, filled.length > 0 ? filled : ['aliases']));
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function dmy(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const dd = String(Number(d));
  const mm = String(Number(m));
  return [`${d}/${m}/${y}`, `${dd}/${mm}/${y}`, `${dd}/${m}/${y}`, `${d}/${mm}/${y}`];
}

/**
 * `contradicted`: census entries (by id) that other sources show to be wrong, with why.
 * They are left out whole: a census row whose number belongs to another law would
 * otherwise lend that law its title and dates.
 */
export function buildDocuments(
  curated: CuratedRecord[],
  census: CensusLaw[],
  src: CensusSource,
  contradicted: Readonly<Record<string, string>> = {},
): DocumentsResult {
  const warnings: string[] = [];
  const pending = curated.map(fromCurated);
  const entries = pending.map((p) => p.entry);

  const bySymbol = new Map<string, DocumentEntry[]>();
  for (const e of entries) {
    if (!e.symbol) continue;
    const list = bySymbol.get(e.symbol) ?? [];
    list.push(e);
    bySymbol.set(e.symbol, list);
  }

  for (const law of census) {
    const why = contradicted[law.id];
    if (why !== undefined) {
      warnings.push(`census ${law.id}: left out, contradicted by other sources: ${why}`);
      continue;
    }
    const symbol = censusSymbol(law);
    const type = CENSUS_TYPES[law.type] ?? 'Luật';
    const same = symbol
      ? (bySymbol.get(symbol) ?? [])
      : entries.filter(
          (e) => e.symbol === null && e.type === type && e.issuedDate === censusDate(law.issued_date),
        );
    const [only] = same;
    if (only && same.length === 1) mergeCensus(only, law, src, warnings);
    else if (same.length > 1)
      warnings.push(`census ${law.id}: ${same.length} curated records share its symbol; not merged`);
    else {
      const e = fromCensus(law, src);
      entries.push(e);
      if (e.symbol) bySymbol.set(e.symbol, [e]);
    }
  }

  // Relations name their target by symbol only; a symbol shared by two records is
  // resolved by the target's date appearing in the supporting quote, else dropped.
  for (const p of pending) {
    for (const r of p.relations) {
      if (!(RELATION_TYPES as readonly string[]).includes(r.type)) {
        warnings.push(`${p.entry.id}: relation type ${r.type} is not in the schema; dropped`);
        continue;
      }
      let candidates = bySymbol.get(r.symbol) ?? [];
      const sharing = candidates.length;
      if (candidates.length > 1) {
        candidates = candidates.filter((c) => {
          const date = c.issuedDate;
          return date !== null && r.quotes.some((q) => dmy(date).some((d) => q.includes(d)));
        });
      }
      const [target] = candidates;
      if (target && candidates.length === 1) {
        const type = r.type as RelationType;
        p.entry.relations.push({ type, target: target.id });
        // "A replaces B" read from B's side is "B replacedBy A": same quote, other card.
        const inverse = INVERSE[type];
        if (!target.relations.some((x) => x.type === inverse && x.target === p.entry.id)) {
          target.relations.push({ type: inverse, target: p.entry.id });
          for (const src of p.relationSources) {
            if (!target.sources.some((t) => t.url === src.url && t.quote === src.quote))
              target.sources.push({ ...src });
          }
        }
      } else {
        warnings.push(
          `${p.entry.id}: relation ${r.type} → ${r.symbol} ${sharing === 0 ? 'has no record' : `is ambiguous (${sharing} records share the symbol)`}; dropped`,
        );
      }
    }
  }

  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) warnings.push(`${id}: ${n} records share this id`);
  entries.sort(byId);
  return { documents: entries, warnings };
}
