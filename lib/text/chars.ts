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

/** Whether a code unit is whitespace as a regular expression's \s reads it (line breaks included). */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// Each code point's folded form (no diacritics, lower case, đ → d) as one code
// unit, so hot loops can fold and hash a word without allocating a string.
export const FOLD = new Uint16Array(TABLE_SIZE);
(() => {
  for (let c = 0; c < TABLE_SIZE; c++) {
    const f = String.fromCharCode(c)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    FOLD[c] = f.length === 1 ? f.charCodeAt(0) : c >= 0x300 && c <= 0x36f ? 0 : c;
  }
})();

/**
 * Hash of text[start, end) folded (no diacritics, lower case): equal for "Uỷ",
 * "Ủy" and "uy". Combining marks are skipped. FNV-1a in 30 bits; matches are
 * confirmed on the real characters, so a collision costs a check, never a wrong match.
 */
export const FOLD_HASH_SEED = 0x811c9dc5;
export const FOLD_HASH_PRIME = 0x01000193;
/** 30 bits: the hash stays a small integer, which maps and sets key without boxing. */
export const FOLD_HASH_MASK = 0x3fffffff;

export function foldHash(text: string, start: number, end: number): number {
  let h = FOLD_HASH_SEED;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = c < TABLE_SIZE ? (FOLD[c] as number) : c;
    if (f === 0) continue;
    h ^= f;
    h = Math.imul(h, FOLD_HASH_PRIME);
  }
  return h & FOLD_HASH_MASK;
}

/**
 * Each code point's lower case as one code unit, or 0 where that is not a fact of the
 * character alone: a lower case of two units (İ), or Σ, whose lower case depends on its
 * place in the word. Lets a hot loop compare words case aside without building strings.
 */
export const LOWER_CODE = new Uint16Array(TABLE_SIZE);
(() => {
  for (let c = 1; c < TABLE_SIZE; c++) {
    const l = String.fromCharCode(c).toLowerCase();
    LOWER_CODE[c] = l.length === 1 && c !== 0x3a3 ? l.charCodeAt(0) : 0;
  }
})();

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
