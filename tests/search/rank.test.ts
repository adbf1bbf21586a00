import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../lib/search/query.ts';
import { compareRanked, currentness, type Ranked, tierOf } from '../../lib/search/rank.ts';
import type { TermRow } from '../../lib/store/terms.ts';

const row = (over: Partial<TermRow>): TermRow => ({
  id: 'x',
  kind: 'document',
  k: [],
  label: 'x',
  detail: '',
  date: null,
  status: null,
  posts: [],
  validTo: null,
  successors: [],
  ...over,
});

describe('tierOf', () => {
  const nd168 = row({
    k: ['d:nghi dinh|168', 's:168/2024/nd-cp', 'w:nghi', 'w:dinh', 'w:168', 'w:2024', 'w:nd', 'w:cp'],
  });
  const toLam = row({ kind: 'person', k: ['n:to lam', 'w:to', 'w:lam'] });
  const toLamThu = row({ kind: 'person', k: ['n:to lam thu', 'w:to', 'w:lam', 'w:thu'] });
  const lamVanTo = row({ kind: 'person', k: ['n:lam van to', 'w:lam', 'w:van', 'w:to'] });
  it.each([
    [nd168, 'nd 168', 0],
    [nd168, 'nghi dinh 168', 0],
    [nd168, '168/2024', 0], // the number part of the symbol, up to a separator
    [nd168, '168', 0],
    [nd168, '168/2024/nd-cp', 0],
    [nd168, '168/', 0],
    [nd168, 'nd 16', 1],
    [nd168, '168/20', 1],
    [nd168, '16', 1],
    [nd168, 'nghi 168', 2],
    [nd168, 'cp 2024', 2],
    [nd168, 'thong tu 168', null],
    [nd168, 'to lam', null],
    [toLam, 'to lam', 0],
    [toLam, 'to la', 1],
    [toLam, 'lam to', 2],
    [toLam, 'to lam thu', null],
    [toLamThu, 'to lam', 1],
    [lamVanTo, 'to lam', 2],
    [lamVanTo, 'to l', 2],
    [lamVanTo, 'van', 2],
    [lamVanTo, 'va', 2],
    [lamVanTo, 'v to', null], // only the last word may be unfinished
  ] as const)('%#: %s', (r, query, tier) => {
    expect(tierOf(r, parseQuery(query))).toBe(tier);
  });
});

describe('currentness', () => {
  it.each([
    [row({ status: 'in_force' }), false, 0],
    [row({ status: 'unknown' }), false, 1],
    [row({ status: 'not_yet_in_force' }), false, 1],
    [row({ status: 'expired' }), false, 2],
    [row({ kind: 'person' }), true, 0],
    [row({ kind: 'person' }), false, 2],
    [row({ kind: 'place', validTo: null }), false, 0],
    [row({ kind: 'place', validTo: '2025-06-30' }), false, 2],
    [row({ kind: 'organization', validTo: '2030-01-01' }), false, 0],
  ] as const)('%#', (r, held, expected) => {
    expect(currentness(r, held, '2026-01-01')).toBe(expected);
  });
});

describe('compareRanked', () => {
  const r = (over: Partial<TermRow>, tier: 0 | 1 | 2, current: 0 | 1 | 2): Ranked => ({
    row: row(over),
    tier,
    current,
  });
  const order = (list: Ranked[]) => [...list].sort(compareRanked).map((x) => x.row.id);

  it('puts the better tier first whatever else differs', () => {
    expect(order([r({ id: 'prefix' }, 1, 0), r({ id: 'exact' }, 0, 2), r({ id: 'words' }, 2, 0)])).toEqual([
      'exact',
      'prefix',
      'words',
    ]);
  });

  it('within a tier: in force first, then newest first, undated last', () => {
    expect(
      order([
        r({ id: 'old', date: '2013-11-29' }, 0, 0),
        r({ id: 'expired-new', date: '2030-01-01' }, 0, 2),
        r({ id: 'undated', date: null }, 0, 0),
        r({ id: 'new', date: '2024-01-18' }, 0, 0),
      ]),
    ).toEqual(['new', 'old', 'undated', 'expired-new']);
  });

  it('within a tier: people holding a post now first, then by name', () => {
    expect(
      order([
        r({ id: 'b', kind: 'person', label: 'Bùi' }, 1, 2),
        r({ id: 'c', kind: 'person', label: 'Cao' }, 1, 0),
        r({ id: 'a', kind: 'person', label: 'An' }, 1, 2),
      ]),
    ).toEqual(['c', 'a', 'b']);
  });
});
