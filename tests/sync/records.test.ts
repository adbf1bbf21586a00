import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import type { Collection } from '../../lib/dataset/validate.ts';
import { diffDatasets, snapshotOps } from '../../lib/sync/diff.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import {
  type ExpectedFile,
  type RecordOp,
  readRecordFile,
  referencedIds,
  serializeRecords,
  validateDelta,
  validateSnapshot,
} from '../../lib/sync/records.ts';
import { fixtureDataset, fixtureV2, fixtureV3, sorted } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function snapshotText(ds: Dataset): string {
  return serializeRecords(
    {
      format: 'reflens-records',
      formatVersion: 1,
      type: 'snapshot',
      version: ds.meta.version,
      from: null,
      records: 0,
      meta: ds.meta,
    },
    snapshotOps(ds),
  );
}

function deltaText(from: Dataset, to: Dataset, ops = diffDatasets(from, to)): string {
  return serializeRecords(
    {
      format: 'reflens-records',
      formatVersion: 1,
      type: 'delta',
      version: to.meta.version,
      from: from.meta.version,
      records: 0,
      meta: to.meta,
    },
    ops,
  );
}

const lineCount = (t: string) => t.split('\n').filter(Boolean).length - 1;
const snapExpect = (t: string, version = 1): ExpectedFile => ({
  type: 'snapshot',
  version,
  from: null,
  records: lineCount(t),
});

/** Where each id lives in `ds`, as the store reports it. */
function kindsIn(ds: Dataset): (id: string) => Collection | undefined {
  const m = new Map<string, Collection>();
  for (const c of ['documents', 'persons', 'organizations'] as const) for (const e of ds[c]) m.set(e.id, c);
  return (id) => m.get(id);
}

/** Applies ops to a dataset the way the store does: by id. */
function applyOps(ds: Dataset, ops: RecordOp[], meta: Dataset['meta']): Dataset {
  const out = structuredClone(ds);
  out.meta = meta;
  for (const op of ops) {
    const id = op.op === 'put' ? op.entry.id : op.id;
    for (const c of ['documents', 'persons', 'organizations'] as const) {
      (out[c] as { id: string }[]) = (out[c] as { id: string }[]).filter((e) => e.id !== id);
    }
    if (op.op === 'put') (out[op.collection] as unknown[]).push(op.entry);
  }
  return sorted(out);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SyncError) return `${err.code}: ${err.message}`;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('snapshot files', () => {
  it('round-trip a dataset exactly', () => {
    const ds = fixtureDataset();
    const t = snapshotText(ds);
    expect(t.split('\n')[0]).toContain('"type":"snapshot"');
    expect(t.endsWith('\n')).toBe(true);
    const raw = readRecordFile(enc(t), snapExpect(t), 's.jsonl');
    expect(sorted(validateSnapshot(raw, 's.jsonl'))).toEqual(sorted(ds));
  });

  const good = snapshotText(fixtureDataset());
  const lines = good.trimEnd().split('\n');
  const header = JSON.parse(lines[0] as string) as Record<string, unknown>;
  const withHeader = (patch: Record<string, unknown>) =>
    [JSON.stringify({ ...header, ...patch }), ...lines.slice(1)].join('\n');
  const withLine = (i: number, line: string) => lines.map((l, j) => (j === i ? line : l)).join('\n');
  const firstEntry = JSON.parse(lines[1] as string) as { entry: Record<string, unknown> };

  it.each<[string, string | Uint8Array, string]>([
    ['another record format', withHeader({ format: 'csv' }), 'unknown-format'],
    ['a newer record format version', withHeader({ formatVersion: 2 }), 'unknown-format'],
    [
      'a header for another version',
      withHeader({ version: 7, meta: { ...(header.meta as object), version: 7 } }),
      'records-invalid',
    ],
    [
      'a header whose meta disagrees',
      withHeader({ meta: { ...(header.meta as object), version: 9 } }),
      'records-invalid',
    ],
    ['a header counting more records than the file has', lines.slice(0, -1).join('\n'), 'records-invalid'],
    ['no header at all', lines.slice(1).join('\n'), 'unknown-format'],
    ['a line that is not JSON', withLine(2, '{"op":"put",'), 'records-invalid'],
    ['an unknown operation', withLine(2, '{"op":"patch","id":"x"}'), 'records-invalid'],
    ['a remove inside a snapshot', withLine(2, '{"op":"remove","id":"doc:1/2020/QH14"}'), 'records-invalid'],
    ['the same id twice', withLine(2, lines[1] as string), 'records-invalid'],
    [
      'a schema-invalid record (a date that is not a date)',
      withLine(
        1,
        JSON.stringify({ ...firstEntry, entry: { ...firstEntry.entry, issuedDate: '2020-13-45' } }),
      ),
      'records-invalid',
    ],
    [
      'a record with an unknown field',
      withLine(1, JSON.stringify({ ...firstEntry, entry: { ...firstEntry.entry, injected: '<script>' } })),
      'records-invalid',
    ],
    [
      'a relation to a document that is not there',
      withLine(
        1,
        JSON.stringify({
          ...firstEntry,
          entry: { ...firstEntry.entry, relations: [{ type: 'replacedBy', target: 'doc:nowhere' }] },
        }),
      ),
      'records-invalid',
    ],
    ['bytes that are not UTF-8', new Uint8Array([...enc(good.slice(0, 50)), 0xff, 0xfe]), 'records-invalid'],
  ])('refuse %s', (_label, body, code) => {
    const bytes = typeof body === 'string' ? enc(body) : body;
    const expect_ = snapExpect(good);
    const msg = codeOf(() => validateSnapshot(readRecordFile(bytes, expect_, 's.jsonl'), 's.jsonl'));
    expect(msg.split(':')[0]).toBe(code);
  });

  it('names the file, line and field of an invalid record, briefly', () => {
    const bad = withLine(
      1,
      JSON.stringify({ ...firstEntry, entry: { ...firstEntry.entry, issuedDate: 'yesterday' } }),
    );
    const msg = codeOf(() =>
      validateSnapshot(readRecordFile(enc(bad), snapExpect(good), 's.jsonl'), 's.jsonl'),
    );
    expect(msg).toMatch(/s\.jsonl: .*doc:1\/2020\/QH14.*issuedDate/);
    expect(msg.length).toBeLessThan(400);
  });
});

