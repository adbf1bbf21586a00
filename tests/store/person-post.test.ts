import { describe, expect, it } from 'vitest';
import type { PersonEntry, Post } from '../../lib/dataset/schema.ts';
import { heldOn, postsOn } from '../../lib/store/person-post.ts';

const post = (start: string | null, end: string | null): Post => ({ title: 't', body: null, start, end });

describe('heldOn: partial dates cover their whole period, both ends inclusive', () => {
  it.each([
    // start as a year
    ['2016', null, '2016-12-31', true],
    ['2016', null, '2015-12-31', false],
    ['2016', null, '2016-01-01', true],
    ['2016', null, '2030-05-05', true],
    // start as a month
    ['2016-04', null, '2016-03-31', false],
    ['2016-04', null, '2016-04-01', true],
    // full start date, inclusive
    ['2016-04-09', null, '2016-04-08', false],
    ['2016-04-09', null, '2016-04-09', true],
    // end as a month: held through the last day of that month
    ['2016', '2021-04', '2021-04-30', true],
    ['2016', '2021-04', '2021-05-01', false],
    ['2016', '2021-04', '2021-04-01', true],
    // end as a year
    ['2011', '2016', '2016-12-31', true],
    ['2011', '2016', '2017-01-01', false],
    // full end date, inclusive (handover day)
    ['2016-04-09', '2024-05-22', '2024-05-22', true],
    ['2016-04-09', '2024-05-22', '2024-05-23', false],
    // unknown start: no lower bound; unknown start and open end: always
    [null, '2020-01', '1990-01-01', true],
    [null, '2020-01', '2020-02-01', false],
    [null, null, '1990-01-01', true],
    // same partial start and end: the whole year
    ['2019', '2019', '2019-07-01', true],
    ['2019', '2019', '2020-01-01', false],
    ['2019', '2019', '2018-12-31', false],
  ] as const)('start %s, end %s, on %s → %s', (start, end, date, expected) => {
    expect(heldOn(post(start, end), date)).toBe(expected);
  });

  it.each(['2016', '2016-04', '16/04/2016', '', '2016-04-09T00:00'])(
    'refuses a day that is not YYYY-MM-DD: %s',
    (date) => {
      expect(() => heldOn(post('2016', null), date)).toThrow(RangeError);
    },
  );
});

describe('postsOn', () => {
  // The shape of the sourced record: minister until the handover day, president from it.
  const person: Pick<PersonEntry, 'posts'> = {
    posts: [
      { title: 'Tổng Bí thư', body: null, start: '2024-08-03', end: null },
      { title: 'Chủ tịch nước', body: null, start: '2024-05-22', end: '2024-10-21' },
      { title: 'Bộ trưởng Bộ Công an', body: null, start: '2016-04-09', end: '2024-05-22' },
      { title: 'Ủy viên Bộ Chính trị', body: null, start: '2016', end: null },
    ],
  };
  const titles = (date: string) => postsOn(person, date).map((p) => p.title);

  it.each([
    ['2015-12-31', []],
    ['2016-01-15', ['Ủy viên Bộ Chính trị']],
    ['2020-06-01', ['Bộ trưởng Bộ Công an', 'Ủy viên Bộ Chính trị']],
    ['2024-05-22', ['Chủ tịch nước', 'Bộ trưởng Bộ Công an', 'Ủy viên Bộ Chính trị']],
    ['2024-09-01', ['Tổng Bí thư', 'Chủ tịch nước', 'Ủy viên Bộ Chính trị']],
    ['2025-01-01', ['Tổng Bí thư', 'Ủy viên Bộ Chính trị']],
  ])('on %s: %j (source order)', (date, expected) => {
    expect(titles(date)).toEqual(expected);
  });
});
