import { describe, expect, it } from 'vitest';
import { formatDate, todayIso } from '../../lib/format/dates.ts';

describe('formatDate', () => {
  it.each([
    ['2022-03-16', '16/3/2022'],
    ['2016-04', '4/2016'],
    ['2016', '2016'],
    [null, ''],
    ['', ''],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, out) => {
    expect(formatDate(input)).toBe(out);
  });

  it('gives today in the local calendar', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});
