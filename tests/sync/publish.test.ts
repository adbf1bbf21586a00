import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../lib/sync/manifest.ts';
import { MANIFEST_FILE, publishChannel } from '../../lib/sync/publish.ts';
import { readRecordFile, validateSnapshot } from '../../lib/sync/records.ts';
import {
  fixtureDataset,
  fixtureV2,
  fixtureV3,
  nextVersion,
  publishVersions,
  removeTempDirs,
  sorted,
  tempDir,
  testKey,
  trusted,
} from './helpers.ts';

const KEY = testKey('publisher');
const NEW_KEY = testKey('publisher-2027');
const v1 = fixtureDataset();
const v2 = fixtureV2(v1);
const v3 = fixtureV3(v2);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

afterAll(() => removeTempDirs());

describe('publishChannel', () => {
  it('keeps the delta chain across publishes', () => {
    const ch = publishVersions([v1, v2, v3], [KEY]);
    const m = parseManifest(dec(ch.files.get(MANIFEST_FILE)), trusted(KEY));
    expect(m.version).toBe(3);
    expect(m.deltas.map((d) => `${d.from}>${d.to} ${d.path}`)).toEqual([
      '1>2 delta-v1-v2.jsonl',
      '2>3 delta-v2-v3.jsonl',
    ]);
    expect([...ch.files.keys()].sort()).toEqual([
      'delta-v1-v2.jsonl',
      'delta-v2-v3.jsonl',
      'manifest.json',
      'snapshot-v3.jsonl',
    ]);
    const snap = m.snapshot;
    const raw = readRecordFile(
      ch.files.get(snap.path) as Uint8Array,
      { type: 'snapshot', version: 3, from: null, records: snap.records },
      snap.path,
    );
    expect(sorted(validateSnapshot(raw, snap.path))).toEqual(sorted(v3));
  });

  it('drops the oldest deltas past the limit', () => {
    const v4 = nextVersion(v3, 4, () => {});
    let files = publishVersions([v1, v2, v3], [KEY]).files;
    const out = publishChannel({
      dataset: v4,
      published: '2026-01-04T00:00:00Z',
      minExtensionVersion: '0.1.0',
      keys: [KEY],
      maxDeltas: 2,
      previous: { manifestText: dec(files.get(MANIFEST_FILE)), read: (p) => files.get(p) as Uint8Array },
    });
    files = out.files;
    expect(out.manifest.deltas.map((d) => d.path)).toEqual(['delta-v2-v3.jsonl', 'delta-v3-v4.jsonl']);
    expect(out.dropped).toEqual(['delta-v1-v2.jsonl']);
    expect(files.has('delta-v1-v2.jsonl')).toBe(false);
  });

  it('refuses to publish a version that is not newer', () => {
    const files = publishVersions([v1, v2], [KEY]).files;
    expect(() =>
      publishChannel({
        dataset: v2,
        published: '2026-01-04T00:00:00Z',
        minExtensionVersion: '0.1.0',
        keys: [KEY],
        previous: { manifestText: dec(files.get(MANIFEST_FILE)), read: (p) => files.get(p) as Uint8Array },
      }),
    ).toThrow(/bump assets\/data\/VERSION/);
  });

  it('refuses a previous channel whose files do not match its manifest', () => {
    const files = publishVersions([v1, v2], [KEY]).files;
    const broken = new Map(files);
    const d = broken.get('delta-v1-v2.jsonl') as Uint8Array;
    broken.set('delta-v1-v2.jsonl', d.slice(0, d.length - 1));
    expect(() =>
      publishChannel({
        dataset: v3,
        published: '2026-01-04T00:00:00Z',
        minExtensionVersion: '0.1.0',
        keys: [KEY],
        previous: { manifestText: dec(broken.get(MANIFEST_FILE)), read: (p) => broken.get(p) as Uint8Array },
      }),
    ).toThrow(/delta-v1-v2\.jsonl does not match/);
  });

  it('rotates keys: the old channel is read with the old key, the new one signed with both', () => {
    const files = publishVersions([v1, v2], [KEY]).files;
    const out = publishChannel({
      dataset: v3,
      published: '2026-01-04T00:00:00Z',
      minExtensionVersion: '0.1.0',
      keys: [NEW_KEY, KEY],
      previous: { manifestText: dec(files.get(MANIFEST_FILE)), read: (p) => files.get(p) as Uint8Array },
    });
    const text = dec(out.files.get(MANIFEST_FILE));
    expect(parseManifest(text, trusted(KEY)).version).toBe(3);
    expect(parseManifest(text, trusted(NEW_KEY)).version).toBe(3);
    // Signed by the new key alone, a previous channel signed by the old one needs it named as trusted.
    expect(() =>
      publishChannel({
        dataset: v3,
        published: '2026-01-04T00:00:00Z',
        minExtensionVersion: '0.1.0',
        keys: [NEW_KEY],
        previous: { manifestText: dec(files.get(MANIFEST_FILE)), read: (p) => files.get(p) as Uint8Array },
      }),
    ).toThrow(/trust/);
  });
});

