// What a document mention says about its document, and the facts its symbol
// implies. Shared by the grammar (which reads them off the text), the in-article
// resolver (which completes short forms) and the dataset matcher.
import { fold } from '../dataset/keys.ts';
import type { DocRefQuery } from '../protocol.ts';
import { CENTRAL_PARTY_ISSUERS, PARTY_TYPE_CODES, STATE_ISSUER_CODES, SYMBOL_TYPE_CODES } from './lexicon.ts';

export type DocRef = DocRefQuery & {
  /** Named documents (Luật Đất đai, Nghị quyết Trung ương 4 khóa XII): their name. */
  name?: string | null;
  /** The Party term the text places it in ("… khóa XII"): Party numbers restart each term. */
  term?: string | null;
};

// First month of each Party Congress term (the congress that opened it).
const TERM_STARTS: Record<string, string> = {
  VIII: '1996-06',
  IX: '2001-04',
  X: '2006-04',
  XI: '2011-01',
  XII: '2016-01',
  XIII: '2021-01',
  XIV: '2026-01',
};
const TERM_ORDER = Object.keys(TERM_STARTS);

/** Whether a date (YYYY-MM-DD) falls within a Party term; unknown terms never exclude. */
export function inTerm(date: string, term: string): boolean {
  const start = TERM_STARTS[term];
  if (!start) return true;
  const next = TERM_STARTS[TERM_ORDER[TERM_ORDER.indexOf(term) + 1] ?? ''];
  return date.slice(0, 7) >= start && (!next || date.slice(0, 7) < next);
}

/** Party symbols put the issuer after the slash ("NQ/TW"); State ones after a dash ("NĐ-CP", "QH15"). */
export function isPartySymbol(symbol: string): boolean {
  return !/^\d{4}\//.test(symbol) && /^[^/-]+\//.test(symbol) && !symbol.includes('-');
}

/** The year a State symbol carries ("2024/NĐ-CP" → 2024), else null. */
export function symbolYear(symbol: string | null): number | null {
  const m = symbol ? /^((?:19|20)\d{2})(?:\/|$)/.exec(symbol) : null;
  return m ? Number(m[1]) : null;
}

