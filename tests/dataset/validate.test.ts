import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDataset } from '../../lib/dataset/assemble.ts';
import type { JsonlFile } from '../../lib/dataset/jsonl.ts';
import { collectionOf, loadJsonlFiles, toJsonl } from '../../lib/dataset/jsonl.ts';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { countUnsourced, isRealDate, validateDataset } from '../../lib/dataset/validate.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'dataset');
const fixtureFiles = (): JsonlFile[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => ({ path: `fixtures/${f}`, content: readFileSync(join(dir, f), 'utf8') }));

function fixtureDataset(): Dataset {
  const r = assembleDataset(fixtureFiles(), 1, '2026-01-01');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.dataset;
}

type Rec = Record<string, unknown>;
interface Editable {
  meta: unknown;
  documents: Rec[];
  persons: Rec[];
  organizations: Rec[];
}

/** A deep copy of the valid fixture with one change applied. */
function mutate(change: (ds: Editable) => void): unknown {
  const ds = structuredClone(fixtureDataset()) as unknown as Editable;
  change(ds);
  return ds;
}

function errorsOf(raw: unknown): string[] {
  const r = validateDataset(raw);
  if (r.ok) throw new Error('expected the dataset to be rejected');
  return r.errors;
}

describe('the fixture dataset', () => {
  it('validates with nothing unsourced', () => {
    const ds = fixtureDataset();
    expect(ds.documents).toHaveLength(2);
    expect(ds.organizations).toHaveLength(3);
    expect(countUnsourced(ds)).toBe(0);
  });
});

describe('validateDataset rejects', () => {
  it('an entry without sources', () => {
    const errs = errorsOf(mutate((ds) => ((ds.persons[0] as Rec).sources = [])));
    expect(errs.join('\n')).toMatch(/persons\[0\] \(person:nguyen-van-a\)\.sources/);
  });

  it('a fact field no source supports, naming entry and field', () => {
    const errs = errorsOf(mutate((ds) => ((ds.documents[0] as Rec).signer = 'Người Ký')));
    expect(errs).toContain('doc:1/2020/QH14: no source supports signer');
  });

  it('a date that does not exist', () => {
    const errs = errorsOf(mutate((ds) => ((ds.documents[0] as Rec).issuedDate = '2021-02-30')));
    expect(errs.join('\n')).toMatch(/doc:1\/2020\/QH14\.issuedDate: 2021-02-30 is not a real calendar date/);
  });

  it('a date in the wrong shape', () => {
    const errs = errorsOf(
      mutate((ds) => ((((ds.persons[0] as Rec).posts as Rec[])[0] as Rec).start = '16/5/2016')),
    );
    expect(errs.join('\n')).toMatch(/person:nguyen-van-a.*posts\.0\.start/);
  });

  it('a post that ends before it starts', () => {
    const errs = errorsOf(
      mutate((ds) => {
        const post = ((ds.persons[0] as Rec).posts as Rec[])[0] as Rec;
        post.start = '2020-05';
        post.end = '2019';
      }),
    );
    expect(errs).toContain('person:nguyen-van-a.posts[0].end: 2019 is before start 2020-05');
  });

  it('a relation to a document that is not there', () => {
    const errs = errorsOf(
      mutate((ds) => ((ds.documents[1] as Rec).relations = [{ type: 'amends', target: 'doc:nope' }])),
    );
    expect(errs.join('\n')).toMatch(/doc:2\/2021\/QH15\.relations: amends target doc:nope is not a document/);
  });

  it('a successor or parent that is not there', () => {
    const errs = errorsOf(
      mutate((ds) => {
        (ds.organizations[0] as Rec).successors = ['org:ghost'];
        (ds.organizations[0] as Rec).parent = 'org:phantom';
      }),
    );
    expect(errs.join('\n')).toMatch(/successors: org:ghost is not an organization/);
    expect(errs.join('\n')).toMatch(/parent: org:phantom is not an organization/);
  });

  it('a parent loop', () => {
    const errs = errorsOf(
      mutate((ds) => {
        const [a, b] = ds.organizations as Rec[];
        (a as Rec).parent = (b as Rec).id;
        (b as Rec).parent = (a as Rec).id;
      }),
    );
    expect(errs.join('\n')).toMatch(/parent chain loops/);
  });

  it('a duplicate id, even across collections', () => {
    const errs = errorsOf(mutate((ds) => ((ds.persons[0] as Rec).id = 'doc:1/2020/QH14')));
    expect(errs.join('\n')).toMatch(/doc:1\/2020\/QH14: duplicate id/);
  });

  it('unknown keys, including __proto__ and constructor', () => {
    const line = (readFileSync(join(dir, 'persons.jsonl'), 'utf8').split('\n')[0] ?? '').replace(
      /^\{/,
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    const loaded = loadJsonlFiles([{ path: 'persons.jsonl', content: line }]);
    expect(loaded.errors).toEqual([]);
    const r = assembleDataset([{ path: 'persons.jsonl', content: line }], 1, '2026-01-01');
    expect(r.ok).toBe(false);
    expect(({} as Rec).polluted).toBeUndefined();
    expect((Object.prototype as Rec).polluted).toBeUndefined();
  });

  it('huge strings, with short messages', () => {
    const huge = 'x'.repeat(200_000);
    const errs = errorsOf(mutate((ds) => ((ds.persons[0] as Rec).name = huge)));
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) expect(e.length).toBeLessThan(500);
  });

  it('non-objects and garbage, with a capped list of errors', () => {
    expect(errorsOf(null)).toHaveLength(1);
    expect(errorsOf('dataset')).toHaveLength(1);
    const many = mutate((ds) => {
      for (let i = 0; i < 500; i++) ds.persons.push({ id: `person:${i}`, name: '' });
    });
    const errs = errorsOf(many);
    expect(errs.length).toBeLessThanOrEqual(101);
    expect(errs.at(-1)).toMatch(/more errors/);
  });
});

describe('loadJsonlFiles', () => {
  it('reports the file and line of bad lines and keeps the good ones', () => {
    const r = loadJsonlFiles([
      {
        path: 'a/documents.jsonl',
        content: '{"id":"doc:a"}\n\n[1,2]\n"text"\n{broken\nnull\n{"id":"doc:b"}\n',
      },
    ]);
    expect(r.documents).toHaveLength(2);
    expect(r.errors).toEqual([
      'a/documents.jsonl:3: expected one JSON object per line, got an array',
      'a/documents.jsonl:4: expected one JSON object per line, got string',
      expect.stringMatching(/^a\/documents\.jsonl:5: not valid JSON/),
      'a/documents.jsonl:6: expected one JSON object per line, got object',
    ]);
  });

  it('refuses files whose name does not say what they hold', () => {
    expect(collectionOf('assets/data/seed-entries/persons.jsonl')).toBe('persons');
    expect(collectionOf('assets/data/places.jsonl')).toBe('organizations');
    const r = loadJsonlFiles([{ path: 'x/misc.jsonl', content: '{}' }]);
    expect(r.errors[0]).toMatch(/x\/misc\.jsonl: file name/);
  });

  it('round-trips through toJsonl sorted by id', () => {
    const text = toJsonl([{ id: 'b' }, { id: 'a' }]);
    expect(text).toBe('{"id":"a"}\n{"id":"b"}\n');
  });
});

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13', false],
    ['2024-12', true],
    ['1990', true],
    ['90', false],
  ] as [string, boolean][])('%s → %s', (s, ok) => {
    expect(isRealDate(s)).toBe(ok);
  });
});
