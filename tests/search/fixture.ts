// Loads and validates the search fixture (tests/fixtures/search), and the real
// built dataset when it exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { validateDataset } from '../../lib/dataset/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function load(file: string): Dataset {
  const result = validateDataset(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`${file} is not a valid dataset: ${result.errors.slice(0, 5).join('; ')}`);
  return result.dataset;
}

export function fixtureDataset(): Dataset {
  return load(join(ROOT, 'tests', 'fixtures', 'search', 'dataset.json'));
}

export const REAL_DATASET = join(ROOT, 'public', 'data', 'dataset.json');

/** The built dataset (npm run dataset:build), or null when it has not been built. */
export function realDataset(): Dataset | null {
  return existsSync(REAL_DATASET) ? load(REAL_DATASET) : null;
}