describe('the command-line tools', () => {
  const ROOT = resolve(import.meta.dirname, '..', '..');
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  const run = (tool: string, args: string[]) =>
    execFileSync(node, [join(ROOT, 'tools', tool), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('keygen, publish, publish --from: a channel a client accepts, with a private key file only its owner reads', () => {
    const dir = tempDir();
    run('dataset-keygen.ts', ['--out', join(dir, 'k')]);
    expect(statSync(join(dir, 'k.secret.json')).mode & 0o777).toBe(0o600);
    expect(() => run('dataset-keygen.ts', ['--out', join(dir, 'k')])).toThrow(/refusing to overwrite/);
    const pub = JSON.parse(readFileSync(join(dir, 'k.public.json'), 'utf8')) as {
      keyId: string;
      publicKey: string;
    };
    expect(readFileSync(join(dir, 'k.public.json'), 'utf8')).not.toMatch(/secret/i);

    const data = join(dir, 'data');
    cpSync(join(ROOT, 'tests', 'fixtures', 'dataset'), data, { recursive: true });
    writeFileSync(join(data, 'VERSION'), '5\n');
    const out1 = run('dataset-publish.ts', [
      '--out',
      join(dir, 'ch'),
      '--key',
      join(dir, 'k.secret.json'),
      '--data',
      data,
    ]);
    expect(out1).toMatch(/v5 → .*snapshot 6 records/);
    writeFileSync(join(data, 'VERSION'), '6\n');
    const out2 = run('dataset-publish.ts', [
      '--out',
      join(dir, 'ch'),
      '--from',
      join(dir, 'ch'),
      '--key',
      join(dir, 'k.secret.json'),
      '--data',
      data,
    ]);
    expect(out2).toMatch(/delta v5→v6: 0 puts, 0 removes/);
    expect(readdirSync(join(dir, 'ch')).sort()).toEqual([
      'delta-v5-v6.jsonl',
      'manifest.json',
      'snapshot-v5.jsonl',
      'snapshot-v6.jsonl',
    ]);
    expect(existsSync(join(dir, 'ch', 'manifest.json.tmp'))).toBe(false);
    const m = parseManifest(readFileSync(join(dir, 'ch', 'manifest.json'), 'utf8'), [pub]);
    expect(m.version).toBe(6);

    // A dataset that does not validate is not published, and nothing is written.
    writeFileSync(join(data, 'VERSION'), '7\n');
    writeFileSync(
      join(data, 'documents.jsonl'),
      `${readFileSync(join(data, 'documents.jsonl'), 'utf8')}{"id":"bad"}\n`,
    );
    expect(() =>
      run('dataset-publish.ts', [
        '--out',
        join(dir, 'ch'),
        '--from',
        join(dir, 'ch'),
        '--key',
        join(dir, 'k.secret.json'),
        '--data',
        data,
      ]),
    ).toThrow(/does not validate/);
    expect(parseManifest(readFileSync(join(dir, 'ch', 'manifest.json'), 'utf8'), [pub]).version).toBe(6);
  });
});
