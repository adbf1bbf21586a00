// Record files of a channel: JSON Lines, one header line, then one operation
// per line. A snapshot holds only puts; a delta holds the puts and removes that
// turn one version into the next. Entries are validated with the dataset's own
// validator (lib/dataset/validate.ts): a snapshot as a whole dataset, a delta's
// puts as a partial dataset whose references are resolved against the version
// the delta applies to.
import { z } from 'zod';
import type { Dataset, DatasetMeta } from '../dataset/schema.ts';
import { datasetMetaSchema } from '../dataset/schema.ts';
import { type Collection, validateDataset } from '../dataset/validate.ts';
import type { Entry } from '../store/reader.ts';
import { SyncError } from './errors.ts';

export const RECORDS_FORMAT = 'reflens-records';
export const RECORDS_FORMAT_VERSION = 1;
export const COLLECTIONS = ['documents', 'persons', 'organizations'] as const satisfies readonly Collection[];

export const recordHeaderSchema = z
  .object({
    format: z.literal(RECORDS_FORMAT),
    formatVersion: z.literal(RECORDS_FORMAT_VERSION),
    type: z.enum(['snapshot', 'delta']),
    /** Dataset version this file produces. */
    version: z.number().int().positive(),
    /** Version a delta applies to; null for a snapshot. */
    from: z.number().int().positive().nullable(),
    /** Number of operation lines after the header. */
    records: z.number().int().min(0),
    /** Metadata of the version this file produces (notice, build date). */
    meta: datasetMetaSchema,
  })
  .strict();
export type RecordHeader = z.infer<typeof recordHeaderSchema>;

export type RecordOp = { op: 'put'; collection: Collection; entry: Entry } | { op: 'remove'; id: string };

const opSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('put'),
      collection: z.enum(COLLECTIONS),
      entry: z.object({ id: z.string() }).passthrough(),
    })
    .strict(),
  z.object({ op: z.literal('remove'), id: z.string().min(1).max(200) }).strict(),
]);

export function serializeRecords(header: RecordHeader, ops: readonly RecordOp[]): string {
  const head = recordHeaderSchema.parse({ ...header, records: ops.length });
  return `${[head, ...ops].map((x) => JSON.stringify(x)).join('\n')}\n`;
}

export interface ExpectedFile {
  type: 'snapshot' | 'delta';
  version: number;
  from: number | null;
  records: number;
}

interface RawOps {
  header: RecordHeader;
  puts: { collection: Collection; entry: Record<string, unknown>; line: number }[];
  removes: { id: string; line: number }[];
}

function invalid(detail: string): SyncError {
  return new SyncError('records-invalid', { detail: detail.slice(0, 200) }, detail);
}

/** Bytes (already size- and hash-checked) → header and structurally sound operations. */
export function readRecordFile(bytes: Uint8Array, expect: ExpectedFile, path: string): RawOps {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${path}: not UTF-8 text`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let head: unknown;
  try {
    head = JSON.parse(lines[0] ?? '');
  } catch {
    throw invalid(`${path}: the first line is not a JSON header`);
  }
  const h = head as Record<string, unknown> | null;
  if (h?.format !== RECORDS_FORMAT || h?.formatVersion !== RECORDS_FORMAT_VERSION) {
    const format = `${String(h?.format).slice(0, 40)} ${String(h?.formatVersion).slice(0, 10)}`;
    throw new SyncError('unknown-format', { format }, `${path}: record format ${format}`);
  }
  const parsed = recordHeaderSchema.safeParse(head);
  if (!parsed.success) throw invalid(`${path}: header: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const header = parsed.data;
  if (
    header.type !== expect.type ||
    header.version !== expect.version ||
    header.from !== expect.from ||
    header.meta.version !== header.version ||
    header.records !== expect.records
  ) {
    throw invalid(`${path}: the header does not describe the file the manifest lists`);
  }
  if (lines.length - 1 !== header.records) {
    throw invalid(`${path}: ${lines.length - 1} records, the header says ${header.records}`);
  }
  const out: RawOps = { header, puts: [], removes: [] };
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    let value: unknown;
    try {
      value = JSON.parse(lines[i] ?? '');
    } catch {
      throw invalid(`${path}:${i + 1}: not JSON`);
    }
    const op = opSchema.safeParse(value);
    if (!op.success) throw invalid(`${path}:${i + 1}: ${op.error.issues[0]?.message ?? 'not an operation'}`);
    const id = op.data.op === 'put' ? op.data.entry.id : op.data.id;
    if (seen.has(id)) throw invalid(`${path}:${i + 1}: ${id.slice(0, 60)} appears twice`);
    seen.add(id);
    if (op.data.op === 'put')
      out.puts.push({ collection: op.data.collection, entry: op.data.entry, line: i + 1 });
    else out.removes.push({ id: op.data.id, line: i + 1 });
  }
  if (header.type === 'snapshot' && out.removes.length > 0) {
    throw invalid(`${path}:${out.removes[0]?.line}: a snapshot cannot remove entries`);
  }
  return out;
}

function asDataset(meta: DatasetMeta, puts: RawOps['puts']): Record<Collection | 'meta', unknown> {
  const ds: Record<Collection | 'meta', unknown[] | DatasetMeta> = {
    meta,
    documents: [],
    persons: [],
    organizations: [],
  };
  for (const p of puts) (ds[p.collection] as unknown[]).push(p.entry);
  return ds;
}

function refused(path: string, errors: string[]): SyncError {
  const shown = errors.slice(0, 3).join('; ');
  return invalid(`${path}: ${shown}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`);
}

/** A snapshot file → a whole dataset, validated exactly as the bundled one is. */
export function validateSnapshot(raw: RawOps, path: string): Dataset {
  const result = validateDataset(asDataset(raw.header.meta, raw.puts));
  if (!result.ok) throw refused(path, result.errors);
  return result.dataset;
}

/** Ids a delta's entries point at (relation targets, parents, successors, predecessors). */
export function referencedIds(raw: RawOps): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
  };
  for (const { entry } of raw.puts) {
    const rels = entry.relations;
    if (Array.isArray(rels)) for (const r of rels) add((r as { target?: unknown })?.target);
    add(entry.parent);
    for (const f of ['successors', 'predecessors'] as const) {
      const list = entry[f];
      if (Array.isArray(list)) list.forEach(add);
    }
  }
  return [...out];
}

/**
 * A delta file → validated operations. `external` says where an id lives in the
 * version the delta applies to (undefined: not there, or removed).
 */
export function validateDelta(
  raw: RawOps,
  path: string,
  external: (id: string) => Collection | undefined,
): RecordOp[] {
  const removed = new Set(raw.removes.map((r) => r.id));
  const result = validateDataset(asDataset(raw.header.meta, raw.puts), {
    external: (id) => (removed.has(id) ? undefined : external(id)),
  });
  if (!result.ok) throw refused(path, result.errors);
  const ops: RecordOp[] = [];
  for (const c of COLLECTIONS)
    for (const entry of result.dataset[c]) ops.push({ op: 'put', collection: c, entry });
  for (const r of raw.removes) ops.push({ op: 'remove', id: r.id });
  return ops;
}

/** Which collection an entry of the store belongs to, by its shape. */
export function collectionOfEntry(e: Entry): Collection {
  if ('posts' in e) return 'persons';
  if ('kind' in e) return 'organizations';
  return 'documents';
}
