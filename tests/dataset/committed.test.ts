// The committed assets/data must always build: this is the same path
// `npm run dataset:build` takes, minus the writing.
import { describe, expect, it } from 'vitest';
import { assembleDataset, datasetStats, parseVersion } from '../../lib/dataset/assemble.ts';
import { readDataFiles, readVersionText } from '../../lib/dataset/node-files.ts';
import { countUnsourced } from '../../lib/dataset/validate.ts';

describe('committed assets/data', () => {
  const version = parseVersion(readVersionText());
  const result = assembleDataset(readDataFiles(), version ?? 1, '2026-01-01');

  it('has a valid VERSION and validates', () => {
    expect(version).not.toBeNull();
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has no unsourced facts and the expected imports', () => {
    if (!result.ok) return;
    const stats = datasetStats(result.dataset, countUnsourced(result.dataset));
    expect(stats.unsourced).toBe(0);
    expect(stats.persons).toBeGreaterThanOrEqual(1332);
    expect(stats.places).toBe(97);
    expect(stats.documents).toBeGreaterThanOrEqual(200);
  });

  it('keeps pre- and post-2025 provinces apart and links them', () => {
    if (!result.ok) return;
    const byId = new Map(result.dataset.organizations.map((o) => [o.id, o]));
    const places = result.dataset.organizations.filter((o) => o.id.startsWith('place:'));
    expect(places.filter((p) => p.id.endsWith('@pre-2025'))).toHaveLength(63);
    expect(places.filter((p) => p.id.endsWith('@2025'))).toHaveLength(34);
    expect(byId.get('place:ha-giang@pre-2025')?.successors).toEqual(['place:tuyen-quang@2025']);
    expect(byId.get('place:dong-nai@2025')?.kind).toBe('province');
    expect(places.filter((p) => p.id.endsWith('@2025') && p.kind === 'city')).toHaveLength(6);
  });
});
