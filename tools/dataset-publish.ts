// npm run dataset:publish -- --out DIR --key FILE [--from DIR] [--data DIR]
//                            [--key FILE2] [--trust PUBLIC.json] [--min-extension 0.1.0] [--max-deltas N]
// Builds a sync channel from the dataset sources (assets/data, or --data):
// validated exactly as dataset:build does, a full snapshot, a delta from the
// previous channel's version when --from names one (its older deltas are kept,
// so every version it listed still has a chain), and a manifest signed with
// every --key (two while rotating keys). Files are written first and the
// manifest last, renamed into place, so a host never serves a manifest whose
// files are missing. Nothing is written when anything fails to validate.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleDataset, parseVersion } from '../lib/dataset/assemble.ts';
import { buildDate, DATA_DIR, ROOT, readDataFiles, readVersionText } from '../lib/dataset/node-files.ts';
import { SyncError } from '../lib/sync/errors.ts';
import { parseSecretKeyFile, toTrustedKeys } from '../lib/sync/keys.ts';
import { MANIFEST_FILE, publishChannel } from '../lib/sync/publish.ts';

const started = performance.now();
const args = process.argv.slice(2);
const all = (flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
const one = (flag: string) => all(flag)[0];
function fail(msg: string): never {
  console.error(`dataset:publish: ${msg}`);
  process.exit(1);
}

const out = one('--out');
const keyFiles = all('--key');
if (!out || keyFiles.length === 0) {
  fail(
    'usage: npm run dataset:publish -- --out DIR --key FILE [--from DIR] [--data DIR] [--trust PUBLIC.json] [--min-extension V]',
  );
}
const dataDir = resolve(one('--data') ?? DATA_DIR);
const fromDir = one('--from');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const minExtensionVersion = one('--min-extension') ?? pkg.version;
const maxDeltas = one('--max-deltas') ? Number(one('--max-deltas')) : undefined;

let keys: ReturnType<typeof parseSecretKeyFile>[] = [];
try {
  keys = keyFiles.map((f) => parseSecretKeyFile(readFileSync(f, 'utf8')));
} catch (err) {
  fail(`cannot use the key: ${(err as Error).message}`);
}
const trust = toTrustedKeys(
  all('--trust').map((f) => JSON.parse(readFileSync(f, 'utf8')) as { publicKey: string }),
);

const version = parseVersion(readVersionText(dataDir));
if (version === null) fail(`${join(dataDir, 'VERSION')} must hold one positive integer.`);
const assembled = assembleDataset(readDataFiles(dataDir), version, buildDate());
if (!assembled.ok) {
  fail(
    `refusing to publish, the dataset does not validate:\n${assembled.errors.map((e) => `  - ${e}`).join('\n')}`,
  );
}

const epoch = process.env.SOURCE_DATE_EPOCH;
const published = `${new Date(epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now()).toISOString().slice(0, 19)}Z`;

let result: ReturnType<typeof publishChannel>;
try {
  result = publishChannel({
    dataset: assembled.dataset,
    published,
    minExtensionVersion,
    keys,
    maxDeltas,
    previous: fromDir
      ? {
          manifestText: readFileSync(join(fromDir, MANIFEST_FILE), 'utf8'),
          read: (p) => new Uint8Array(readFileSync(join(fromDir, p))),
          trust,
        }
      : undefined,
  });
} catch (err) {
  const e = err as Error;
  fail(
    e instanceof SyncError
      ? `the previous channel in ${fromDir} was refused (${e.code}): ${e.message}`
      : e.message,
  );
}

mkdirSync(out, { recursive: true });
let bytes = 0;
for (const [path, body] of result.files) {
  if (path === MANIFEST_FILE) continue;
  writeFileSync(join(out, path), body);
  bytes += body.byteLength;
}
const manifestBody = result.files.get(MANIFEST_FILE) as Uint8Array;
writeFileSync(join(out, `${MANIFEST_FILE}.tmp`), manifestBody);
renameSync(join(out, `${MANIFEST_FILE}.tmp`), join(out, MANIFEST_FILE));
if (fromDir && resolve(fromDir) === resolve(out)) {
  for (const p of result.dropped) if (existsSync(join(out, p))) rmSync(join(out, p));
}
const m = result.manifest;
const d = result.delta;
console.log(
  `dataset:publish: v${m.version} → ${out}: snapshot ${m.snapshot.records} records (${(m.snapshot.size / 1024).toFixed(0)} KiB)` +
    (d
      ? `, delta v${d.from}→v${d.to}: ${d.puts} puts, ${d.removes} removes`
      : ', no previous channel (no delta)') +
    `, ${m.deltas.length} deltas listed, signed by ${m.signatures.map((s) => s.keyId).join(' + ')}; ` +
    `${((bytes + manifestBody.byteLength) / 1024).toFixed(0)} KiB written in ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
