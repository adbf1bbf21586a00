import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../lib/search/query.ts';

describe('parseQuery', () => {
  it.each([
    // document shapes of issue 6
    ['nd 168', { docKey: 'nghi dinh|168', symbol: null }],
    ['nghi dinh 168', { docKey: 'nghi dinh|168', symbol: null }],
    ['Nghị định số 168', { docKey: 'nghi dinh|168', symbol: null }],
    ['NĐ168', { docKey: 'nghi dinh|168', symbol: null }],
    ['168/2024', { docKey: null, symbol: '168/2024' }],
    ['12-nq', { docKey: null, symbol: '12-nq' }],
    ['12 – NQ', { docKey: null, symbol: '12-nq' }],
    ['nq 12', { docKey: 'nghi quyet|12', symbol: null }],
    ['Nghị quyết số 12-NQ/TW', { docKey: 'nghi quyet|12', symbol: '12-nq/tw' }],
    ['nd 168/2024/nđ-cp', { docKey: 'nghi dinh|168', symbol: '168/2024/nd-cp' }],
    ['nq 06', { docKey: 'nghi quyet|6', symbol: null }],
    ['luat 31', { docKey: 'luat|31', symbol: null }],
    ['168', { docKey: null, symbol: '168' }],
    // not document shapes
    ['to lam', { docKey: null, symbol: null }],
    ['luat dat dai', { docKey: null, symbol: null }],
    ['bca', { docKey: null, symbol: null }],
    ['a09', { docKey: null, symbol: null }],
    ['quan 12', { docKey: null, symbol: null }],
  ])('%s', (text, expected) => {
    const q = parseQuery(text);
    expect({ docKey: q.docKey, symbol: q.symbol }).toEqual(expected);
  });

  it.each([
    ['Tô Lâm', 'to lam', ['to', 'lam']],
    ['  TÔ   LÂM ', 'to lam', ['to', 'lam']],
    // both tone placements fold to the same key
    ['Khánh Hoà', 'khanh hoa', ['khanh', 'hoa']],
    ['Khánh Hòa', 'khanh hoa', ['khanh', 'hoa']],
    ['Thuỷ', 'thuy', ['thuy']],
    ['Thủy', 'thuy', ['thuy']],
    ['Luật Đất đai', 'luat dat dai', ['luat', 'dat', 'dai']],
    ['Bộ Công an (BCA)', 'bo cong an bca', ['bo', 'cong', 'an', 'bca']],
  ])('%s → name %s, words %j', (text, name, words) => {
    const q = parseQuery(text);
    expect(q.name).toBe(name);
    expect(q.words).toEqual(words);
  });
});
