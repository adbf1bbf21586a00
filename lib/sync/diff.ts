// The publisher's side of a delta: per-entry puts and removes that turn one
// dataset into the next. Entries compare by their canonical JSON, so key order
// in the sources never makes an unchanged entry look changed.
import type { Dataset } from '../dataset/schema.ts';
import { canonicalJson } from './canonical-json.ts';
import { COLLECTIONS, type RecordOp } from './records.ts';

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function snapshotOps(ds: Dataset): RecordOp[] {
  const ops: RecordOp[] = [];
  for (const c of COLLECTIONS) {
    for (const entry of [...ds[c]].sort(byId)) ops.push({ op: 'put', collection: c, entry });
  }
  return ops;
}

export function diffDatasets(prev: Dataset, next: Dataset): RecordOp[] {
  const before = new Map<string, string>();
  for (const c of COLLECTIONS) for (const e of prev[c]) before.set(e.id, `${c}\u0000${canonicalJson(e)}`);
  const ops: RecordOp[] = [];
  const present = new Set<string>();
  for (const c of COLLECTIONS) {
    for (const entry of [...next[c]].sort(byId)) {
      present.add(entry.id);
      if (before.get(entry.id) !== `${c}\u0000${canonicalJson(entry)}`)
        ops.push({ op: 'put', collection: c, entry });
    }
  }
  const gone = [...before.keys()].filter((id) => !present.has(id)).sort();
  for (const id of gone) ops.push({ op: 'remove', id });
  return ops;
}
