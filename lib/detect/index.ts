// Detection: page text → mentions of documents, persons, bodies and places,
// with offsets on the original text. One character pass finds the few places
// worth a look (word starts in capitals, numbers, a handful of lower-case
// openers); every grammar runs only there. Then, per article: issuers and
// titles from the bodies found, names seen once found everywhere, short forms
// bound to their citations, and (when the dataset's documents are given)
// entries matched.
import type { Dataset } from '../dataset/schema.ts';
import {
  type Citation,
  createDocumentIndex,
  type GazetteerDoc,
  matchDocument,
  resolveInArticle,
} from '../resolve/index.ts';
import {
  CHAR_CLASS,
  DIGIT,
  FOLD,
  FOLD_HASH_MASK,
  FOLD_HASH_PRIME,
  FOLD_HASH_SEED,
  foldHash,
  isSpaceCode,
  isUpperCode,
  isWordChar,
  LOWER,
  TABLE_SIZE,
  UPPER,
} from '../text/chars.ts';
import { normalizeText } from '../text/normalize.ts';
import { byLastCharacter, endsBeforeSpaces, previousWord, skipSpaces, wordIsOneOf } from '../text/tokens.ts';
import { WordFlags } from '../text/word-flags.ts';
import { type BodyHit, createBodyGrammar } from './bodies.ts';
import type { DocRef } from './doc-ref.ts';
import { createDocGrammar, createTypeTrie, type DocHit, type IssuerIndex } from './documents.ts';
import { DOC_TYPE_ABBREVIATIONS, DOC_TYPES, NOT_PERSON_BEFORE } from './lexicon.ts';
import { createPersonGrammar, foreignPostBefore, type PersonHit } from './persons.ts';

export type { GazetteerDoc } from '../resolve/index.ts';
export type { DocRef } from './doc-ref.ts';

export type MentionKind = 'document' | 'person' | 'organization' | 'place';

interface MentionBase {
  start: number;
  end: number;
  /** The text of the mention as the page has it. */
  text: string;
}

export interface DocumentMention extends MentionBase {
  kind: 'document';
  /** The identity the article supports (a short form carries its citation's symbol, year, issuer). */
  ref: DocRef;
  /** Two or more citations in the article fit this short form. */
  ambiguous: boolean;
  /** With `ambiguous`: the identities it could be. */
  alternatives: DocRef[];
  /** Dataset entry, when documents were given and one fits beyond doubt. */
  entity: string | null;
  /** Dataset entries that fit, most likely first. */
  candidates: string[];
}

export interface PersonMention extends MentionBase {
  kind: 'person';
  name: string;
  /** Every title the article gives this person, before or after any occurrence. */
  titles: string[];
  entity: string | null;
}

export interface OrganizationMention extends MentionBase {
  kind: 'organization';
  /** Full name as far as the article and the dataset give it. */
  name: string;
  entity: string | null;
}

export interface PlaceMention extends MentionBase {
  kind: 'place';
  name: string;
  entity: string | null;
}

export type Mention = DocumentMention | PersonMention | OrganizationMention | PlaceMention;

