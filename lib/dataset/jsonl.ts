// The committed sources in assets/data are JSON Lines so that a review diff
// shows one changed entry per changed line. Reading is pure (file contents in,
// records out) so the build tool and the tests share exactly the same loader.

export type Collection = 'documents' | 'persons' | 'organizations';
/** What a file feeds: a collection, or overlays that add posts to persons or aliases to documents. */
export type FileKind = Collection | 'postOverlays' | 'aliasOverlays';

export interface JsonlFile {
  /** Path as shown in messages, e.g. "assets/data/persons.jsonl". */
  path: string;
  content: string;
}

export interface LoadedRecords {
  documents: unknown[];
  persons: unknown[];
  organizations: unknown[];
  /** person-posts*.jsonl: posts to add to (and close on) persons of other files. */
  postOverlays: unknown[];
  /** document-aliases*.jsonl: aliases to add to documents of other files. */
  aliasOverlays: unknown[];
  errors: string[];
}

const MAX_LINE = 1_000_000;
const MAX_ERRORS = 50;

/**
 * Which collection a file feeds, from its name: documents*.jsonl, persons*.jsonl,
 * organizations*.jsonl / places*.jsonl (places are organizations of kind
 * province/city). Null for anything else, which the loader reports.
 */
export function collectionOf(path: string): FileKind | null {
  const base = path.split('/').pop() ?? '';
  if (!base.endsWith('.jsonl')) return null;
  if (/^person-posts\b/.test(base)) return 'postOverlays';
  if (/^document-aliases\b/.test(base)) return 'aliasOverlays';
  if (/^documents\b/.test(base)) return 'documents';
  if (/^persons\b/.test(base)) return 'persons';
  if (/^(organizations|places)\b/.test(base)) return 'organizations';
  return null;
}

/** Parses every file; a bad line is reported as "file:line: reason" and skipped. */
export function loadJsonlFiles(files: JsonlFile[]): LoadedRecords {
  const out: LoadedRecords = {
    documents: [],
    persons: [],
    organizations: [],
    postOverlays: [],
    aliasOverlays: [],
    errors: [],
  };
  const report = (msg: string): void => {
    if (out.errors.length < MAX_ERRORS) out.errors.push(msg);
    else if (out.errors.length === MAX_ERRORS) out.errors.push('… further errors not shown');
  };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const collection = collectionOf(file.path);
    if (collection === null) {
      report(
        `${file.path}: file name does not say whether it holds documents, persons, organizations or places`,
      );
      continue;
    }
    const lines = file.content.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').replace(/\r$/, '');
      if (line.trim() === '') continue;
      const where = `${file.path}:${i + 1}`;
      if (line.length > MAX_LINE) {
        report(`${where}: line is ${line.length} characters long (limit ${MAX_LINE})`);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        report(`${where}: not valid JSON (${(e as Error).message.slice(0, 120)})`);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        report(
          `${where}: expected one JSON object per line, got ${Array.isArray(value) ? 'an array' : typeof value}`,
        );
        continue;
      }
      out[collection].push(value);
    }
  }
  return out;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One entry per line, sorted by id, keys in the order given: the stable form to commit. */
export function toJsonl(entries: { id: string }[]): string {
  return `${[...entries]
    .sort(byId)
    .map((e) => JSON.stringify(e))
    .join('\n')}\n`;
}
