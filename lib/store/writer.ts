// Write access to the dataset store, shaped for atomic updates: a new version is
// staged beside the one readers see and becomes visible in one small
// transaction. The bundle import (a full snapshot) and sync (a snapshot or a
// chain of deltas) both go through it, so "readers never see a mix" is proven once.
import type { DatasetMeta } from '../dataset/schema.ts';
import type { Entry } from './reader.ts';

export interface StagedVersion {
  /** The version being written. */
  readonly target: number;
  /**
   * What the writer recorded with the last chunk it wrote (see `put`), when this
   * staging was picked up again with `DatasetWriter.resume`; null when fresh.
   */
  readonly checkpoint: unknown;
  /**
   * Adds or replaces entries (by id) in the staged version. Call in chunks; each chunk is its own transaction.
   * `checkpoint` (JSON-like: a chunk number, a delta file name) is stored in the same
   * transaction, so after a restart it says exactly how far the staging got.
   */
  put(entries: readonly Entry[], checkpoint?: unknown): Promise<void>;
  /** Removes entries (by id) from the staged version; `checkpoint` as for `put`. */
  remove(ids: readonly string[], checkpoint?: unknown): Promise<void>;
  /**
   * Makes the staged version the one every reader sees, in one transaction, and
   * records its metadata. Old rows are cleaned up afterwards, never before.
   */
  commit(meta: DatasetMeta): Promise<void>;
  /** Throws away what was staged; the active version is untouched. */
  abort(): Promise<void>;
}

export interface DatasetWriter {
  /** Version readers see now, or null when the store holds no complete dataset. */
  activeVersion(): Promise<number | null>;
  /**
   * Starts staging `target` (> the active version). `snapshot` starts from an
   * empty dataset; `delta` starts from the active version. Leftovers of an
   * interrupted staging (worker killed mid-apply) are discarded first.
   */
  stage(target: number, base: 'snapshot' | 'delta'): Promise<StagedVersion>;
  /**
   * The unfinished staging of `target` a killed worker left behind, to continue
   * from its `checkpoint`; null when there is none (call `stage` instead).
   */
  resume(target: number): Promise<StagedVersion | null>;
}