export interface GazetteerOrganization {
  id: string;
  names: string[];
  kind: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Gazetteer {
  persons: { id: string; names: string[] }[];
  organizations: GazetteerOrganization[];
  /** The dataset's documents, for matching; the content script leaves this empty (the background matches). */
  documents: GazetteerDoc[];
  /** Names of laws and codes ("Luật Đất đai"), so a name's end is known rather than guessed. */
  lawNames?: string[];
}

export interface DetectOptions {
  /** The article's date (YYYY-MM-DD): picks what existed then among merged bodies and provinces. */
  date?: string | null;
}

/** One detection in progress, worked in slices. */
export interface DetectionRun {
  /** Works until `keepGoing()` returns false or the work is done; true when done. */
  step(keepGoing: () => boolean): boolean;
  /** The mentions (finishing the work first if need be). */
  result(): Mention[];
}

export interface Detector {
  detect(text: string, opts?: DetectOptions): Mention[];
  /** The same detection, to be worked in slices between which the page gets the thread. */
  start(text: string, opts?: DetectOptions): DetectionRun;
}

/** Law names as news writes them: the dataset title without its year. */
function lawNamesOf(docs: readonly GazetteerDoc[]): string[] {
  const out = new Set<string>();
  for (const d of docs) {
    if (d.type !== 'Luật' && d.type !== 'Bộ luật') continue;
    for (const n of [d.title ?? '', ...d.aliases]) {
      // A name, not an edition: "(sửa đổi)" after it is the text's, outside the mention.
      const name = n
        .replace(/\s*\((?:sửa đổi|mới)\)$/, '')
        .replace(/\s+(?:năm\s+)?(?:19|20)\d{2}$/, '')
        .trim();
      if (/^(Luật|Bộ luật) \p{Lu}/u.test(name) && !/\d/.test(name)) out.add(name);
    }
  }
  return [...out];
}

export function gazetteerFromDataset(d: Dataset): Gazetteer {
  const documents: GazetteerDoc[] = d.documents.map((x) => ({
    id: x.id,
    type: x.type,
    number: x.number,
    symbol: x.symbol,
    issuedDate: x.issuedDate,
    issuers: x.issuers,
    aliases: x.aliases,
    title: x.title,
  }));
  return {
    persons: d.persons.map((p) => ({ id: p.id, names: [p.name, ...p.aliases] })),
    organizations: d.organizations.map((o) => ({
      id: o.id,
      names: [o.name, ...o.aliases, ...o.abbreviations],
      kind: o.kind,
      validFrom: o.validFrom,
      validTo: o.validTo,
    })),
    documents,
    lawNames: lawNamesOf(documents),
  };
}

interface Span {
  start: number;
  end: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Whether the letters abbreviate the name: its words' initials, from the first word or the second
 * ("Bộ Giáo dục và Đào tạo (GDĐT)"), in order. "Công an Thành phố Hồ Chí Minh (TPHCM)" glosses the
 * city, not the body.
 */
function abbreviates(abbr: string, name: string): boolean {
  const letters = abbr.replace(/[&-]/g, '');
  const initials = name
    .split(/\s+/)
    .filter((w) => w !== 'và' && w !== '-')
    .map((w) => w.charAt(0).toUpperCase());
  for (const from of [0, 1]) {
    if (initials[from] !== letters[0]) continue;
    let i = 0;
    for (let k = from; k < initials.length && i < letters.length; k++) if (initials[k] === letters[i]) i++;
    if (i === letters.length) return true;
  }
  return false;
}

/** A bracketed abbreviation right after a body's name, defining it for the article. */
const DEFINED_ABBREVIATION = /^[ \t]*\([ \t]*([A-ZĐ][A-ZĐ0-9&-]{1,12})[ \t]*\)/;

// What right before a name makes the person a suspect or defendant: "bị cáo Vũ Huy Hoàng",
// "khởi tố bị can đối với ông X", "84 bị can …, trong đó có ông X".
const SUSPECT_BEFORE = new RegExp(
  [
    '(?:bị cáo|bị can|nghi phạm|nghi can|phạm nhân|đối tượng)\\s*:?\\s+(?:(?:là|gồm)\\s*:?\\s+)?(?:ông\\s+|bà\\s+)?$',
    '(?:khởi tố|truy tố|bắt tạm giam|tạm giam)(?:\\s+bị can)?(?:\\s+đối với)?\\s+(?:ông|bà)\\s+$',
    '(?:bị cáo|bị can)[^.;\\n]{0,80},\\s*trong đó có\\s+(?:ông\\s+|bà\\s+)?$',
    '(?:bị cáo|bị can)[^.;\\n]{0,80}(?:là|gồm)\\s*:?\\s*(?:các\\s+)?(?:ông|bà)?\\s*:?\\s*$',
    // Further on in that list: "7 bị cáo gồm: A (…), B".
    '(?:bị cáo|bị can)\\s+(?:là|gồm)\\s*:\\s*[^.;:\\n]{2,150},\\s*(?:ông\\s+|bà\\s+)?$',
    // "lệnh bắt bị can và khám xét nơi ở, nơi làm việc đối với ông X"
    '(?:bị can|khởi tố|truy tố|tạm giam|lệnh bắt)[^.;\\n]{0,60}đối với\\s+(?:ông|bà)\\s+$',
  ].join('|'),
  'iu',
);

// What right after a person's titles makes them a defendant: "X, cựu Chánh tòa …, bị tuyên 3 năm tù".
const SENTENCED_AFTER =
  /^\s*,?\s*(?:bị (?:tuyên phạt|tuyên|đề nghị|xử phạt|phạt|kết án)|lĩnh)[^.;\n]{0,40}?(?:năm|tháng) tù/u;

// "ông Hiển", "bà Mai": a given name alone after the honorific, not followed by more of a name.
const HONORIFICS = ['ông', 'bà', 'Ông', 'Bà'];
const RANK_WORDS = ['tướng', 'tá', 'úy'];
const HONORIFIC_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${HONORIFICS.join('|')}|(?:Đại|Thượng|Trung|Thiếu) (?:${RANK_WORDS.join('|')}))\\s+$`,
  'u',
);

/** What HONORIFIC_BEFORE's words end with: an honorific, or a rank's last word. */
const HONORIFIC_ENDINGS = byLastCharacter([...HONORIFICS, ...RANK_WORDS]);
const GIVEN_NAME_AT = /^(\p{Lu}\p{Ll}{0,6})(?![\p{L}])(?!\s+\p{Lu})/u;

const SUSPECT_CUE = /bị cáo|bị can|nghi phạm|nghi can|phạm nhân|đối tượng|khởi tố|truy tố|tạm giam/i;

/** Whether the sentence before `pos` calls the person there a suspect or defendant. */
function suspectBefore(t: string, pos: number): boolean {
  const before = sentenceBefore(t, pos);
  // The cue words are rare: test the expression only where one occurs.
  return SUSPECT_CUE.test(before) && SUSPECT_BEFORE.test(before);
}

/** Whether [start, end) is a whole word: no letter or digit glued on either side. */
function wholeWord(t: string, start: number, end: number): boolean {
  return (
    !(start > 0 && isWordChar(t.charCodeAt(start - 1))) && !(end < t.length && isWordChar(t.charCodeAt(end)))
  );
}

/**
 * The sentence up to `pos` (at most 160 characters back), with what brackets hold blanked
 * out: "bị cáo gồm: A (SN 1978; nguyên Trưởng phòng), B" is one sentence, and the list
 * around the brackets is what the suspect cues read.
 */
function sentenceBefore(t: string, pos: number): string {
  const from = Math.max(0, pos - 160);
  const chunk = t.slice(from, pos).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const end = Math.max(chunk.lastIndexOf('. '), chunk.lastIndexOf('\n'), chunk.lastIndexOf('; '));
  return end >= 0 ? chunk.slice(end + 1) : chunk;
}

const AGENCIES = [
  'TTXVN',
  'VNA',
  'VOV',
  'VTV',
  'Thông tấn xã Việt Nam',
  'Đài Tiếng nói Việt Nam',
  'Đài Truyền hình Việt Nam',
];

// A credit label earlier on the same line, with no sentence ending in between. "Nguồn:" is
// left out: "Nguồn: Cổng TTĐT BCA" names the body whose portal it is.
const CREDIT_LABEL =
  /(?:^|[\s(])(?:Ảnh|Video|Clip|Đồ họa|Tin|Bài|Thực hiện)(?:\s*(?:,|và)\s*(?:ảnh|Ảnh|bài|video))?\s*:[^.!?\n]*$/;

/** Whether `pos` sits in a photo credit or byline ("Ảnh: Doãn Tấn - TTXVN"). */
export function onCreditLine(t: string, pos: number): boolean {
  if (!colonInClause(t, pos)) return false;
  // The 80 characters before, cut at a line break (a bounded look: texts can be one long line).
  const window = t.slice(Math.max(0, pos - 80), pos);
  return CREDIT_LABEL.test(window.slice(window.lastIndexOf('\n') + 1));
}

/**
 * Whether a colon comes before `pos` (within 80 characters) with no sentence end or line break
 * after it: CREDIT_LABEL's necessary condition, read backwards a character at a time.
 */
function colonInClause(t: string, pos: number): boolean {
  for (let i = pos - 1, from = Math.max(0, pos - 80); i >= from; i--) {
    const c = t.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) return false;
  }
  return false;
}

/** Whether t[start, end) is two or more capitals A–Z or Đ (/^[A-ZĐ]{2,}$/), read in place. */
function capitalsOnly(t: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || c === 0x110)) return false;
  }
  return true;
}

/** SENTENCED_AFTER's necessary condition: past spaces and a comma, "bị" or "lĩnh" begins. */
function maySentenceAfter(t: string, pos: number): boolean {
  const end = Math.min(t.length, pos + 60);
  let i = pos;
  while (i < end && isSpaceCode(t.charCodeAt(i))) i++;
  if (i < end && t.charCodeAt(i) === 0x2c) i++;
  while (i < end && isSpaceCode(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i);
  return i < end && (c === 0x62 || c === 0x6c);
}

/** A line that is nothing but an abbreviation: the agency signing the article ("TTXVN"). */
function signatureLine(t: string, b: Span): boolean {
  if (!capitalsOnly(t, b.start, b.end)) return false;
  // Only spaces and brackets between the line's ends and the name, read a few characters each way.
  const before = t.slice(Math.max(0, b.start - 8), b.start);
  const after = t.slice(b.end, b.end + 8);
  const lineBefore =
    before.lastIndexOf('\n') >= 0 || b.start <= 8 ? before.slice(before.lastIndexOf('\n') + 1) : null;
  const nl = after.indexOf('\n');
  const lineAfter = nl >= 0 || b.end + 8 >= t.length ? after.slice(0, nl < 0 ? after.length : nl) : null;
  return (
    lineBefore !== null && lineAfter !== null && /^[\s(/-]*$/.test(lineBefore) && /^[\s)./]*$/.test(lineAfter)
  );
}

/**
 * Adds a title the article gives once more: "Bộ trưởng" after "Bộ trưởng Bộ Công an"
 * is the same title said shorter, and a fuller form replaces a shorter one.
 */
function addTitle(list: string[], title: string): void {
  if (list.some((t) => t === title || t.startsWith(`${title} `))) return;
  const shorter = list.findIndex((t) => title.startsWith(`${t} `));
  if (shorter >= 0) list[shorter] = title;
  else list.push(title);
}

/**
 * "Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP ngày 8/1/2025 của Chính phủ": full citations
 * of one type listed together share the date and issuer said once after the last of them.
 * Only a citation with a symbol and no date of its own takes them.
 */
function shareTrailingContext(t: string, hits: DocHit[]): void {
  for (let i = hits.length - 2; i >= 0; i--) {
    const d = hits[i] as DocHit;
    const next = hits[i + 1] as DocHit;
    if (d.ref.date || !d.ref.symbol || !next.ref.date || d.ref.docType !== next.ref.docType) continue;
    if (!/^\s*(?:,|và)\s*$/.test(t.slice(d.end, next.start))) continue;
    d.ref.date = next.ref.date;
    d.ref.year ??= Number(next.ref.date.slice(0, 4));
    d.ref.issuer ??= next.ref.issuer;
  }
}

/** Sorted, non-overlapping spans: is `s` free of all of them? (binary search) */
function freeOf(sorted: readonly Span[], s: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Span).end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  const next = sorted[lo];
  return !next || !overlaps(next, s);
}

// What the prefilter knows of a word (its flags in a WordFlags table).
/** A word some body's or place's name starts with. */
export const BODY_OPENER = 1;
/** A word some document type word or some person's titles or name start with. */
export const DOC_PERSON_OPENER = 2;
/** A word that opens a body even in lower case ("công an nhân dân"). */
export const LOWER_OPENER = 4;
/** A word that ends a type word, or "số": a number after it may be a document's ("quyết định số 90"). */
export const TYPE_END = 8;

/** The word starts worth a look, in text order, apart for each pass: each grammar runs only where it can start. */
export interface Triggers {
  bodies: number[];
  docsAndPersons: number[];
}

/**
 * The one pass over every character: the word starts worth a grammar's look.
 * Each word is folded and hashed as it is read, so the prefilter allocates
 * nothing; a top-level function so the engine optimises this loop on its own.
 * `words` gives each word's flags: the grammars it can open (BODY_OPENER,
 * DOC_PERSON_OPENER), whether it does so in lower case, whether it ends a type word;
 * a number after a type word is a document's only.
 */
export function findTriggers(t: string, words: WordFlags, lowerFirst: Uint8Array): Triggers {
  const bodies: number[] = [];
  const docsAndPersons: number[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    let c = t.charCodeAt(i);
    let k = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    // Only capitalised words, and lower-case ones with a listed first letter, are hashed;
    // the rest are skipped at the cost of a class lookup per letter.
    const hashed = k === UPPER || (k === LOWER && c < 0x2000 && lowerFirst[c] === 1);
    let h = FOLD_HASH_SEED;
    if (hashed) {
      let prev = k;
      for (;;) {
        const f = FOLD[c] as number;
        if (f !== 0) h = Math.imul(h ^ f, FOLD_HASH_PRIME);
        prev = k;
        if (++i >= n) break;
        c = t.charCodeAt(i);
        k = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
        // A capital glued to a lower-case letter starts a new word ("dânNgày").
        if (k === 0 || (k === UPPER && prev === LOWER)) break;
      }
    } else {
      // A word starting in lower case (or a number) ends at anything but a lower-case
      // letter or digit: a capital there is glued on ("dânNgày").
      for (;;) {
        if (++i >= n) break;
        c = t.charCodeAt(i);
        k = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
        if (k !== LOWER && k !== DIGIT) break;
      }
    }
    const first = CHAR_CLASS[t.charCodeAt(start)];
    let opens = 0;
    if (first === UPPER) {
      opens = words.get(h & FOLD_HASH_MASK);
    } else if (first === DIGIT) {
      if (afterTypeWord(t, start, words)) opens = DOC_PERSON_OPENER;
    } else if (hashed) {
      const flags = words.get(h & FOLD_HASH_MASK);
      if ((flags & LOWER_OPENER) !== 0) opens = flags;
    }
    if ((opens & BODY_OPENER) !== 0) bodies.push(start);
    if ((opens & DOC_PERSON_OPENER) !== 0) docsAndPersons.push(start);
  }
  return { bodies, docsAndPersons };
}

/** A number right after a word that ends a type word or "số", spaces only between ("quyết định số 90"). */
function afterTypeWord(t: string, start: number, words: WordFlags): boolean {
  let e = start;
  while (e > 0 && (t.charCodeAt(e - 1) === 0x20 || t.charCodeAt(e - 1) === 0x09)) e--;
  if (e === start || e === 0) return false;
  let s = e;
  while (s > 0 && isWordChar(t.charCodeAt(s - 1))) s--;
  return s < e && (words.get(foldHash(t, s, e)) & TYPE_END) !== 0;
}

export function createDetector(g: Gazetteer): Detector {
  const bodies = createBodyGrammar(g.organizations);
  const persons = createPersonGrammar(g.persons);
  const types = createTypeTrie();
  const docs = createDocGrammar(g.lawNames ?? lawNamesOf(g.documents));
  const documentsFor = createDocumentIndex(g.documents);
  // The prefilter: a capitalised word is worth a grammar only if some phrase of it starts with
  // the word. (Every body grammar, the person grammar and the type words first check this
  // themselves, so a grammar skipped here would have found nothing.)
  const words = new WordFlags();
  for (const k of bodies.firstWords()) words.add(k, BODY_OPENER);
  for (const k of persons.firstWords()) words.add(k, DOC_PERSON_OPENER);
  for (const k of types.firstWords()) words.add(k, DOC_PERSON_OPENER);
  // A number is worth a look back only after a word that ends a type word ("quyết định số 90").
  for (const x of [...DOC_TYPES, ...Object.keys(DOC_TYPE_ABBREVIATIONS), 'số']) {
    const last = x.split(' ').pop() as string;
    words.add(foldHash(last, 0, last.length), TYPE_END);
  }
  for (const w of bodies.lowercaseStarts) words.add(foldHash(w, 0, w.length), LOWER_OPENER);
  const lowerFirst = new Uint8Array(0x2000);
  for (const w of bodies.lowercaseStarts) if (w.charCodeAt(0) < 0x2000) lowerFirst[w.charCodeAt(0)] = 1;
  const validity = new Map(
    g.organizations.map((o) => [o.id, { from: o.validFrom ?? null, to: o.validTo ?? null }]),
  );

  /** Of the entries a name can mean, the one that existed on the date (or the only one). */
  const pickByDate = (ids: readonly string[], date: string | null): string | null => {
    if (ids.length <= 1) return ids[0] ?? null;
    const when = date ?? new Date().toISOString().slice(0, 10);
    const live = ids.filter((id) => {
      const v = validity.get(id);
      return !v || ((!v.from || v.from <= when) && (!v.to || v.to >= when));
    });
    return live.length === 1 ? (live[0] as string) : null;
  };

  /**
   * Detection in slices: `step(keepGoing)` works until `keepGoing()` says stop (checked
   * every few dozen trigger points) and returns true when done, so a content script can
   * yield to the page between slices and a 1 MB page never blocks it for long.
   */
  const start = (original: string, opts: DetectOptions = {}): DetectionRun => {
    const date = opts.date ?? null;
    const norm = normalizeText(original);
    const t = norm.text;

    // 1. The one pass over every character: word starts worth a look.
    const triggers = findTriggers(t, words, lowerFirst);

    // 2. Bodies and places (issuers and titles are read against them).
    const bodyHits: BodyHit[] = [];
    let bodyEnd = 0;
    // Abbreviations the article defines in brackets after a body's name: "Bộ Nông nghiệp và Phát
    // triển nông thôn (NN-PTNT)". The bracketed one, and the same letters later, name that body.
    const defined = new Map<string, BodyHit>();
    const classSpans: Span[] = [];
    const bodyStep = (pos: number) => {
      if (pos < bodyEnd) return;
      const hit = bodies.matchAt(t, pos);
      if (hit) {
        if (hit.kind !== 'class') bodyHits.push(hit);
        else classSpans.push({ start: hit.start, end: hit.end });
        bodyEnd = hit.end;
        const gloss =
          hit.kind === 'organization' ? DEFINED_ABBREVIATION.exec(t.slice(hit.end, hit.end + 20)) : null;
        // Only for a body the text names as one ("Viện kiểm sát nhân dân (VKSND)" alone is every such body).
        const named = hit.ids.length > 0 || !hit.placeless;
        if (gloss && named && abbreviates(gloss[1] as string, t.slice(hit.start, hit.end))) {
          const abbr = gloss[1] as string;
          const start = hit.end + gloss[0].indexOf(abbr);
          bodyHits.push({ ...hit, start, end: start + abbr.length });
          bodyEnd = start + abbr.length + 1;
          if (!defined.has(abbr)) defined.set(abbr, hit);
        }
      }
    };
    /** Later occurrences of the defined abbreviations, where no other body was read. */
    const addDefinedAbbreviations = () => {
      if (defined.size === 0) return;
      const taken = [...bodyHits, ...classSpans]
        .map((b) => ({ start: b.start, end: b.end }))
        .sort((a, b) => a.start - b.start);
      const more: BodyHit[] = [];
      for (const [abbr, body] of defined) {
        let count = 0;
        for (let at = t.indexOf(abbr); at >= 0 && count < 200; at = t.indexOf(abbr, at + abbr.length)) {
          const end = at + abbr.length;
          if (!wholeWord(t, at, end)) continue;
          // "Bộ NN-PTNT" is read by the body grammar already; a bare one is the defined body, but
          // "các Sở GDĐT" are the departments, not the ministry the letters were defined for.
          if (!freeOf(taken, { start: at, end })) continue;
          const prev = previousWord(t, at);
          if (prev && /^(?:Sở|sở|Bộ|Phòng|Cục|Vụ|Ban|Chi cục)$/.test(t.slice(prev[0], prev[1]))) continue;
          // "lực lượng CSGT": the force at large, not the department that defined the letters.
          if (/lực lượng\s+$/.test(t.slice(Math.max(0, at - 12), at))) continue;
          more.push({ ...body, start: at, end });
          count++;
        }
      }
      if (more.length === 0) return;
      bodyHits.push(...more);
      bodyHits.sort((a, b) => a.start - b.start);
    };
    const orgStarts = new Map<number, BodyHit>();
    const orgEnds = new Map<number, BodyHit>();
    const indexBodies = () => {
      for (const b of bodyHits) {
        if (b.kind !== 'organization') continue;
        orgStarts.set(b.start, b);
        orgEnds.set(b.end, b);
      }
    };
    // As printed ("Ban Chấp hành Trung ương", not the dataset's full name) — but an abbreviation
    // ("Bộ TNMT", "HĐND tỉnh") says less than the full name it stands for.
    const issuerName = (b: BodyHit): string => {
      const printed = t.slice(b.start, b.end);
      if (!/[A-ZĐ]{2,}/.test(printed)) return printed;
      return b.ids.length > 0 || b.placeless || b.place ? b.name : printed;
    };
    const issuers: IssuerIndex = {
      startingAt: (p) => {
        const b = orgStarts.get(p);
        if (b) return { end: b.end, name: issuerName(b) };
        // Issuers that are offices rather than bodies: "Thủ tướng Chính phủ", "Chủ tịch UBND tỉnh".
        const m = /^(Thủ tướng Chính phủ|Thủ tướng|Chủ tịch nước|Tổng Bí thư)(?![\p{L}])/u.exec(
          t.slice(p, p + 24),
        );
        if (m) return { end: p + (m[1] as string).length, name: m[1] as string };
        // A chairman decides in his own name ("Quyết định … của Chủ tịch UBND tỉnh"); a minister
        // issues in the ministry's ("Thông tư … của Bộ trưởng Bộ Giáo dục" is the ministry's).
        const office = /^((?:Phó )?Chủ tịch|Bộ trưởng|Thống đốc)\s+/.exec(t.slice(p, p + 24));
        const body = office ? orgStarts.get(p + office[0].length) : undefined;
        if (office && body) {
          const name = issuerName(body);
          return {
            end: body.end,
            name: /Chủ tịch/.test(office[1] as string) ? `${office[1]} ${name}` : name,
          };
        }
        return undefined;
      },
      endingAt: (p) => {
        const b = orgEnds.get(p);
        if (!b) return undefined;
        // "Thủ tướng Chính phủ đã ban hành …": the office before the body is the issuer.
        const office = /(?:^|\s)((?:Phó )?Thủ tướng|Chủ tịch|Bộ trưởng|Thống đốc)\s+$/.exec(
          t.slice(Math.max(0, b.start - 16), b.start),
        );
        const start = office ? b.start - (office[0].length - (office[0].startsWith(' ') ? 1 : 0)) : b.start;
        // A minister or governor issues in the ministry's or bank's name; a chairman or the
        // Prime Minister in his own ("Quyết định … của Chủ tịch UBND tỉnh").
        const own = office && !/Bộ trưởng|Thống đốc/.test(office[1] as string);
        return { start, name: own ? `${office?.[1]} ${issuerName(b)}` : issuerName(b) };
      },
    };

    // 3. Documents and persons, at the same trigger positions.
    const docHits: DocHit[] = [];
    const personHits: PersonHit[] = [];
    let taken = 0;
    const tryDocAt = (start: number, typeEnd: number, type: Parameters<typeof docs.parseAt>[3]): boolean => {
      const hits = docs.parseAt(t, start, typeEnd, type, issuers);
      if (hits.length === 0) return false;
      docHits.push(...hits);
      taken = (hits[hits.length - 1] as DocHit).end;
      return true;
    };
    let orgIndex = 0;
    const bodyAtPos = { startingAt: (p: number) => orgStarts.get(p) };
    const docPersonStep = (pos: number) => {
      if (pos < taken) return;
      // Inside a body ("Bộ Chính trị" at "Chính") no document or person starts.
      while (orgIndex < bodyHits.length && (bodyHits[orgIndex] as BodyHit).end <= pos) orgIndex++;
      const inBody = bodyHits[orgIndex];
      if (inBody && inBody.kind === 'organization' && inBody.start < pos) return;
      const c = t.charCodeAt(pos);
      if (c >= 0x30 && c <= 0x39) {
        // "quyết định số 90", "nghị định 168/2024/NĐ-CP": a lower-case type word before the number.
        const typed = lowercaseTypeBefore(t, pos);
        if (typed && typed.start >= taken) tryDocAt(typed.start, typed.end, typed.type);
        return;
      }
      // (No type word starts here unless the first word opens one: then the list is empty.)
      const typeWords = types.matchAt(t, pos);
      for (let k = 0; k < typeWords.length; k++) {
        const m = typeWords[k] as (typeof typeWords)[number];
        if (tryDocAt(pos, m.end, m.payloads[0] as Parameters<typeof docs.parseAt>[3])) return;
      }
      const person = persons.matchAt(t, pos, bodyAtPos);
      if (person) {
        personHits.push(person);
        taken = person.consumed;
      }
    };

    function lowercaseTypeBefore(text: string, numPos: number) {
      // Walk back over "số"/"số:" and up to three words for a type word.
      let p = numPos;
      const w0 = previousWord(text, p);
      if (w0 && /^(số|Số)$/.test(text.slice(w0[0], w0[1]))) p = w0[0];
      else if (/số\s*:\s*$/.test(text.slice(Math.max(0, p - 6), p))) p = text.lastIndexOf('số', p);
      let start = p;
      for (let k = 0; k < 4; k++) {
        const w = previousWord(text, start);
        if (!w) break;
        start = w[0];
        if (isUpperCode(text.charCodeAt(start))) return null;
        const m = types.longestAt(text, start);
        if (m && skipSpaces(text, m.end) === p)
          return { start, end: m.end, type: m.payloads[0] as Parameters<typeof docs.parseAt>[3] };
      }
      return null;
    }

    // The work after the grammars, in steps the run can pause between.
    let docSpans: Span[] = [];
    let orgSpans: BodyHit[] = [];
    const known = new Map<string, { titles: string[]; entity: string | null }>();
    let personSpans: Span[] = [];
    const extra: PersonHit[] = [];
    let keptOrgs: BodyHit[] = [];
    let keptPersons: PersonHit[] = [];
    let keptPlaces: BodyHit[] = [];
    let resolved: ReturnType<typeof resolveInArticle> = [];
    let orgName: (b: BodyHit) => string = (b) => b.name;
    const out: Mention[] = [];

    const finishPersons = () => {
      // 4. A person named once with titles is the same person wherever the name recurs.
      docSpans = docHits.map((d) => ({ start: d.start, end: d.end }));
      // Bodies on a photo credit or as the closing signature ("Ảnh: Doãn Tấn - TTXVN",
      // "TTXVN") are the news source, not news.
      orgSpans = bodyHits.filter(
        (b) =>
          b.kind === 'organization' &&
          freeOf(docSpans, b) &&
          !onCreditLine(t, b.start) &&
          !signatureLine(t, b) &&
          // "PV Thái Bình/VOV", "Hoàng Hà/TTXVN": the agency a reporter or photographer works for;
          // "TTXVN/Báo Tin tức", "TTXVN trân trọng giới thiệu": the agency as publisher.
          t[b.start - 1] !== '/' &&
          // "QĐND - Sáng 5/12, …": the outlet's dateline at a paragraph's start.
          !(
            (b.start === 0 || t[b.start - 1] === '\n') &&
            capitalsOnly(t, b.start, b.end) &&
            /^\s*[-–]\s/.test(t.slice(b.end, b.end + 4))
          ) &&
          // "TTXVN cho biết", "theo TTXVN": the agency as the news's source, not its subject.
          !(
            wordIsOneOf(t, b.start, b.end, AGENCIES) &&
            (/^\s*(?:\/|:|trân trọng|cho biết|đưa tin|thông tin)/.test(t.slice(b.end, b.end + 14)) ||
              /(?:^|[^\p{L}])[Tt]heo\s+$/u.test(t.slice(Math.max(0, b.start - 6), b.start)))
          ),
      );
      // Suspects and defendants are not news subjects as officials, even former ones: a name
      // the article calls "bị cáo"/"bị can" (or says is prosecuted) is dropped everywhere; so is
      // a foreign official's ("Chủ tịch nước Trung Quốc Tập Cận Bình").
      const suspects = new Set<string>();
      personHits.sort((a, b) => a.start - b.start);
      personHits.forEach((p, i) => {
        const prev = personHits[i - 1];
        // "bị cáo Lâm Nguyên Khôi và Lê Quang Minh": a name joined to a suspect's is one too.
        const joined =
          prev &&
          suspects.has(prev.name) &&
          (/^\s*(?:\([^)]{0,160}\))?\s*(?:,|;|và)\s*(?:ông\s+|bà\s+)?$/.test(t.slice(prev.end, p.start)) ||
            // "bị cáo A, cựu …, bị tuyên 3 năm tù; B, cựu …": the list of the sentenced goes on.
            /^\s*,?\s*bị [^.;\n]{0,40}?tù\s*(?:,|;)\s*(?:ông\s+|bà\s+)?$/u.test(
              t.slice(prev.consumed, p.start),
            ));
        if (
          joined ||
          p.foreign ||
          (maySentenceAfter(t, p.consumed) && SENTENCED_AFTER.test(t.slice(p.consumed, p.consumed + 60))) ||
          suspectBefore(t, p.start)
        )
          suspects.add(p.name);
      });
      for (let i = personHits.length - 1; i >= 0; i--)
        if (suspects.has((personHits[i] as PersonHit).name)) personHits.splice(i, 1);
      for (const p of personHits) {
        const k = known.get(p.name) ?? { titles: [], entity: p.entity };
        for (const title of p.titles) addTitle(k.titles, title);
        k.entity ??= p.entity;
        known.set(p.name, k);
      }
      personSpans = personHits.map((p) => ({ start: p.start, end: p.end })).sort((a, b) => a.start - b.start);
      const suspectLater = new Set<string>();
      for (const name of known.keys()) {
        for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + name.length)) {
          const end = at + name.length;
          if (!wholeWord(t, at, end)) continue;
          const span = { start: at, end };
          // A name found where a foreign post precedes it ("Chủ tịch nước Trung Quốc X") is foreign everywhere.
          if (foreignPostBefore(t, at)) {
            suspectLater.add(name);
            continue;
          }
          if (!freeOf(personSpans, span) || !freeOf(docSpans, span) || !freeOf(orgSpans, span)) continue;
          const prev = previousWord(t, at);
          if (prev && NOT_PERSON_BEFORE.has(t.slice(prev[0], prev[1]))) continue;
          // The name recurs where the article says it is a suspect's: it is one everywhere.
          if (suspectBefore(t, at)) {
            suspectLater.add(name);
            continue;
          }
          const after = persons.titlesAfter(t, end, bodyAtPos);
          const k = known.get(name);
          if (k) for (const title of after.titles) addTitle(k.titles, title);
          extra.push({
            start: at,
            end,
            name,
            titles: [],
            entity: k?.entity ?? null,
            titled: false,
            consumed: end,
          });
        }
      }
      if (suspectLater.size > 0) {
        const drop = (list: PersonHit[]) => {
          for (let i = list.length - 1; i >= 0; i--)
            if (suspectLater.has((list[i] as PersonHit).name)) list.splice(i, 1);
        };
        drop(personHits);
        drop(extra);
        for (const name of suspectLater) known.delete(name);
      }
    };

    const finishOverlaps = () => {
      // "Ông Hiển từng là …": a person the article has named in full, by given name alone.
      const byGiven = new Map<string, string | null>();
      for (const name of known.keys()) {
        const given = name.split(' ').pop() as string;
        if (name.includes(' ')) byGiven.set(given, byGiven.has(given) ? null : name);
      }
      // Only where a given name of the article's persons occurs at all: no scan of the whole text;
      // and only after an honorific, looked at before any expression is read.
      const givenAt: number[] = [];
      for (const given of byGiven.keys()) {
        for (let at = t.indexOf(given); at >= 0; at = t.indexOf(given, at + given.length))
          if (endsBeforeSpaces(t, at, HONORIFIC_ENDINGS)) givenAt.push(at);
      }
      givenAt.sort((a, b) => a - b);
      for (const at of givenAt) {
        const tail = t.slice(at, at + 9);
        const m = GIVEN_NAME_AT.exec(tail);
        if (!m || !HONORIFIC_BEFORE.test(t.slice(Math.max(0, at - 16), at))) continue;
        const given = m[1] as string;
        const full = byGiven.get(given);
        if (!full) continue;
        const start = at;
        const span = { start, end: start + given.length };
        if (!freeOf(personSpans, span) || !freeOf(docSpans, span) || !freeOf(orgSpans, span)) continue;
        extra.push({
          ...span,
          name: full,
          titles: [],
          entity: known.get(full)?.entity ?? null,
          titled: false,
          consumed: span.end,
        });
      }

      // Names are distinct strings, so occurrences of different names cannot overlap
      // except where one name contains another; the longer, found first, wins.
      const allPersons = [...personHits, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
      const keptPersonsRaw: PersonHit[] = [];
      for (const p of allPersons) {
        const last = keptPersonsRaw[keptPersonsRaw.length - 1];
        if (!last || p.start >= last.end) keptPersonsRaw.push(p);
      }

      // 5. Overlaps between kinds: documents, then bodies, then persons, then places.
      keptOrgs = orgSpans;
      keptPersons = keptPersonsRaw.filter((p) => freeOf(keptOrgs, p));
      keptPlaces = bodyHits.filter(
        (b) => b.kind === 'place' && freeOf(docSpans, b) && freeOf(keptPersons, b),
      );

      // 6. The article's own province completes "Tỉnh ủy", "Công an tỉnh", "UBND tỉnh".
      const votes = new Map<string, number>();
      for (const b of [...keptOrgs, ...keptPlaces])
        if (b.place) votes.set(b.place, (votes.get(b.place) ?? 0) + 1);
      const home = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0]?.replace(/^(Tỉnh|Thành phố) /, '') ?? null;
      orgName = (b: BodyHit): string => {
        if (!b.placeless || !home) return b.name;
        if (b.name === 'Ban Thường vụ') return `Ban Thường vụ Tỉnh ủy ${home}`;
        return `${b.name} ${home}`;
      };

      // 7. Documents: short forms bound within the article, then matched to the dataset.
      // "của HĐND tỉnh": the issuer is the story's own council, named in full.
      const placeless = new Map<string, BodyHit>();
      for (const b of orgSpans) if (b.placeless && !placeless.has(b.name)) placeless.set(b.name, b);
      for (const d of docHits) {
        const local = d.ref.issuer ? placeless.get(d.ref.issuer) : undefined;
        if (local) d.ref.issuer = orgName(local);
      }
      shareTrailingContext(t, docHits);
      resolved = resolveInArticle(docHits.map((d): Citation => ({ ref: d.ref, weak: d.weak })));
    };

    // A page cites the same document many times: match each identity once.
    const matched = new Map<string, ReturnType<typeof matchDocument>>();
    const matchOnce = (ref: DocRef) => {
      const key = `${ref.docType}|${ref.number}|${ref.symbol}|${ref.year}|${ref.issuer}|${ref.date}|${ref.term}|${ref.name}|${ref.subject}`;
      let m = matched.get(key);
      if (!m) {
        m = matchDocument(ref, documentsFor(ref), date);
        matched.set(key, m);
      }
      return m;
    };
    // Each mention is one literal with its offsets on the original text and its text written
    // out: cheaper than spreading a span object into it.
    const emitDocument = (k: number) => {
      const d = docHits[k] as DocHit;
      const r = resolved[k];
      if (!r?.keep) return;
      const match = r.ambiguous ? { entity: null, candidates: [] as string[] } : matchOnce(r.ref);
      const candidates = r.ambiguous
        ? [...new Set(r.alternatives.flatMap((a) => matchOnce(a).candidates))]
        : match.candidates;
      const start = norm.startToOriginal(d.start);
      const end = norm.endToOriginal(d.end);
      out.push({
        kind: 'document',
        start,
        end,
        text: original.slice(start, end),
        ref: r.ref,
        ambiguous: r.ambiguous,
        alternatives: r.alternatives,
        entity: match.entity,
        candidates,
      });
    };
    const emitPerson = (p: PersonHit) => {
      const k = known.get(p.name);
      const start = norm.startToOriginal(p.start);
      const end = norm.endToOriginal(p.end);
      out.push({
        kind: 'person',
        start,
        end,
        text: original.slice(start, end),
        name: p.name,
        titles: k?.titles ?? p.titles,
        entity: p.entity ?? k?.entity ?? persons.listedNamed(p.name),
      });
    };
    const emitBody = (b: BodyHit) => {
      const start = norm.startToOriginal(b.start);
      const end = norm.endToOriginal(b.end);
      const text = original.slice(start, end);
      if (b.kind === 'place') {
        out.push({ kind: 'place', start, end, text, name: b.name, entity: pickByDate(b.ids, date) });
        return;
      }
      const name = orgName(b);
      const ids = b.ids.length > 0 ? b.ids : bodies.idsNamed(name);
      out.push({ kind: 'organization', start, end, text, name, entity: pickByDate(ids, date) });
    };

    // Phases: triggers → bodies → documents and persons → persons across the article →
    // overlaps and resolution → output. Each loop checks `keepGoing` every few items.
    let phase = 0;
    let i = 0;
    let result: Mention[] | null = null;
    const step = (keepGoing: () => boolean): boolean => {
      for (;;) {
        if (phase === 0) {
          while (i < triggers.bodies.length) {
            bodyStep(triggers.bodies[i++] as number);
            if ((i & 31) === 0 && !keepGoing()) return false;
          }
          addDefinedAbbreviations();
          indexBodies();
          phase = 1;
          i = 0;
        } else if (phase === 1) {
          while (i < triggers.docsAndPersons.length) {
            docPersonStep(triggers.docsAndPersons[i++] as number);
            if ((i & 31) === 0 && !keepGoing()) return false;
          }
          phase = 2;
        } else if (phase === 2) {
          finishPersons();
          phase = 3;
        } else if (phase === 3) {
          finishOverlaps();
          phase = 4;
          i = 0;
        } else if (phase === 4) {
          // Output in document, person, body order; each item is cheap, so check less often.
          const total = docHits.length + keptPersons.length + keptOrgs.length + keptPlaces.length;
          while (i < total) {
            const k = i++;
            if (k < docHits.length) emitDocument(k);
            else if (k < docHits.length + keptPersons.length)
              emitPerson(keptPersons[k - docHits.length] as PersonHit);
            else {
              const j = k - docHits.length - keptPersons.length;
              emitBody((j < keptOrgs.length ? keptOrgs[j] : keptPlaces[j - keptOrgs.length]) as BodyHit);
            }
            if ((i & 127) === 0 && !keepGoing()) return false;
          }
          out.sort((x, y) => x.start - y.start || y.end - x.end);
          result = out;
          phase = 5;
          return true;
        } else {
          return true;
        }
        if (!keepGoing()) return false;
      }
    };
    return {
      step,
      result() {
        while (!step(() => true));
        return result as Mention[];
      },
    };
  };

  const detect = (original: string, opts: DetectOptions = {}): Mention[] => start(original, opts).result();

  return { detect, start };
}
