// npm run dataset:build
// assets/data/**/*.jsonl → validated → public/data/dataset.json (+ .gz for the
// extension, which inflates it with DecompressionStream). Refuses to write
// anything when validation fails, so a broken dataset never reaches a build.
// `--check [--extra FILE.jsonl ...]` validates (with extra files not yet under
// assets/data, e.g. a curation in progress) and writes nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assembleDataset, parseVersion } from '../lib/dataset/assemble.ts';
import { buildDate, ROOT, readDataFiles, readVersionText } from '../lib/dataset/node-files.ts';

const started = performance.now();
const version = parseVersion(readVersionText());
if (version === null) {
  console.error('dataset:build: assets/data/VERSION must hold one positive integer.');
  process.exit(1);
}
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const extra = args.flatMap((a, i) => (args[i - 1] === '--extra' ? [a] : []));
const files = [
  ...readDataFiles(),
  ...extra.map((p) => ({ path: relative(ROOT, p), content: readFileSync(p, 'utf8') })),
];
const result = assembleDataset(files, version, buildDate());
if (!result.ok) {
  console.error(
    `dataset:build: refusing to build, the dataset does not validate:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`,
  );
  process.exit(1);
}
if (checkOnly) {
  const { documents, persons, organizations } = result.dataset;
  console.log(
    `dataset:build --check: valid: ${documents.length} documents, ${persons.length} persons, ${organizations.length} organizations/places (nothing written)`,
  );
  process.exit(0);
}
const outDir = join(ROOT, 'public', 'data');
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(result.dataset);
writeFileSync(join(outDir, 'dataset.json'), json);
// mtime 0 in the header keeps the .gz byte-identical across rebuilds of the same data.
const gz = gzipSync(Buffer.from(json, 'utf8'), { level: 9 });
writeFileSync(join(outDir, 'dataset.json.gz'), gz);
const { documents, persons, organizations } = result.dataset;
console.log(
  `dataset:build: v${version} from ${files.length} files: ${documents.length} documents, ${persons.length} persons, ` +
    `${organizations.length} organizations/places → public/data/dataset.json (${(json.length / 1024).toFixed(0)} KiB), ` +
    `dataset.json.gz (${(gz.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
