// Page text arrives in every shape Vietnamese publishing produces: decomposed
// diacritics (NFD from some CMSs and copy-paste), zero-width joiners and soft
// hyphens inside words, NBSP between a type word and its number, and the whole
// dash family inside symbols. Detection runs on one clean form; mentions are
// reported on the original text, so the normaliser keeps a map back.

export interface NormalizedText {
  /** NFC, invisible characters removed, NBSP → space, dashes → "-", fullwidth "／" → "/". */
  readonly text: string;
  /** Original offset where the character at `i` of `text` starts (i may equal text.length). */
  startToOriginal(i: number): number;
  /** Original offset just past the character before `end` of `text`: maps an exclusive end. */
  endToOriginal(end: number): number;
}

// Characters that change length when normalised: combining marks (NFD input)
// and invisible characters that are dropped.
const LENGTH_CHANGING = /[\u0300-\u036f\u00ad\u200b-\u200f\u2060\ufeff]/;
const SAME_LENGTH = /[\u00a0\u2007\u202f\u2010-\u2015\u2212\ufe63\uff0d\uff0f]/g;

function sameLengthReplacement(c: string): string {
  if (c === '\uff0f') return '/';
  const code = c.charCodeAt(0);
  return code === 0xa0 || code === 0x2007 || code === 0x202f ? ' ' : '-';
}

function isCombining(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

function isDropped(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff;
}

export function normalizeText(src: string): NormalizedText {
  if (!LENGTH_CHANGING.test(src)) {
    // The common case: offsets are unchanged, so no map is built.
    const text = src.replace(SAME_LENGTH, sameLengthReplacement);
    return { text, startToOriginal: (i) => i, endToOriginal: (i) => i };
  }
  const out: string[] = [];
  // For each emitted char: where its source starts and ends in the original.
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const code = src.charCodeAt(i);
    if (isDropped(code)) {
      i++;
      continue;
    }
    // A base character and the combining marks after it (possibly with dropped
    // invisibles between them) compose into one cluster.
    let j = i + 1;
    // Surrogate pairs travel together.
    if (code >= 0xd800 && code <= 0xdbff && j < n) j++;
    let hasMarks = false;
    let k = j;
    // The cluster ends after its last mark: an invisible character after it stays outside.
    for (let q = j; q < n; q++) {
      const c = src.charCodeAt(q);
      if (isCombining(c)) {
        hasMarks = true;
        k = q + 1;
      } else if (!isDropped(c)) break;
    }
    if (hasMarks) {
      let cluster = '';
      for (let p = i; p < k; p++) {
        const c = src.charCodeAt(p);
        if (!isDropped(c)) cluster += src[p];
      }
      const composed = cluster.normalize('NFC');
      for (let q = 0; q < composed.length; q++) {
        starts.push(i);
        ends.push(k);
      }
      out.push(composed);
      i = k;
      continue;
    }
    const piece = src.slice(i, j);
    const replaced = piece.length === 1 ? piece.replace(SAME_LENGTH, sameLengthReplacement) : piece;
    for (let q = 0; q < replaced.length; q++) {
      starts.push(i + q);
      ends.push(i + q + 1);
    }
    out.push(replaced);
    i = j;
  }
  const text = out.join('');
  return {
    text,
    startToOriginal: (idx) =>
      idx <= 0 ? (starts[0] ?? 0) : idx >= starts.length ? n : (starts[idx] as number),
    endToOriginal: (idx) => (idx <= 0 ? 0 : idx > ends.length ? n : (ends[idx - 1] as number)),
  };
}
