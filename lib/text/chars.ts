// Character classes for the detector's hot loop: one table lookup per char
// instead of a Unicode regex test. Covers Basic Latin through Latin Extended
// Additional (U+1E00–U+1EFF), where every Vietnamese letter lives.

export const OTHER = 0;
export const LOWER = 1;
export const UPPER = 2;
export const DIGIT = 3;

export const TABLE_SIZE = 0x1f00;
/** Class of each code point below TABLE_SIZE; read directly by hot loops. */
export const CHAR_CLASS = new Uint8Array(TABLE_SIZE);
const table = CHAR_CLASS;

(() => {
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0; c < TABLE_SIZE; c++) {
    if (table[c] === DIGIT) continue;
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    // Combining marks count as part of a word (NFD text that slipped through).
    if (c >= 0x300 && c <= 0x36f) table[c] = LOWER;
    else if (lower !== upper && lower.length === 1 && upper.length === 1)
      table[c] = ch === upper ? UPPER : LOWER;
    else if (lower !== upper) table[c] = ch === lower ? LOWER : UPPER;
  }
  // ß and similar letters with no single-char case partner are letters too.
  table[0xdf] = LOWER;
  table[0xaa] = LOWER;
  table[0xba] = LOWER;
})();

export function charClass(code: number): number {
  return code < TABLE_SIZE ? (table[code] as number) : OTHER;
}

export function isLetter(code: number): boolean {
  const k = code < TABLE_SIZE ? table[code] : OTHER;
  return k === LOWER || k === UPPER;
}

export function isWordChar(code: number): boolean {
  return code < TABLE_SIZE && table[code] !== OTHER;
}

export function isUpperCode(code: number): boolean {
  return code < TABLE_SIZE && table[code] === UPPER;
}

export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

const toneCache = new Map<string, string>();

/**
 * A syllable's identity regardless of where the tone mark sits: "hoà" and
 * "hòa", "uỷ" and "ủy" give the same key. Vowel marks (â, ê, ô, ơ, ư, ă, đ) stay,
 * so "Lê" and "Lệ" still differ. Lower-cased.
 */
export function toneKey(word: string): string {
  const hit = toneCache.get(word);
  if (hit !== undefined) return hit;
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONE_MARKS);
  const base = d.replace(TONE_MARKS, '').normalize('NFC');
  const key = tones ? `${base}${tones.join('')}` : base;
  if (toneCache.size > 50_000) toneCache.clear();
  toneCache.set(word, key);
  return key;
}

const foldCache = new Map<string, string>();

/** A syllable with no diacritics at all, lower case, đ → d. */
export function foldWord(word: string): string {
  const hit = foldCache.get(word);
  if (hit !== undefined) return hit;
  const f = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(word, f);
  return f;
}

/** True when a word carries no Vietnamese diacritics (typed without them, or a foreign word). */
export function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}
