import { describe, expect, it } from 'vitest';
import {
  birthYearOf,
  bodyOfOffice,
  emptyPostReport,
  parsePosts,
  parseTermValue,
} from '../../lib/dataset/infobox.ts';

describe('parseTermValue', () => {
  const cases: [unknown, ReturnType<typeof parseTermValue>][] = [
    ['2022-10-21', { kind: 'date', value: '2022-10-21' }],
    ['2014-08', { kind: 'date', value: '2014-08' }],
    ['2008', { kind: 'date', value: '2008' }],
    ['năm 1991', { kind: 'date', value: '1991' }],
    ['cuối năm 1990', { kind: 'date', value: '1990' }],
    ['3/2002', { kind: 'date', value: '2002-03' }],
    ['12.2005', { kind: 'date', value: '2005-12' }],
    ['21 tháng 10 năm 2022', { kind: 'date', value: '2022-10-21' }],
    ['2 tháng 9 2016', { kind: 'date', value: '2016-09-02' }],
    ['9 tháng 12năm 1990 (từ chức)', { kind: 'date', value: '1990-12-09' }],
    ['Tháng 5 / 2020', { kind: 'date', value: '2020-05' }],
    ['Tháng 12, năm 2019', { kind: 'date', value: '2019-12' }],
    ['nay', { kind: 'open' }],
    ['Nay', { kind: 'open' }],
    ['nay, ()', { kind: 'open' }],
    ['đương nhiệm', { kind: 'open' }],
    [undefined, { kind: 'missing' }],
    ['  ', { kind: 'missing' }],
    ['2021-02-30', { kind: 'unknown', raw: '2021-02-30' }],
    ['2021-13', { kind: 'unknown', raw: '2021-13' }],
    ['không rõ', { kind: 'unknown', raw: 'không rõ' }],
    ['Khóa XIV, XV', { kind: 'unknown', raw: 'Khóa XIV, XV' }],
    ['(1991-1996)', { kind: 'unknown', raw: '(1991-1996)' }],
    [42, { kind: 'unknown', raw: '42' }],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(parseTermValue(input)).toEqual(expected);
  });
});

describe('bodyOfOffice', () => {
  const cases: [string, string | null][] = [
    ['Thứ trưởng Bộ Quốc phòng', 'Bộ Quốc phòng'],
    ['Bộ trưởng Bộ Công an', 'Bộ Công an'],
    ['Bí thư Tỉnh ủy Hòa Bình', 'Tỉnh ủy Hòa Bình'],
    ['Phó Bí thư Thường trực Tỉnh ủy Phú Thọ', 'Tỉnh ủy Phú Thọ'],
    ['Ủy viên Trung ương Đảng khóa XIII', 'Trung ương Đảng'],
    ['Trưởng ban Tổ chức Trung ương', 'Ban Tổ chức Trung ương'],
    ['Phó Trưởng Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo Trung ương'],
    ['Tổng Kiểm toán Nhà nước', 'Kiểm toán Nhà nước'],
    ['Chủ tịch, Hội đồng nhân dân tỉnh Hải Dương', 'Hội đồng nhân dân tỉnh Hải Dương'],
    ['Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam', null],
    ['Đại sứ Việt Nam tại Hoa Kỳ', null],
    ['Người phát ngôn Bộ Công an', null],
  ];
  it.each(cases)('%s → %s', (title, body) => {
    expect(bodyOfOffice(title)).toBe(body);
  });
});

describe('parsePosts', () => {
  it('reads numbered offices in order with open, partial and missing ends', () => {
    const report = emptyPostReport();
    const posts = parsePosts(
      {
        office: 'Bộ trưởng Bộ Thử nghiệm',
        term_start: '2024-06-06',
        office2: 'Thứ trưởng Bộ Thử nghiệm',
        term_start2: '2016',
        term_end2: '2024-06',
        office10: 'Bí thư Tỉnh ủy Núi Cao',
        term_start10: '2010-01-02',
        term_end10: 'nay',
        office3: 'Phó Bí thư Tỉnh ủy Núi Cao',
        office4: 'Chánh Văn phòng',
        term_start4: '2001',
        term_end4: 'không rõ',
      },
      report,
    );
    expect(posts).toEqual([
      { title: 'Bộ trưởng Bộ Thử nghiệm', body: 'Bộ Thử nghiệm', start: '2024-06-06', end: null },
      { title: 'Thứ trưởng Bộ Thử nghiệm', body: 'Bộ Thử nghiệm', start: '2016', end: '2024-06' },
      { title: 'Bí thư Tỉnh ủy Núi Cao', body: 'Tỉnh ủy Núi Cao', start: '2010-01-02', end: null },
    ]);
    expect(report).toEqual({ droppedUndated: 1, droppedUnknownEnd: 1, closedAtDeath: 0 });
  });

  it('closes an open end at the date of death', () => {
    const report = emptyPostReport();
    const posts = parsePosts(
      { office: 'Chủ tịch Hội Thử nghiệm', term_start: '1990', term_end: 'nay', death_date: '2001-05-04' },
      report,
    );
    expect(posts[0]?.end).toBe('2001-05-04');
    expect(report.closedAtDeath).toBe(1);
  });
});

describe('birthYearOf', () => {
  it.each([
    ['1971-08-02', 1971],
    ['1949', 1949],
    [null, null],
    ['không rõ', null],
    ['1700-01-01', null],
  ] as [unknown, number | null][])('%j → %j', (input, year) => {
    expect(birthYearOf(input)).toBe(year);
  });
});
