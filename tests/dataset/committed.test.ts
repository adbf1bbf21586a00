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
});
