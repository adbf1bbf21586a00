import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergeRecord, ProvinceRecord, SplitRecord } from '../../lib/dataset/places.ts';
import { buildPlaces, parseGsoCsv } from '../../lib/dataset/places.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'dataset', 'places');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

function build() {
  return buildPlaces(
    json<ProvinceRecord[]>('pre.json'),
    json<ProvinceRecord[]>('post.json'),
    json<{ data: MergeRecord[] }>('merges.json').data,
    json<{ data: SplitRecord[] }>('splits.json').data,
    parseGsoCsv(readFileSync(join(dir, 'gso.csv'), 'utf8')),
    {
      pre: 'pre.json',
      post: 'post.json',
      merges: 'merges.json',
      splits: 'splits.json',
      gso: 'gso.csv',
      retrieved: { pre: '2025-07-19', post: '2026-08-02', mapping: '2025-07-12' },
    },
    {
      lastDayOld: '2025-06-30',
      firstDayNew: '2025-07-01',
      source: { url: 'https://example.org/switch', quote: 'Từ ngày 1/7/2025' },
    },
  );
}

describe('buildPlaces', () => {
  const { places, warnings } = build();
  const byId = new Map(places.map((p) => [p.id, p]));

  it('keeps a unit that kept its name as two distinct entries', () => {
    const before = byId.get('place:song-dai@pre-2025');
    const after = byId.get('place:song-dai@2025');
    expect(before?.validTo).toBe('2025-06-30');
    expect(before?.validFrom).toBeNull();
    expect(after?.validFrom).toBe('2025-07-01');
    expect(after?.validTo).toBeNull();
    expect(before?.successors).toEqual(['place:song-dai@2025']);
  });

  it('links merged provinces both ways', () => {
    expect(byId.get('place:nui-cao@pre-2025')?.successors).toEqual(['place:song-dai@2025']);
    expect(byId.get('place:song-dai@2025')?.predecessors).toEqual([
      'place:nui-cao@pre-2025',
      'place:song-dai@pre-2025',
    ]);
  });

  it('marks centrally-run cities as city', () => {
    expect(byId.get('place:thu-do@pre-2025')?.kind).toBe('city');
    expect(byId.get('place:thu-do@2025')?.kind).toBe('city');
    expect(byId.get('place:nui-cao@pre-2025')?.kind).toBe('province');
  });

  it('takes the post-2025 kind from the GSO list when the database disagrees, and says so', () => {
    const p = byId.get('place:bien-xanh@2025');
    expect(p?.kind).toBe('province');
    expect(p?.name).toBe('Tỉnh Biển Xanh');
    expect(warnings.some((w) => w.includes('Biển Xanh'))).toBe(true);
  });

  it('gives every place sources for its dates and links', () => {
    for (const p of places) {
      const supported = new Set(p.sources.flatMap((s) => s.supports ?? []));
      if (p.validFrom) expect(supported.has('validFrom')).toBe(true);
      if (p.validTo) expect(supported.has('validTo')).toBe(true);
      if (p.successors.length) expect(supported.has('successors')).toBe(true);
      if (p.predecessors.length) expect(supported.has('predecessors')).toBe(true);
    }
    expect(places.map((p) => p.id)).toEqual([...places.map((p) => p.id)].sort());
  });
});
