import { describe, expect, it } from 'vitest';
import {
  byLastCharacter,
  endsBeforeSpaces,
  firstNonSpaceFrom,
  lastNonSpaceBefore,
  previousWord,
  previousWordIs,
} from '../../lib/text/tokens.ts';

describe('reading around a position without slicing', () => {
  it('previousWordIs agrees with previousWord', () => {
    const text = 'Nhà Quốc hội, nhà Quốc hội;Nhà  Quốc\nNhà Quốc aNhà Quốc dânNhà Quốc';
    for (let pos = 0; pos <= text.length; pos++) {
      const w = previousWord(text, pos);
      const word = w ? text.slice(w[0], w[1]) : '';
      expect(previousWordIs(text, pos, 'Nhà'), `at ${pos}`).toBe(word === 'Nhà');
    }
  });

  it('finds the first and last characters that are not whitespace as \\s reads it', () => {
    const text = 'a \t\u00a0\u2003\n b';
    expect(String.fromCharCode(firstNonSpaceFrom(text, 1))).toBe('b');
    expect(firstNonSpaceFrom(text, 1, 5)).toBe(-1);
    expect(String.fromCharCode(lastNonSpaceBefore(text, text.length - 1))).toBe('a');
    expect(lastNonSpaceBefore(text, text.length - 1, 2)).toBe(-1);
  });

  it('endsBeforeSpaces holds wherever "(?:words)\\s+$" matches', () => {
    const words = ['ông', 'bà', 'Trung Quốc', 'các'];
    const re = /(?:ông|bà|Trung Quốc|các)\s+$/;
    const text = 'bà Lan, ông  Nam, Trung Quốc\tTập, các\nSở, bàn X, Quốc Y, Xông Z';
    for (let pos = 0; pos <= text.length; pos++)
      if (re.test(text.slice(0, pos)))
        expect(endsBeforeSpaces(text, pos, byLastCharacter(words)), `at ${pos}`).toBe(true);
    expect(endsBeforeSpaces(text, text.indexOf('X'), byLastCharacter(words))).toBe(false);
  });
});
