// How well an entry answers a query, and the order results are shown in.
//
// Tiers (lower is better):
//   0 exact: the type + number (`nd 168`), the full symbol or its number part up to
//     a separator (`168/2024`, `12-nq`, `12`), or a whole name, alias, abbreviation
//     or title (`to lam`, `bca`, `luat dat dai`)
//   1 prefix: a name, title, symbol or type + number that starts with the query
//   2 words: every word of the query is a word of the entry (the last one may be
//     unfinished), in any order
// Ties: what is current first — documents in force, people holding a post today,
// bodies and places that still exist — then documents newest first, then by name.
import { keyBody, type TermRow } from '../store/terms.ts';
import type { ParsedQuery } from './query.ts';

export type Tier = 0 | 1 | 2;

function isSymbolBoundary(key: string, symbol: string): boolean {
  if (!key.startsWith(symbol)) return false;
  if (key.length === symbol.length) return true;
  const next = key[symbol.length];
  return next === '/' || next === '-' || /[/-]$/.test(symbol);
}

/** The best tier at which `row` matches `q`, or null when it does not match. */
export function tierOf(row: Pick<TermRow, 'k'>, q: ParsedQuery): Tier | null {
  const exactName = q.name ? `n:${q.name}` : null;
  const exactDoc = q.docKey ? `d:${q.docKey}` : null;
  let best: Tier | null = null;
  const last = q.words.length - 1;
  const wordsNeeded = new Set(q.words.slice(0, last).map((w) => `w:${w}`));
  const lastWord = last >= 0 ? `w:${q.words[last]}` : null;
  let lastSeen = false;
  for (const k of row.k) {
    switch (k.charCodeAt(0)) {
      case 0x6e /* n */:
        if (k === exactName) return 0;
        if (exactName && k.startsWith(exactName)) best = 1;
        break;
      case 0x64 /* d */:
        {
          const body = keyBody(k);
          if (body === exactDoc) return 0;
          if (exactDoc && body.startsWith(exactDoc)) best = 1;
          break;
        }
      case 0x73 /* s */:
        if (q.symbol) {
          const sym = keyBody(k).slice(2);
          if (isSymbolBoundary(sym, q.symbol)) return 0;
          if (sym.startsWith(q.symbol)) best = 1;
        }
        break;
      case 0x77 /* w */:
        wordsNeeded.delete(k);
        if (lastWord && k.startsWith(lastWord)) lastSeen = true;
        break;
    }
  }
  if (best !== null) return best;
  return lastSeen && wordsNeeded.size === 0 ? 2 : null;
}

/** 0 current, 1 not known either way, 2 no longer current. */
export function currentness(row: TermRow, heldToday: boolean, today: string): 0 | 1 | 2 {
  switch (row.kind) {
    case 'document':
      return row.status === 'in_force' ? 0 : row.status === 'expired' ? 2 : 1;
    case 'person':
      return heldToday ? 0 : 2;
    default:
      return row.validTo === null || row.validTo >= today ? 0 : 2;
  }
}

const KIND_ORDER = { document: 0, person: 1, organization: 2, place: 3 } as const;

export interface Ranked {
  row: TermRow;
  tier: Tier;
  current: 0 | 1 | 2;
}

const collator = new Intl.Collator('vi');

export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.current !== b.current) return a.current - b.current;
  if (a.row.kind !== b.row.kind) return KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind];
  if (a.row.kind === 'document' && a.row.date !== b.row.date) {
    // Newest first; undated last.
    if (a.row.date === null) return 1;
    if (b.row.date === null) return -1;
    return a.row.date < b.row.date ? 1 : -1;
  }
  return (
    collator.compare(a.row.label, b.row.label) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
  );
}
