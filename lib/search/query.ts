// What a search box query can mean. Everything is folded first (lib/dataset/keys.ts:
// no diacritics, so both tone placements, hoà/hòa, read the same), then read as
// up to three things at once — a document reference, a whole name, a list of
// words — and the ranking decides which reading wins for each entry.
import { docKey, fold, nameKey, symbolKey, typeKey } from '../dataset/keys.ts';
import { wordsOf } from '../store/terms.ts';

export interface ParsedQuery {
  /** nameKey of the whole query: matched against whole names (exactly, or as their start). */
  name: string;
  /** The query's words; the last one may be unfinished (the user is typing). */
  words: string[];
  /** `nd 168`, `nghi dinh so 168` → ["nghi dinh|168"]: documents of that type and number. */
  docKey: string | null;
  /** `168/2024`, `12-nq`, `168` → a full symbol or its start, as symbolKey folds it. */
  symbol: string | null;
}

/** Document types, folded, that a query may name (abbreviations reach them through typeKey). */
const TYPES = new Set([
  'nghi quyet',
  'nghi quyet lien tich',
  'nghi dinh',
  'quyet dinh',
  'chi thi',
  'thong tu',
  'thong tu lien tich',
  'ket luan',
  'huong dan',
  'ke hoach',
  'cong van',
  'cong dien',
  'thong bao',
  'quy dinh',
  'quy che',
  'luat',
  'bo luat',
  'hien phap',
  'phap lenh',
  'lenh',
  'de an',
  'chuong trinh',
]);

/** Type words, optional "số", a number, then optionally the rest of a symbol ("/2024/nd-cp", "-nq/tw"). */
const TYPE_NUMBER = /^([a-z]+(?: [a-z]+)*?) ?(?:so ?)?(\d+[a-z]?)((?:[/-][a-z0-9.-]*)+)?$/;
/** A symbol or its start: "168/2024", "12-nq", "12-nq/tw", or a bare number. */
const SYMBOLISH = /^\d+[a-z]?(?:[/-][a-z0-9.-]*)*$/;

export function parseQuery(text: string): ParsedQuery {
  const folded = fold(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/ ?([/-]) ?/g, '$1');
  let doc: string | null = null;
  let symbol: string | null = null;
  const m = TYPE_NUMBER.exec(folded);
  if (m?.[1] && m[2] && TYPES.has(typeKey(m[1]))) {
    doc = docKey(m[1], m[2]);
    if (m[3]) symbol = symbolKey(m[2] + m[3]);
  } else if (SYMBOLISH.test(folded)) {
    symbol = symbolKey(folded);
  }
  return { name: nameKey(text), words: wordsOf(text), docKey: doc, symbol };
}
