import { describe, expect, it } from 'vitest';
import { assembleDataset } from '../../lib/dataset/assemble.ts';
import type { JsonlFile } from '../../lib/dataset/jsonl.ts';
import { applyAliasOverlays, applyPostOverlays, mirrorRelations } from '../../lib/dataset/overlays.ts';

// Invented people and documents; the mechanics are under test, not facts.
const person = () => ({
  id: 'person:tran-van-thu',
  name: 'Trần Văn Thử',
  aliases: [],
  birthYear: null,
  posts: [
    { title: 'Bí thư Tỉnh ủy Núi Cao', body: 'Tỉnh ủy Núi Cao', start: '2020-10', end: null },
    { title: 'Ủy viên Ban Chấp hành Trung ương Đảng', body: null, start: '2021', end: null },
  ],
  sources: [{ url: 'https://example.vn/wiki/tran-van-thu' }],
});
const overlay = {
  person: 'person:tran-van-thu',
  posts: [{ title: 'Bộ trưởng Bộ Thử nghiệm', body: 'Bộ Thử nghiệm', start: '2025-11-03', end: null }],
  close: [{ title: 'Bí thư Tỉnh ủy Núi Cao', end: '2025-11-03' }],
  sources: [
    { url: 'https://example.vn/tin/bo-nhiem', quote: 'bổ nhiệm ông Trần Văn Thử giữ chức Bộ trưởng' },
  ],
};

describe('post overlays', () => {
  it('closes the ended post, adds the new one and carries the source', () => {
    const persons: unknown[] = [person()];
    expect(applyPostOverlays(persons, [overlay])).toEqual([]);
    const p = persons[0] as ReturnType<typeof person>;
    expect(p.posts.find((x) => x.title === 'Bí thư Tỉnh ủy Núi Cao')?.end).toBe('2025-11-03');
    expect(p.posts.find((x) => x.title === 'Bộ trưởng Bộ Thử nghiệm')?.start).toBe('2025-11-03');
    expect(p.sources.at(-1)).toMatchObject({ url: 'https://example.vn/tin/bo-nhiem', supports: ['posts'] });
  });

  it.each([
    ['an unknown person', { ...overlay, person: 'person:khong-co' }, /no person person:khong-co/],
    [
      'a post title that is not open',
      { ...overlay, close: [{ title: 'Chủ tịch', end: '2025-01-01' }] },
      /no open posts titled "Chủ tịch"/,
    ],
    ['an overlay without sources', { ...overlay, sources: [] }, /sources/],
    ['an unknown field', { ...overlay, note: 'x' }, /Unrecognized key/],
  ])('refuses %s', (_what, bad, message) => {
    const errors = applyPostOverlays([person()], [bad]);
    expect(errors.join('\n')).toMatch(message);
  });

  it('does not add the same post twice when the build runs again on its own output', () => {
    const persons: unknown[] = [person()];
    applyPostOverlays(persons, [{ ...overlay, close: [] }]);
    applyPostOverlays(persons, [{ ...overlay, close: [] }]);
    const titles = (persons[0] as ReturnType<typeof person>).posts.map((p) => p.title);
    expect(titles.filter((t) => t === 'Bộ trưởng Bộ Thử nghiệm')).toHaveLength(1);
  });
});

const doc = (id: string, relations: { type: string; target: string }[], sources: object[]) => ({
  id,
  type: 'Quy định',
  number: id.replace(/\D/g, ''),
  symbol: null,
  issuers: [],
  signer: null,
  issuedDate: null,
  effectiveDate: null,
  status: 'unknown',
  statusDate: null,
  title: null,
  summary: null,
  aliases: [],
  relations,
  sources,
});

