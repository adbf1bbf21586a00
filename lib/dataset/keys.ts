// Lookup keys shared by the store (which indexes entries under them) and the
// resolver (which asks for them). Both sides must fold text the same way, so the
// folding lives here and nowhere else.

/**
 * Folds Vietnamese text for comparison: no diacritics (which also erases the
 * old/new tone-placement difference, hoà/hòa), đ → d, lower case, one space.
 */
export function fold(text: string): string {
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim();
  // Short strings (issuers, types, symbols) recur on every page: remember them.
  if (text.length <= 80) {
    if (folded.size > 20_000) folded.clear();
    folded.set(text, f);
  }
  return f;
}

const folded = new Map<string, string>();

/** Abbreviations news uses for document types, folded, mapped to the folded full type. */
const TYPE_ABBREVIATIONS: Record<string, string> = {
  nq: 'nghi quyet',
  nd: 'nghi dinh',
  qd: 'quyet dinh',
  ct: 'chi thi',
  tt: 'thong tu',
  ttlt: 'thong tu lien tich',
  kl: 'ket luan',
  hd: 'huong dan',
  kh: 'ke hoach',
  cv: 'cong van',
  tb: 'thong bao',
};

/** Folded full document type: "NQ" and "Nghị quyết" both give "nghi quyet". */
export function typeKey(type: string): string {
  const f = fold(type);
  return TYPE_ABBREVIATIONS[f] ?? f;
}

/** Key for "type + number" lookups: `Nghị quyết 12` → "nghi quyet|12". Leading zeros dropped: "06" = "6". */
export function docKey(type: string, number: string): string {
  const n = number.trim().replace(/^0+(?=\d)/, '');
  return `${typeKey(type)}|${fold(n)}`;
}

/**
 * Key for a full symbol, ignoring spacing, dash variants and diacritics:
 * "168/2024/NĐ-CP", "168/2024/nđ – cp" → "168/2024/nd-cp".
 */
export function symbolKey(symbol: string): string {
  return fold(symbol)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^0+(?=\d)/, '');
}

/** Key for names of persons and bodies. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[.,;:()"'“”]/g, '')
    .replace(/ +/g, ' ')
    .trim();
}
