// npm run -s dataset:stats [-- --json]
// Counts over the committed sources (not the build output), so it works before
// a build and always describes what would ship.
import { assembleDataset, datasetStats, parseVersion } from '../lib/dataset/assemble.ts';
import { buildDate, readDataFiles, readVersionText } from '../lib/dataset/node-files.ts';
import { countUnsourced } from '../lib/dataset/validate.ts';

const asJson = process.argv.includes('--json');
const version = parseVersion(readVersionText());
const result = assembleDataset(readDataFiles(), version ?? 1, buildDate());
if (version === null || !result.ok) {
  const errors =
    version === null
      ? ['assets/data/VERSION must hold one positive integer']
      : result.ok
        ? []
        : result.errors;
  if (asJson) console.log(JSON.stringify({ error: 'dataset does not validate', errors }));
  else
    console.error(
      `dataset:stats: the dataset does not validate:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  process.exit(1);
}
const stats = datasetStats(result.dataset, countUnsourced(result.dataset));
if (asJson) {
  console.log(JSON.stringify(stats));
} else {
  const rows: [string, string | number][] = [
    ['version', stats.version],
    ['documents', stats.documents],
    ['persons', stats.persons],
    ['persons with dated posts', stats.personsWithDatedPosts],
    ['organizations (bodies)', stats.organizations],
    ['places (provinces, cities)', stats.places],
    ['entries with unsourced facts', stats.unsourced],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = ([k, v]: [string, string | number]): string =>
    `  ${k.padEnd(width)}  ${String(v).padStart(6)}`;
  console.log('Dataset');
  for (const r of rows) console.log(line(r));
  console.log('\nDocuments by type');
  for (const [k, v] of Object.entries(stats.documentsByType)) console.log(line([k, v]));
  console.log('\nBodies by kind');
  for (const [k, v] of Object.entries(stats.organizationsByKind)) console.log(line([k, v]));
}