describe('relation mirroring', () => {
  it('gives the target the inverse relation, backed by the same quote', () => {
    const quote = {
      url: 'https://example.vn/a',
      quote: 'Quy định 20 thay thế Quy định 10',
      supports: ['relations'],
    };
    const docs: unknown[] = [
      doc('doc:20', [{ type: 'replaces', target: 'doc:10' }], [quote]),
      doc('doc:10', [], [{ url: 'https://example.vn/b' }]),
    ];
    mirrorRelations(docs);
    const old = docs[1] as ReturnType<typeof doc>;
    expect(old.relations).toEqual([{ type: 'replacedBy', target: 'doc:20' }]);
    expect(old.sources).toContainEqual({ ...quote, supports: ['relations'] });
  });

  it('leaves a relation already stated on both ends alone', () => {
    const docs: unknown[] = [
      doc(
        'doc:20',
        [{ type: 'amends', target: 'doc:10' }],
        [{ url: 'https://example.vn/a', supports: ['relations'] }],
      ),
      doc(
        'doc:10',
        [{ type: 'amendedBy', target: 'doc:20' }],
        [{ url: 'https://example.vn/b', supports: ['relations'] }],
      ),
    ];
    mirrorRelations(docs);
    expect((docs[1] as ReturnType<typeof doc>).relations).toHaveLength(1);
    expect((docs[1] as ReturnType<typeof doc>).sources).toHaveLength(1);
  });

  it('runs inside the build, so a one-sided relation validates with the inverse sourced', () => {
    const files: JsonlFile[] = [
      {
        path: 'assets/data/documents.jsonl',
        content: [
          doc(
            'doc:20',
            [{ type: 'replaces', target: 'doc:10' }],
            [{ url: 'https://example.vn/a', quote: 'thay thế', supports: ['relations', 'type', 'number'] }],
          ),
          doc('doc:10', [], [{ url: 'https://example.vn/b', supports: ['type', 'number'] }]),
        ]
          .map((d) => JSON.stringify(d))
          .join('\n'),
      },
    ];
    const result = assembleDataset(files, 1, '2026-11-25');
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.dataset.documents.find((d) => d.id === 'doc:10')?.relations).toEqual([
        { type: 'replacedBy', target: 'doc:20' },
      ]);
  });
});

describe('alias overlays', () => {
  const aliasOverlay = {
    document: 'doc:20',
    aliases: ['Nghị quyết Hội nghị Thử'],
    sources: [{ url: 'https://example.vn/c', quote: 'Quy định 20 của Hội nghị Thử', supports: ['aliases'] }],
  };

  it('adds the aliases once, with their source, to a document of another file', () => {
    const docs: unknown[] = [doc('doc:20', [], [{ url: 'https://example.vn/a' }])];
    expect(applyAliasOverlays(docs, [aliasOverlay, aliasOverlay])).toEqual([]);
    const d = docs[0] as ReturnType<typeof doc>;
    expect(d.aliases).toEqual(['Nghị quyết Hội nghị Thử']);
    expect(d.sources).toContainEqual(aliasOverlay.sources[0]);
  });

  it.each([
    ['an unknown document', { ...aliasOverlay, document: 'doc:99' }, /no document doc:99/],
    ['an overlay without sources', { ...aliasOverlay, sources: [] }, /sources/],
    ['no aliases', { ...aliasOverlay, aliases: [] }, /aliases/],
    ['an unknown field', { ...aliasOverlay, title: 'x' }, /Unrecognized key/],
  ])('refuses %s', (_what, bad, message) => {
    const errors = applyAliasOverlays([doc('doc:20', [], [{ url: 'https://example.vn/a' }])], [bad]);
    expect(errors.join('\n')).toMatch(message);
  });

  it('runs inside the build, read from a document-aliases file', () => {
    const files: JsonlFile[] = [
      {
        path: 'assets/data/documents.jsonl',
        content: JSON.stringify(
          doc('doc:20', [], [{ url: 'https://example.vn/b', supports: ['type', 'number'] }]),
        ),
      },
      { path: 'assets/data/curated/document-aliases.jsonl', content: JSON.stringify(aliasOverlay) },
    ];
    const result = assembleDataset(files, 1, '2026-11-25');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.documents[0]?.aliases).toEqual(['Nghị quyết Hội nghị Thử']);
    const broken = assembleDataset(
      [
        files[0] as JsonlFile,
        { ...(files[1] as JsonlFile), content: JSON.stringify({ ...aliasOverlay, document: 'doc:1' }) },
      ],
      1,
      '2026-11-25',
    );
    expect(broken.ok).toBe(false);
  });
});
