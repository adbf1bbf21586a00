// Search as the popup does it, over any store that can answer four index
// questions (TermIndex). The bundle in memory and the IndexedDB store both
// implement TermIndex, so this one function ranks for both.
//
// Work per keystroke is bounded: each index question reads at most a fixed
// number of rows, and word search reads the rows of the rarest query word only
// (counted cheaply first), checking the other words against each row's keys.
// When a bound is hit the counts are marked as lower bounds (`capped`).
import type { SearchResponse, SearchResult } from '../protocol.ts';
import { heldOn } from '../store/person-post.ts';
import { type EntryKind, RANK_SEP, type TermRow } from '../store/terms.ts';
import { parseQuery } from './query.ts';
import { compareRanked, currentness, type Ranked, tierOf } from './rank.ts';

export interface TermIndex {
  /** Visible rows that have any of `keys` exactly, reading at most `cap` index entries. */
  withKeys(keys: readonly string[], cap: number): Promise<{ rows: TermRow[]; capped: boolean }>;
  /** Visible rows that have a key starting with `prefix`, reading at most `cap` index entries. */
  withPrefix(prefix: string, cap: number): Promise<{ rows: TermRow[]; capped: boolean }>;
  /** How many index entries equal `key` (or start with it), counted up to `cap` without reading rows. */
  countUpTo(key: string, prefix: boolean, cap: number): Promise<number>;
  /** Visible rows of these ids. */
  byIds(ids: readonly string[]): Promise<TermRow[]>;
}

export interface SearchOptions {
  limit: number;
  /** YYYY-MM-DD: "holding a post now", "in force", "still exists" are judged on this day. */
  today: string;
}

/** Rows read per prefix question and for word search. */
export const PREFIX_CAP = 40;
export const WORD_CAP = 100;
/** Rows read for an exact name, number or symbol, best first (see RANK_SEP in terms.ts). */
export const EXACT_CAP = 100;

const isPost = (row: TermRow, today: string) =>
  row.posts.filter(([start, end, title]) => heldOn({ start, end, title, body: null }, today));

function personDetail(row: TermRow, today: string): { detail: string; holds: boolean } {
  const now = isPost(row, today);
  if (now[0]) return { detail: now[0][2], holds: true };
  // Not holding a post today: show the latest one the sources give.
  let latest = row.posts[0];
  for (const p of row.posts) if (latest && (p[0] ?? '') > (latest[0] ?? '')) latest = p;
  return { detail: latest?.[2] ?? '', holds: false };
}

function toResult(r: Ranked, today: string, mergedFrom?: string): SearchResult {
  const { row } = r;
  const person = row.kind === 'person' ? personDetail(row, today) : null;
  return {
    kind: row.kind,
    id: row.id,
    label: row.label,
    detail: person ? person.detail : row.detail,
    date: row.date,
    status: row.status,
    current: r.current === 0,
    ...(mergedFrom ? { mergedFrom } : {}),
  };
}

function rank(row: TermRow, tier: 0 | 1 | 2, today: string): Ranked {
  const holds = row.kind === 'person' && isPost(row, today).length > 0;
  return { row, tier, current: currentness(row, holds, today) };
}

async function wordMatches(index: TermIndex, words: string[]): Promise<{ rows: TermRow[]; capped: boolean }> {
  if (words.length === 0) return { rows: [], capped: false };
  // One word: its prefix is the only candidate list, nothing to compare.
  if (words.length === 1) return index.withPrefix(`w:${words[0]}`, WORD_CAP);
  const last = words.length - 1;
  const counted = await Promise.all(
    words.map(async (w, i) => ({
      w,
      prefix: i === last,
      n: await index.countUpTo(`w:${w}`, i === last, WORD_CAP + 1),
    })),
  );
  // The rarest word bounds the candidates; the others are checked on each row's keys.
  counted.sort((a, b) => a.n - b.n);
  const rarest = counted[0];
  if (!rarest || rarest.n === 0) return { rows: [], capped: false };
  return rarest.prefix
    ? index.withPrefix(`w:${rarest.w}`, WORD_CAP)
    : index.withKeys([`w:${rarest.w}`], WORD_CAP);
}