describe('deltas', () => {
  const v1 = fixtureDataset();
  const v2 = fixtureV2(v1);
  const v3 = fixtureV3(v2);

  it('hold only what changed', () => {
    const ops = diffDatasets(v1, v2);
    const ids = ops.map((o) => (o.op === 'put' ? `put ${o.entry.id}` : `remove ${o.id}`));
    expect(ids).toEqual(['put doc:1/2020/QH14', 'put doc:3/2025/QH15', 'put person:nguyen-van-a']);
    expect(diffDatasets(v1, v1)).toEqual([]);
    const ops3 = diffDatasets(v2, v3).map((o) => (o.op === 'put' ? `put ${o.entry.id}` : `remove ${o.id}`));
    expect(ops3).toEqual(['put doc:4/2026/QH15', 'put org:bo-moi', 'remove org:bo-thu-nghiem']);
  });

  it('ignore key order in the sources', () => {
    const shuffled = structuredClone(v1);
    const d = shuffled.documents[0] as unknown as Record<string, unknown>;
    shuffled.documents[0] = Object.fromEntries(
      Object.entries(d).reverse(),
    ) as unknown as Dataset['documents'][number];
    expect(diffDatasets(v1, shuffled)).toEqual([]);
  });

  it.each([
    ['v1 → v2', v1, v2],
    ['v2 → v3', v2, v3],
    ['v1 → v3 directly', v1, v3],
  ])('%s: base + delta = target, validated against the base', (_l, from, to) => {
    const t = deltaText(from, to);
    const raw = readRecordFile(
      enc(t),
      { type: 'delta', version: to.meta.version, from: from.meta.version, records: lineCount(t) },
      'd.jsonl',
    );
    const ops = validateDelta(raw, 'd.jsonl', kindsIn(from));
    expect(applyOps(from, ops, to.meta)).toEqual(sorted(to));
  });

  it('lists the ids a delta points at, for the store to look up', () => {
    const t = deltaText(v1, v2);
    const raw = readRecordFile(
      enc(t),
      { type: 'delta', version: 2, from: 1, records: lineCount(t) },
      'd.jsonl',
    );
    expect(referencedIds(raw).sort()).toEqual(['doc:1/2020/QH14', 'doc:3/2025/QH15']);
  });

  it('refuse a reference to an entry the base lacks or the delta removes', () => {
    // v2's new document replaces doc:1…; against a base without it, the delta points nowhere.
    const t = deltaText(
      v1,
      v2,
      diffDatasets(v1, v2).filter((o) => o.op === 'put' && o.entry.id === 'doc:3/2025/QH15'),
    );
    const exp = { type: 'delta' as const, version: 2, from: 1, records: 1 };
    const none = () => undefined;
    expect(codeOf(() => validateDelta(readRecordFile(enc(t), exp, 'd.jsonl'), 'd.jsonl', none))).toMatch(
      /^records-invalid: .*doc:3\/2025\/QH15.*not a document/,
    );
    expect(validateDelta(readRecordFile(enc(t), exp, 'd.jsonl'), 'd.jsonl', kindsIn(v1))).toHaveLength(1);
    const removing = deltaText(v1, v2, [
      ...diffDatasets(v1, v2).filter((o) => o.op === 'put' && o.entry.id === 'doc:3/2025/QH15'),
      { op: 'remove', id: 'doc:1/2020/QH14' },
    ]);
    expect(
      codeOf(() =>
        validateDelta(
          readRecordFile(enc(removing), { ...exp, records: 2 }, 'd.jsonl'),
          'd.jsonl',
          kindsIn(v1),
        ),
      ),
    ).toMatch(/not a document/);
  });

  it('refuse a delta that says it starts from another version', () => {
    const t = deltaText(v1, v2);
    expect(
      codeOf(() =>
        readRecordFile(enc(t), { type: 'delta', version: 2, from: 3, records: lineCount(t) }, 'd.jsonl'),
      ),
    ).toMatch(/^records-invalid: .*does not describe/);
    expect(
      codeOf(() =>
        readRecordFile(
          enc(t),
          { type: 'snapshot', version: 2, from: null, records: lineCount(t) },
          'd.jsonl',
        ),
      ),
    ).toMatch(/^records-invalid/);
  });
});
