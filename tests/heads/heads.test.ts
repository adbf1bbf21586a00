import { describe, expect, it } from 'vitest';
import { nameKey } from '../../lib/dataset/keys.ts';
import type { OrganizationEntry, PersonEntry } from '../../lib/dataset/schema.ts';
import { createHeadCache, createHeadIndex, headedBody } from '../../lib/heads/heads.ts';
import type { CardData } from '../../lib/protocol.ts';

describe('headedBody: the body a post heads', () => {
  it.each([
    ['Bộ trưởng Bộ Công an', 'Bộ Công an'],
    ['Bí thư Tỉnh ủy Nghệ An', 'Tỉnh ủy Nghệ An'],
    [
      'Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
      'Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
    ],
    ['Trưởng ban Tổ chức Trung ương', 'Ban Tổ chức Trung ương'],
    ['Chủ tịch, Viện Hàn lâm Khoa học xã hội Việt Nam', 'Viện Hàn lâm Khoa học xã hội Việt Nam'],
    ['Chánh Văn phòng Trung ương Đảng', 'Văn phòng Trung ương Đảng'],
    ['Tổng Thanh tra Chính phủ', 'Thanh tra Chính phủ'],
    ['Tổng Kiểm toán Nhà nước', 'Kiểm toán Nhà nước'],
    ['Thủ tướng Chính phủ', 'Chính phủ'],
  ])('%s → %s', (title, body) => {
    expect(headedBody(title)).toBe(nameKey(body));
  });

  it.each([
    'Phó Chủ tịch Quốc hội',
    'Thứ trưởng Bộ Công an',
    // A misspelt deputy's title, which would read as "Thủ tướng" with its diacritics folded away.
    'Thứ tưởng Bộ Dân tộc và Tôn giáo',
    'Ủy viên Bộ Chính trị',
    'Bộ trưởng',
    'Đại biểu Quốc hội',
  ])('%s heads nothing', (title) => {
    expect(headedBody(title)).toBeNull();
  });
});

const person = (id: string, name: string, posts: [string, string | null, string | null][]): PersonEntry => ({
  id,
  name,
  aliases: [],
  birthYear: null,
  posts: posts.map(([title, start, end]) => ({ title, body: null, start, end })),
  sources: [{ url: 'https://example.vn/' }],
});

const org: OrganizationEntry = {
  id: 'org:bo-cong-an',
  name: 'Bộ Công an',
  abbreviations: ['BCA'],
  aliases: ['Bộ Công an Việt Nam'],
  kind: 'ministry',
  parent: null,
  validFrom: null,
  validTo: null,
  successors: [],
  predecessors: [],
  sources: [{ url: 'https://example.vn/' }],
};

describe('createHeadIndex', () => {
  const index = createHeadIndex([
    person('p:a', 'Người A', [['Bộ trưởng Bộ Công an', '2016-04-09', '2024-05-22']]),
    person('p:b', 'Người B', [
      ['Bộ trưởng Bộ Công an', '2024-06-06', null],
      ['Thứ trưởng Bộ Công an', '2019', '2024'],
    ]),
    person('p:c', 'Người C', [['Chánh Văn phòng Bộ Công an', '2023-02-01', '2025-01-20']]),
    person('p:d', 'Người D', [['Bộ trưởng Bộ Công an Việt Nam', '1990', '1995']]),
  ]);

  it.each([
    ['2020-01-01', ['p:a']],
    ['2024-05-22', ['p:a']],
    ['2025-03-10', ['p:b']],
    ['2024-05-30', []],
    ['1992-06-01', ['p:d']],
  ])('on %s: %j', (date, ids) => {
    expect(index.headsOf(org, date).map((h) => h.id)).toEqual(ids);
  });

  it('gives the post as worded', () => {
    expect(index.headsOf(org, '2025-03-10')).toEqual([
      { id: 'p:b', name: 'Người B', title: 'Bộ trưởng Bộ Công an' },
    ]);
  });
});

describe('createHeadCache', () => {
  const card: CardData = { kind: 'organization', entry: org, parent: null, successors: [], predecessors: [] };
  const people = [person('p:b', 'Người B', [['Bộ trưởng Bộ Công an', '2024-06-06', null]])];

  it('adds the heads to a body card, reading the officials once per version', async () => {
    const withHeads = createHeadCache();
    let reads = 0;
    const persons = async () => {
      reads++;
      return people;
    };
    const a = await withHeads(card, '2025-03-10', 3, persons);
    expect(a.kind === 'organization' && a.heads).toEqual([
      { id: 'p:b', name: 'Người B', title: 'Bộ trưởng Bộ Công an' },
    ]);
    await withHeads(card, '2025-04-01', 3, persons);
    expect(reads).toBe(1);
    await withHeads(card, '2025-04-01', 4, persons);
    expect(reads).toBe(2);
  });

  it('leaves other cards, cards without a known head, and cards without a version alone', async () => {
    const withHeads = createHeadCache();
    const persons = async () => people;
    const none: CardData = { kind: 'none', text: 'x' };
    expect(await withHeads(none, '2025-03-10', 3, persons)).toBe(none);
    expect(await withHeads(card, '2020-01-01', 3, persons)).toBe(card);
    expect(await withHeads(card, '2025-03-10', null, persons)).toBe(card);
  });

  it('answers without heads when the officials cannot be read, and tries again next time', async () => {
    const withHeads = createHeadCache();
    let fail = true;
    const persons = async () => {
      if (fail) throw new Error('database closed');
      return people;
    };
    expect(await withHeads(card, '2025-03-10', 3, persons)).toBe(card);
    fail = false;
    const again = await withHeads(card, '2025-03-10', 3, persons);
    expect(again.kind === 'organization' && again.heads?.length).toBe(1);
  });
});
