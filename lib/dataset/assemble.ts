// From the committed JSON Lines to a validated Dataset. Shared by the build,
// the stats tool and the tests, so what the tests check is what ships.
import type { JsonlFile } from './jsonl.ts';
import { loadJsonlFiles } from './jsonl.ts';
import { applyAliasOverlays, applyPostOverlays, mirrorRelations } from './overlays.ts';
import type { Dataset, DatasetMeta } from './schema.ts';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, PLACE_KINDS } from './schema.ts';
import { validateDataset } from './validate.ts';

export const NOTICE = [
  'RefLens reference dataset. Sources and licences:',
  '- Officials (persons): derived from Vietnamese Wikipedia infoboxes via political-net (https://github.com/datmieu204/political-net). ' +
    'Licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); attribution: the contributors of Vietnamese Wikipedia ' +
    '(each entry links its article) and the political-net authors. Adaptations must be shared under the same licence.',
  '- Provinces (places): vietnamese-provinces-database by Thang Le Quoc (https://github.com/thanglequoc/vietnamese-provinces-database), ' +
    'MIT licence, Copyright (c) Thang Le Quoc; and dvhcvn 2025 mapping (https://github.com/dvhcvn/20250701), MIT licence, ' +
    'Copyright (c) the dvhcvn authors. The MIT licence texts ship with the source snapshots and apply to those parts.',
  '- Laws census (some documents): vietnamese-law-mcp by Ansvar Systems (https://github.com/Ansvar-Systems/vietnamese-law-mcp), ' +
    'Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0); modified: statuses dropped, merged with curated records.',
  '- Curated documents, bodies and seed entries: compiled for RefLens from the public pages each entry cites (URL and quote in its sources).',
].join('\n');

export type AssembleResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Parses the files, puts them into one dataset with the given version and date, and validates it. */
export function assembleDataset(files: JsonlFile[], version: number, built: string): AssembleResult {
  const loaded = loadJsonlFiles(files);
  if (loaded.errors.length > 0) return { ok: false, errors: loaded.errors };
  const overlayErrors = [
    ...applyPostOverlays(loaded.persons, loaded.postOverlays),
    ...applyAliasOverlays(loaded.documents, loaded.aliasOverlays),
  ];
  if (overlayErrors.length > 0) return { ok: false, errors: overlayErrors };
  mirrorRelations(loaded.documents);
  const meta: DatasetMeta = {
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    version,
    built,
    notice: NOTICE,
  };
  const sortable = (list: unknown[]): unknown[] =>
    list.every((e) => typeof (e as { id?: unknown }).id === 'string')
      ? [...(list as { id: string }[])].sort(byId)
      : list;
  return validateDataset({
    meta,
    documents: sortable(loaded.documents),
    persons: sortable(loaded.persons),
    organizations: sortable(loaded.organizations),
  });
}

/** VERSION holds one positive integer, bumped by hand when the data changes. */
export function parseVersion(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

export interface DatasetStats {
  version: number;
  documents: number;
  persons: number;
  organizations: number;
  places: number;
  unsourced: number;
  personsWithDatedPosts: number;
  documentsByType: Record<string, number>;
  organizationsByKind: Record<string, number>;
}

function countBy<T>(list: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Bodies and places are both organizations in the schema; stats report them apart. */
export function datasetStats(ds: Dataset, unsourced: number): DatasetStats {
  const isPlace = (kind: string): boolean => (PLACE_KINDS as readonly string[]).includes(kind);
  const bodies = ds.organizations.filter((o) => !isPlace(o.kind));
  return {
    version: ds.meta.version,
    documents: ds.documents.length,
    persons: ds.persons.length,
    organizations: bodies.length,
    places: ds.organizations.length - bodies.length,
    unsourced,
    personsWithDatedPosts: ds.persons.filter((p) => p.posts.some((x) => x.start !== null || x.end !== null))
      .length,
    documentsByType: countBy(ds.documents, (d) => d.type),
    organizationsByKind: countBy(bodies, (o) => o.kind),
  };
}
