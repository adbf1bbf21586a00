// Writes a verified update through the store's staging contract
// (lib/store/writer.ts): everything goes into a staged version in chunks, and
// only `commit` makes it visible. A failure aborts the staging, so readers keep
// the old version. A worker stopped halfway leaves the staging behind with the
// checkpoint of its last chunk: the same update picks it up there, anything
// else starts a fresh staging (which discards the leftovers).
import type { DatasetMeta } from '../dataset/schema.ts';
import type { Entry } from '../store/reader.ts';
import type { DatasetWriter, StagedVersion } from '../store/writer.ts';
import { SyncError, storeError } from './errors.ts';

export interface ApplyPlan {
  /** Names this exact update (base, versions, file hashes): only the same update continues a staging. */
  key: string;
  target: number;
  /** 'delta' builds on `expectBase`; 'snapshot' replaces whatever is there. */
  base: 'snapshot' | 'delta';
  expectBase: number | null;
  puts: readonly Entry[];
  removes: readonly string[];
  meta: DatasetMeta;
}

export interface ApplyOptions {
  chunkSize: number;
  onRecords?(done: number, total: number): void;
}

/** What a sync records with each chunk it writes. */
interface SyncCheckpoint {
  sync: string;
  done: number;
}

function ours(cp: unknown, key: string, total: number): number | null {
  const c = cp as Partial<SyncCheckpoint> | null;
  if (!c || c.sync !== key || typeof c.done !== 'number') return null;
  return Number.isInteger(c.done) && c.done >= 0 && c.done <= total ? c.done : null;
}

/** Resolves with how many operations a previous, stopped run had already written (0 when fresh). */
export async function applyUpdate(writer: DatasetWriter, plan: ApplyPlan, o: ApplyOptions): Promise<number> {
  const total = plan.puts.length + plan.removes.length;
  let staged: StagedVersion;
  let from = 0;
  try {
    const active = await writer.activeVersion();
    // Something else (the bundle import, another run) moved the store since we planned.
    if (plan.base === 'delta' && active !== plan.expectBase) {
      throw new SyncError(
        'base-changed',
        {},
        `planned a delta from ${plan.expectBase}, the store now holds ${active}`,
      );
    }
    if (active !== null && active >= plan.target) {
      throw new SyncError('base-changed', {}, `the store already holds ${active}, not below ${plan.target}`);
    }
    const resumed = await writer.resume(plan.target);
    const done = resumed ? ours(resumed.checkpoint, plan.key, total) : null;
    if (resumed && done !== null) {
      staged = resumed;
      from = done;
    } else {
      staged = await writer.stage(plan.target, plan.base);
    }
  } catch (err) {
    throw storeError(err);
  }
  try {
    o.onRecords?.(from, total);
    const size = Math.max(1, o.chunkSize);
    for (let i = from; i < total; ) {
      // Puts first, then removes; a chunk never mixes them.
      if (i < plan.puts.length) {
        const end = Math.min(plan.puts.length, i + size);
        await staged.put(plan.puts.slice(i, end), { sync: plan.key, done: end } satisfies SyncCheckpoint);
        i = end;
      } else {
        const r = i - plan.puts.length;
        const end = Math.min(plan.removes.length, r + size);
        await staged.remove(plan.removes.slice(r, end), {
          sync: plan.key,
          done: plan.puts.length + end,
        } satisfies SyncCheckpoint);
        i = plan.puts.length + end;
      }
      o.onRecords?.(i, total);
    }
    await staged.commit(plan.meta);
  } catch (err) {
    await staged.abort().catch(() => {});
    throw storeError(err);
  }
  return from;
}
