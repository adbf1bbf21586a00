// File access shared by dataset:build, dataset:stats and the tests: everything
// under assets/data that ends in .jsonl, plus the hand-bumped VERSION. Node-only;
// the extension never imports this module.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { JsonlFile } from './jsonl.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DATA_DIR = join(ROOT, 'assets', 'data');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...walk(p));
    else if (ent.isFile() && ent.name.endsWith('.jsonl')) out.push(p);
  }
  return out;
}

/** `dir` defaults to assets/data; the channel publisher passes another (a data set under review, a test's copy). */
export function readDataFiles(dir: string = DATA_DIR): JsonlFile[] {
  return walk(dir)
    .sort()
    .map((p) => ({ path: relative(ROOT, p), content: readFileSync(p, 'utf8') }));
}

export function readVersionText(dir: string = DATA_DIR): string {
  return readFileSync(join(dir, 'VERSION'), 'utf8');
}

/** Build date: SOURCE_DATE_EPOCH when set (reproducible builds), else today in UTC. */
export function buildDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const ms = epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}
