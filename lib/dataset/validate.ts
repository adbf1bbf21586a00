// Validation beyond the zod shape: the things a reviewer cannot see line by
// line — ids that clash, relations and successors that point nowhere, dates
// that do not exist, and facts no source stands behind. A dataset is untrusted
// input (it may arrive by sync), so messages are capped and nothing is echoed
// back at length.
import type { Dataset, DocumentEntry, OrganizationEntry, PersonEntry, Source } from './schema.ts';
import { datasetSchema } from './schema.ts';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const MAX_ERRORS = 100;

/**
 * Fields that state facts and so need a source. Aliases and abbreviations are
 * lookup keys (short forms news uses), not claims about the entry, and are left out.
 */
export const FACT_FIELDS = {
  documents: [
    'type',
    'number',
    'symbol',
    'issuers',
    'signer',
    'issuedDate',
    'effectiveDate',
    'status',
    'statusDate',
    'title',
    'summary',
    'relations',
  ],
  persons: ['name', 'birthYear', 'posts'],
  organizations: ['name', 'kind', 'parent', 'validFrom', 'validTo', 'successors', 'predecessors'],
} as const;

export type Collection = keyof typeof FACT_FIELDS;
type AnyEntry = DocumentEntry | PersonEntry | OrganizationEntry;

function isFactPresent(collection: Collection, field: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  // 'unknown' is the absence of a status claim, not a claim.
  if (collection === 'documents' && field === 'status') return value !== 'unknown';
  return true;
}

/** Fact fields of an entry that carry a value but that no source covers. */
export function unsourcedFields(collection: Collection, entry: AnyEntry): string[] {
  const sources: Source[] = entry.sources;
  if (sources.some((s) => s.supports === undefined)) return [];
  const covered = new Set<string>();
  for (const s of sources) for (const f of s.supports ?? []) covered.add(f);
  const record = entry as unknown as Record<string, unknown>;
  return FACT_FIELDS[collection].filter((f) => isFactPresent(collection, f, record[f]) && !covered.has(f));
}

/** Number of entries with at least one unsourced fact field. */
export function countUnsourced(dataset: Dataset): number {
  let n = 0;
  for (const e of dataset.documents) if (unsourcedFields('documents', e).length > 0) n++;
  for (const e of dataset.persons) if (unsourcedFields('persons', e).length > 0) n++;
  for (const e of dataset.organizations) if (unsourcedFields('organizations', e).length > 0) n++;
  return n;
}

/** A YYYY[-MM[-DD]] string that names a real calendar day or month. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function shortValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Names the entry a zod issue path points into, e.g. "persons[3] (person:to-lam).posts.0.start". */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(dataset)';
  const [head, index, ...rest] = path;
  let label = String(head);
  if (typeof index === 'number') {
    const list = (raw as Record<string, unknown>)?.[String(head)];
    const item = Array.isArray(list) ? list[index] : undefined;
    const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    label += typeof id === 'string' ? `[${index}] (${shortValue(id)})` : `[${index}]`;
  } else if (index !== undefined) {
    label += `.${String(index)}`;
  }
  return rest.length > 0 ? `${label}.${rest.map(String).join('.')}` : label;
}

export interface ValidateOptions {
  /**
   * Where ids not in `raw` are found, and in which collection. A sync delta
   * holds only the changed entries: its references are checked against the
   * version it applies to through this, so a delta is validated by the same
   * function as a full dataset.
   */
  external?: (id: string) => Collection | undefined;
}

export function validateDataset(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const errors: string[] = [];
  const push = (msg: string): boolean => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
    return errors.length < MAX_ERRORS;
  };
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!push(`${describePath(raw, issue.path)}: ${issue.message}`)) break;
    }
    return { ok: false, errors: capped(errors, parsed.error.issues.length) };
  }
  const ds = parsed.data;

  const ids = new Map<string, string>();
  const collections: [Collection, AnyEntry[]][] = [
    ['documents', ds.documents],
    ['persons', ds.persons],
    ['organizations', ds.organizations],
  ];
  let total = 0;
  const note = (msg: string): void => {
    total++;
    push(msg);
  };
  for (const [name, list] of collections) {
    for (const e of list) {
      const prev = ids.get(e.id);
      if (prev !== undefined) note(`${e.id}: duplicate id (also in ${prev})`);
      else ids.set(e.id, name);
    }
  }
  const kindOf = (id: string): string | undefined => ids.get(id) ?? options.external?.(id);

  for (const d of ds.documents) {
    for (const f of ['issuedDate', 'effectiveDate', 'statusDate'] as const) {
      const v = d[f];
      if (v !== null && !isRealDate(v)) note(`${d.id}.${f}: ${shortValue(v)} is not a real calendar date`);
    }
    for (const r of d.relations) {
      if (kindOf(r.target) !== 'documents')
        note(`${d.id}.relations: ${r.type} target ${shortValue(r.target)} is not a document in the dataset`);
    }
  }
  for (const p of ds.persons) {
    p.posts.forEach((post, i) => {
      for (const f of ['start', 'end'] as const) {
        const v = post[f];
        if (v !== null && !isRealDate(v))
          note(`${p.id}.posts[${i}].${f}: ${shortValue(v)} is not a real calendar date`);
      }
      // Compared at the shorter precision: "2016" against "2016-05-01" is not a contradiction.
      const { start, end } = post;
      if (start !== null && end !== null) {
        const n = Math.min(start.length, end.length);
        if (end.slice(0, n) < start.slice(0, n))
          note(`${p.id}.posts[${i}].end: ${end} is before start ${start}`);
      }
    });
  }
  for (const o of ds.organizations) {
    for (const f of ['validFrom', 'validTo'] as const) {
      const v = o[f];
      if (v !== null && !isRealDate(v)) note(`${o.id}.${f}: ${shortValue(v)} is not a real calendar date`);
    }
    if (o.validFrom !== null && o.validTo !== null && o.validTo < o.validFrom) {
      note(`${o.id}.validTo: ${o.validTo} is before validFrom ${o.validFrom}`);
    }
    if (o.parent !== null) {
      if (o.parent === o.id) note(`${o.id}.parent: an organization cannot be its own parent`);
      else if (kindOf(o.parent) !== 'organizations')
        note(`${o.id}.parent: ${shortValue(o.parent)} is not an organization in the dataset`);
    }
    for (const f of ['successors', 'predecessors'] as const) {
      for (const t of o[f]) {
        if (kindOf(t) !== 'organizations')
          note(`${o.id}.${f}: ${shortValue(t)} is not an organization in the dataset`);
      }
    }
  }
  // Parent chains must end; a loop would hang any code that walks up to the root.
  const parentOf = new Map(ds.organizations.map((o) => [o.id, o.parent]));
  for (const o of ds.organizations) {
    const seen = new Set<string>([o.id]);
    let cur = o.parent;
    while (cur !== null && cur !== undefined) {
      if (seen.has(cur)) {
        note(`${o.id}.parent: parent chain loops back to ${shortValue(cur)}`);
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }
  for (const [name, list] of collections) {
    for (const e of list) {
      const missing = unsourcedFields(name, e);
      if (missing.length > 0) note(`${e.id}: no source supports ${missing.join(', ')}`);
    }
  }
  if (total > 0) return { ok: false, errors: capped(errors, total) };
  return { ok: true, dataset: ds };
}

function capped(errors: string[], total: number): string[] {
  if (total > errors.length) return [...errors, `… and ${total - errors.length} more errors`];
  return errors;
}