const NO_ROWS = Promise.resolve({ rows: [] as TermRow[], capped: false });

const EMPTY_COUNTS = (): Record<EntryKind, number> => ({ document: 0, person: 0, organization: 0, place: 0 });

export async function search(index: TermIndex, query: string, opts: SearchOptions): Promise<SearchResponse> {
  const q = parseQuery(query);
  if (q.words.length === 0 && !q.symbol) return { results: [], counts: EMPTY_COUNTS(), capped: false };

  // Exact document keys are ranges (`d:<key>␁…`, in tie order, see terms.ts): reading
  // the first EXACT_CAP of them reads the best ones.
  const prefixes: [key: string, cap: number][] = [];
  if (q.docKey) prefixes.push([`d:${q.docKey}${RANK_SEP}`, EXACT_CAP]);
  if (q.symbol) prefixes.push([`s:${q.symbol}${RANK_SEP}`, EXACT_CAP]);
  if (q.name) prefixes.push([`n:${q.name}`, PREFIX_CAP]);
  if (q.docKey) prefixes.push([`d:${q.docKey}`, PREFIX_CAP]);
  if (q.symbol) prefixes.push([`s:${q.symbol}`, PREFIX_CAP]);

  const [exact, words, ...byPrefix] = await Promise.all([
    index.withKeys(q.name ? [`n:${q.name}`] : [], EXACT_CAP),
    // A document shape (`nd 168`, `12-nq`) is answered by number and symbol; one letter
    // matches most words of the index. Neither gains from reading rows word by word.
    q.docKey || q.symbol || q.name.length < 2 ? NO_ROWS : wordMatches(index, q.words),
    ...prefixes.map(([p, cap]) => index.withPrefix(p, cap)),
  ]);
  let capped = words.capped || exact.capped;
  const seen = new Map<string, Ranked>();
  const consider = (row: TermRow) => {
    if (seen.has(row.id)) return;
    const tier = tierOf(row, q);
    if (tier !== null) seen.set(row.id, rank(row, tier, opts.today));
  };
  for (const row of exact.rows) consider(row);
  for (const p of byPrefix) {
    capped ||= p.capped;
    for (const row of p.rows) consider(row);
  }
  for (const row of words.rows) consider(row);

  const ranked = [...seen.values()].sort(compareRanked);
  const counts = EMPTY_COUNTS();
  for (const r of ranked) counts[r.row.kind]++;

  // A place or body that was merged away is followed by what it became (`ha giang` →
  // Tỉnh Hà Giang, then Tỉnh Tuyên Quang), ahead of weaker matches.
  const top = ranked.slice(0, opts.limit);
  const wanted = top
    .filter((r) => r.tier === 0 && r.row.successors.length > 0)
    .flatMap((r) => r.row.successors);
  const missing = wanted.filter((id) => !seen.has(id));
  const loaded = new Map(
    (await (missing.length > 0 ? index.byIds(missing) : [])).map((row) => [row.id, row]),
  );
  const out: SearchResult[] = [];
  const placed = new Set<string>();
  for (const r of top) {
    if (placed.has(r.row.id)) continue;
    out.push(toResult(r, opts.today));
    placed.add(r.row.id);
    if (r.tier !== 0) continue;
    for (const id of r.row.successors) {
      if (placed.has(id)) continue;
      const next = seen.get(id) ?? (loaded.has(id) ? rank(loaded.get(id) as TermRow, 0, opts.today) : null);
      if (!next) continue;
      if (!seen.has(id)) counts[next.row.kind]++;
      out.push(toResult(next, opts.today, r.row.label));
      placed.add(id);
    }
  }
  return { results: out.slice(0, opts.limit), counts, capped };
}
