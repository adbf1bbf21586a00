// Writes a whole dataset as a new version through any DatasetWriter: the
// bundle import on install and update, a snapshot from the sync channel, the
// benchmarks. Chunks are small so each write transaction stays short and
// lookups keep getting their turn between them.
import type { Dataset } from '../dataset/schema.ts';
import type { Entry } from './reader.ts';
import type { DatasetWriter } from './writer.ts';

export interface ImportOptions {
  /** Entries per transaction. */
  chunkSize?: number;
  onProgress?(done: number, total: number): void;
}

export const DEFAULT_CHUNK = 500;

export async function importSnapshot(
  writer: DatasetWriter,
  d: Dataset,
  opts: ImportOptions = {},
): Promise<void> {
  const size = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK);
  const all: Entry[] = [...d.documents, ...d.persons, ...d.organizations];
  // A worker killed mid-import picks up after the last chunk it wrote.
  const resumed = await writer.resume(d.meta.version);
  const staged = resumed ?? (await writer.stage(d.meta.version, 'snapshot'));
  const from =
    typeof staged.checkpoint === 'number' && staged.checkpoint <= all.length ? staged.checkpoint : 0;
  try {
    opts.onProgress?.(from, all.length);
    for (let i = from; i < all.length; i += size) {
      const end = Math.min(all.length, i + size);
      await staged.put(all.slice(i, end), end);
      opts.onProgress?.(end, all.length);
    }
    await staged.commit(d.meta);
  } catch (err) {
    await staged.abort().catch(() => {});
    throw err;
  }
}
