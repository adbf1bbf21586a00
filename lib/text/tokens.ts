// Lazy token reading over normalised text. The detector never tokenises a whole
// page: it reads tokens only from the few positions its prefilter stops at.
// A token is a run of word characters, or one punctuation character; spaces
// separate tokens and a newline (a block boundary) ends every phrase.
import { CHAR_CLASS, charClass, isSpaceCode, isWordChar, LOWER, TABLE_SIZE, UPPER } from './chars.ts';

/**
 * A capital right after a lower-case letter starts a new word: pages glue a
 * heading to the next paragraph ("Công an nhân dânNgày 14/5") when markup is lost.
 */
export function gluedBoundary(text: string, i: number): boolean {
  return i > 0 && charClass(text.charCodeAt(i)) === UPPER && charClass(text.charCodeAt(i - 1)) === LOWER;
}

/** Start of the next token at or after `pos` on the same line, or -1. */
export function skipSpaces(text: string, pos: number): number {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i++;
    else if (c === 0x0a || c === 0x0d) return -1;
    else return i;
  }
  return -1;
}

/** End (exclusive) of the token starting at `start`. */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  if (start >= n) return start;
  const c0 = text.charCodeAt(start);
  let prev = c0 < TABLE_SIZE ? (CHAR_CLASS[c0] as number) : 0;
  if (prev === 0) return start + 1;
  let i = start + 1;
  // Hot: inlined class lookups rather than isWordChar/gluedBoundary calls per character.
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
    if (k === 0 || (k === UPPER && prev === LOWER)) break;
    prev = k;
    i++;
  }
  return i;
}

/** End of the word that starts at `start` (0-length when `start` is not a word char). */
export function wordEnd(text: string, start: number): number {
  if (start >= text.length || !isWordChar(text.charCodeAt(start))) return start;
  return tokenEnd(text, start);
}

/** Start of the word that ends at `end` (exclusive), scanning back. */
export function wordStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isWordChar(text.charCodeAt(i - 1)) && !gluedBoundary(text, i)) i--;
  return i;
}

/** Splits a listed name the same way the text is read: "T.Ư Đảng" → ["T", ".", "Ư", "Đảng"]. */
export function tokenizeName(name: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = name.length;
  while (i < n) {
    const c = name.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) {
      i++;
      continue;
    }
    const e = tokenEnd(name, i);
    out.push(name.slice(i, e));
    i = e;
  }
  return out;
}

/**
 * The word before `pos` on the same line (skipping spaces, not punctuation), as
 * [start, end], or null when punctuation or a line break comes first.
 */
export function previousWord(text: string, pos: number): [number, number] | null {
  const i = previousWordEnd(text, pos);
  return i < 0 ? null : [wordStartBefore(text, i), i];
}

/** Where the word before `pos` on the same line ends (spaces and tabs skipped), or -1 when none does. */
function previousWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x09) i--;
    else break;
  }
  return i === 0 || !isWordChar(text.charCodeAt(i - 1)) ? -1 : i;
}

/** Whether the word before `pos` on the same line (as previousWord reads it) is `word`; reads no string. */
export function previousWordIs(text: string, pos: number, word: string): boolean {
  const i = previousWordEnd(text, pos);
  if (i < 0) return false;
  // The letters first: where the word ends is cheaper to read than where it starts.
  if (i < word.length || !text.startsWith(word, i - word.length)) return false;
  return wordStartBefore(text, i) === i - word.length;
}

/**
 * text[start, end) with each run of whitespace made one space, as `.replace(/\s+/g, ' ')`
 * does; a plain slice when there is nothing to collapse (the common case).
 */
export function collapsedSlice(text: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 0x20 || (i + 1 < end && isSpaceCode(text.charCodeAt(i + 1)))))
      return text.slice(start, end).replace(/\s+/g, ' ');
  }
  return text.slice(start, end);
}

/** Whether text[start, end) is one of `words`, compared in place. */
export function wordIsOneOf(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) if (w.length === end - start && text.startsWith(w, start)) return true;
  return false;
}

/**
 * The code of the last character before `pos` that is not whitespace (as \s reads it),
 * looking back no further than `from`; -1 when there is none.
 */
export function lastNonSpaceBefore(text: string, pos: number, from = 0): number {
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/**
 * The code of the first character at or after `pos` that is not whitespace (as \s reads it),
 * looking no further than `to`; -1 when there is none.
 */
export function firstNonSpaceFrom(text: string, pos: number, to = text.length): number {
  for (let i = pos, end = Math.min(to, text.length); i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/** Words grouped by the code of their last character, for endsBeforeSpaces. */
export type WordEndings = ReadonlyMap<number, readonly string[]>;

/** The words grouped by their last character. */
export function byLastCharacter(words: readonly string[]): WordEndings {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(w.length - 1);
    out.set(c, [...(out.get(c) ?? []), w]);
  }
  return out;
}

/**
 * Whether whitespace (as \s reads it) comes right before `pos` and, before it, the text ends
 * with one of the words: the necessary condition of an expression "(?:words)\s+$", read in
 * place so the expression runs only where it may match.
 */
export function endsBeforeSpaces(text: string, pos: number, words: WordEndings): boolean {
  if (pos === 0 || !isSpaceCode(text.charCodeAt(pos - 1))) return false;
  let e = pos - 1;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  const candidates = words.get(text.charCodeAt(e - 1));
  if (!candidates) return false;
  for (const w of candidates) if (e >= w.length && text.startsWith(w, e - w.length)) return true;
  return false;
}

/** The word starting at or after `pos` on the same line (skipping spaces only), or null. */
export function nextWord(text: string, pos: number): [number, number] | null {
  const s = skipSpaces(text, pos);
  if (s < 0 || !isWordChar(text.charCodeAt(s))) return null;
  return [s, wordEnd(text, s)];
}
