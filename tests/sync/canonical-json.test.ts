import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/sync/canonical-json.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ nested: { z: 0, y: { b: 2, a: 1 } } }, '{"nested":{"y":{"a":1,"b":2},"z":0}}'],
    ['Nghị định 168/2024/NĐ-CP', '"Nghị định 168/2024/NĐ-CP"'],
    ['line\nbreak "quoted" \u0001', '"line\\nbreak \\"quoted\\" \\u0001"'],
    // UTF-16 code unit order, as RFC 8785 asks: "é" (U+00E9) sorts after "z", an astral char after both.
    [{ é: 1, z: 2, '\u{1F600}': 3, A: 4 }, '{"A":4,"z":2,"é":1,"\u{1F600}":3}'],
    [-42, '-42'],
    [[], '[]'],
    [{}, '{}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is the same whatever order or spacing the JSON text had', () => {
    const a = JSON.parse('{ "version": 2, "deltas": [ {"to":2,"from":1} ] }');
    const b = JSON.parse('{"deltas":[{"from":1.0,"to":2}],"version":2}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it.each([[1.5], [2 ** 60], [Number.NaN], [undefined], [() => 1], [new Date(0)], [{ a: 1n }]])(
    'refuses %s',
    (value) => {
      expect(() => canonicalJson(value)).toThrow();
    },
  );
});
