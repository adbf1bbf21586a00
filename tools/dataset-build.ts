// npm run dataset:build
// assets/data/**/*.jsonl → validated → public/data/dataset.json (+ .gz for the
// extension, which inflates it with DecompressionStream). Refuses to write
// anything when validation fails, so a broken dataset never reaches a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assembleDataset, parseVersion } from '../lib/dataset/assemble.ts';
import { buildDate, ROOT, readDataFiles, readVersionText } from '../lib/dataset/node-files.ts';

const started = performance.now();
const version = parseVersion(readVersionText());
if (version === null) {
  console.error('dataset:build: assets/data/VERSION must hold one positive integer.');
  process.exit(1);
}
const files = readDataFiles();
const result = assembleDataset(files, version, buildDate());
if (!result.ok) {
  console.error(
    `dataset:build: refusing to build, the dataset does not validate:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`,
  );
  process.exit(1);
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