/** The type code a symbol starts with, upper-cased ("QĐi/TW" → QĐI, "2024/NĐ-CP" → NĐ). */
export function symbolTypeCode(symbol: string): string | null {
  const rest = symbol.replace(/^(?:19|20)\d{2}\//, '');
  const m = /^([A-Za-zĐđ]+)/.exec(rest);
  return m ? (m[1] as string).toUpperCase() : null;
}

/** Whether a printed type word agrees with the code inside the symbol. */
export function typeAgreesWithSymbol(docType: string, symbol: string): boolean {
  const code = symbolTypeCode(symbol);
  if (!code) return true;
  const types = SYMBOL_TYPE_CODES[code];
  // Codes we do not know (QH15, UBTVQH15, ministry-only symbols) do not contradict.
  return !types || types.includes(docType);
}

const PARTY_ISSUER_CODES: Record<string, string> = {
  ĐUCA: 'Đảng ủy Công an Trung ương',
  ĐUCATW: 'Đảng ủy Công an Trung ương',
  BTCTW: 'Ban Tổ chức Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
  UBKTTW: 'Ủy ban Kiểm tra Trung ương',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  BTGDVTW: 'Ban Tuyên giáo và Dân vận Trung ương',
  BDVTW: 'Ban Dân vận Trung ương',
  BNCTW: 'Ban Nội chính Trung ương',
  BKTTW: 'Ban Kinh tế Trung ương',
  BCSTW: 'Ban Chính sách, chiến lược Trung ương',
  BĐNTW: 'Ban Đối ngoại Trung ương',
  QUTW: 'Quân ủy Trung ương',
  ĐUQSTW: 'Quân ủy Trung ương',
};

/**
 * Issuers a symbol states by itself: "NĐ-CP" → Chính phủ, "QH15" → Quốc hội,
 * "KH/ĐUCA" → Đảng ủy Công an Trung ương. "/TW" is any central Party body, so it
 * implies none.
 */
export function impliedIssuers(symbol: string | null): string[] {
  return [...impliedBy(symbol)];
}

// A page cites the same symbols again and again: what each implies is read once.
const implied = new Map<string, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

/** impliedIssuers, remembered (not to be changed by the caller). */
function impliedBy(symbol: string | null): readonly string[] {
  if (!symbol) return NONE;
  let hit = implied.get(symbol);
  if (hit === undefined) {
    hit = readImpliedIssuers(symbol);
    if (implied.size > 10_000) implied.clear();
    implied.set(symbol, hit);
  }
  return hit;
}

/** The first issuer a symbol implies, or null (what a citation without a named issuer gets). */
export function firstImpliedIssuer(symbol: string | null): string | null {
  return impliedBy(symbol)[0] ?? null;
}

function readImpliedIssuers(symbol: string): string[] {
  if (isPartySymbol(symbol)) {
    const owner = symbol.split('/').pop()?.toUpperCase() ?? '';
    const named = PARTY_ISSUER_CODES[owner];
    return named ? [named] : [];
  }
  const parts = symbol.replace(/^(?:19|20)\d{2}\//, '').split(/[-/]/);
  const out: string[] = [];
  // A Công văn's symbol starts with its issuer ("969/TTg-KGVX"): no type code before it.
  const head = parts[0]?.toUpperCase() ?? '';
  if (!SYMBOL_TYPE_CODES[head] && STATE_ISSUER_CODES[head]) return [STATE_ISSUER_CODES[head] as string];
  for (const p of parts) {
    const code = p.toUpperCase();
    if (/^UBTVQH\d*$/.test(code)) out.push('Ủy ban Thường vụ Quốc hội');
    else if (/^QH\d*$/.test(code)) out.push('Quốc hội');
    else if (/^(?:L-)?CTN$/.test(code)) out.push('Chủ tịch nước');
    else {
      const named = STATE_ISSUER_CODES[code];
      if (named && parts.indexOf(p) > 0) out.push(named);
    }
  }
  return out;
}

// Built on first use: the content script imports this module for other helpers and should not pay for it.
let central: Set<string> | null = null;
const centralIssuers = (): Set<string> => (central ??= new Set(CENTRAL_PARTY_ISSUERS.map((s) => fold(s))));

// Asked for the same few issuers over and over while an article's citations are bound.
const centralByIssuer = new Map<string, boolean>();

export function isCentralPartyIssuer(issuer: string | null): boolean {
  if (!issuer) return false;
  let hit = centralByIssuer.get(issuer);
  if (hit === undefined) {
    hit = centralIssuers().has(fold(issuer).replace(/ khoa [ivxlc]+$/, ''));
    if (centralByIssuer.size > 10_000) centralByIssuer.clear();
    centralByIssuer.set(issuer, hit);
  }
  return hit;
}

/**
 * The symbol a central Party body's document of this type must have
 * ("Quy định" of Bộ Chính trị → "QĐ/TW"), or null when the type has no such code.
 */
export function centralPartySymbol(docType: string): string | null {
  const code = PARTY_TYPE_CODES[docType];
  return code ? `${code}/TW` : null;
}

/**
 * Whether an issuer named in the text can be the one a symbol implies. Unknown
 * on either side is compatible; only a clear contradiction keeps two apart
 * (12-NQ/TW of Bộ Chính trị is not 12-NQ/ĐUCA).
 */
export function issuerFitsSymbol(issuer: string | null, symbol: string | null): boolean {
  if (!issuer || !symbol) return true;
  if (isPartySymbol(symbol)) {
    const owner = symbol.split('/').pop()?.toUpperCase() ?? '';
    if (owner === 'TW') return isCentralPartyIssuer(issuer) || !isLocalPartyIssuer(issuer);
    const owners = impliedBy(symbol);
    if (owners.length > 0) return owners.some((i) => sameIssuer(i, issuer));
    return !isCentralPartyIssuer(issuer);
  }
  const owners = impliedBy(symbol);
  return owners.length === 0 || owners.some((i) => sameIssuer(i, issuer));
}

function isLocalPartyIssuer(issuer: string): boolean {
  const f = fold(issuer);
  return /^(dang uy|tinh uy|thanh uy|huyen uy|ban thuong vu)/.test(f);
}

/** Two issuer names for the same body ("Ban Chấp hành Trung ương" = "Ban Chấp hành Trung ương Đảng"). */
// Abbreviations that stand for a body's full name when two issuers are compared.
const ISSUER_ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bbch\b/g, 'ban chap hanh'],
  [/\btu\b|\bt\.u\b|\btw\b/g, 'trung uong'],
  [/\btp\.?(?=\s)/g, 'thanh pho'],
];

function expandIssuer(folded: string): string {
  let out = folded;
  for (const [re, full] of ISSUER_ABBREVIATIONS) out = out.replace(re, full);
  return out.replace(/ khoa [ivxlc]+$/, '');
}

// The same few issuers are compared over and over while an article's citations are bound.
const issuerKeys = new Map<string, string>();

/** An issuer's name folded, its abbreviations spelt out (remembered). */
function issuerKey(issuer: string): string {
  let key = issuerKeys.get(issuer);
  if (key === undefined) {
    key = expandIssuer(fold(issuer));
    if (issuerKeys.size > 10_000) issuerKeys.clear();
    issuerKeys.set(issuer, key);
  }
  return key;
}

export function sameIssuer(a: string, b: string): boolean {
  const fa = issuerKey(a);
  const fb = issuerKey(b);
  if (fa === fb) return true;
  if (centralIssuers().has(fa) && centralIssuers().has(fb)) {
    // Bộ Chính trị, Ban Bí thư and the Central Committee are three bodies.
    const group = (x: string) =>
      x.startsWith('bo chinh tri') ? 'bct' : x.startsWith('ban bi thu') ? 'bbt' : 'bch';
    return group(fa) === group(fb);
  }
  return fa.startsWith(`${fb} `) || fb.startsWith(`${fa} `);
}

/** "12" + "NQ/TW" → "12-NQ/TW"; "168" + "2024/NĐ-CP" → "168/2024/NĐ-CP". */
export function joinSymbol(number: string, rest: string): string {
  return `${number}${isPartySymbol(rest) ? '-' : '/'}${rest}`;
}
