// Officials. A person is recognised by a listed name (the dataset's 1,300
// officials) or by the titles news puts around a name: a rank or post before
// it ("Thượng tá Nguyễn Hồng Phong", "Bộ trưởng Bộ Công an Lương Tam Quang",
// "Tổng bí thư, Chủ tịch nước Tô Lâm") or after it ("Trần Quốc Tỏ, Ủy viên
// Trung ương Đảng, Phó Bí thư …"). Titles are reported as the text gives them.
import { foldHash, isSpaceCode, isUpperCode, isWordChar } from '../text/chars.ts';
import {
  byLastCharacter,
  collapsedSlice,
  endsBeforeSpaces,
  lastNonSpaceBefore,
  nextWord,
  previousWord,
  skipSpaces,
  tokenEnd,
  wordIsOneOf,
} from '../text/tokens.ts';
import { WordFlags } from '../text/word-flags.ts';
import {
  CREDIT_LABELS,
  FOREIGN_COUNTRIES,
  NOT_PERSON_BEFORE,
  POST_HEADS,
  RANKS,
  SURNAMES,
  TITLE_PREFIXES,
} from './lexicon.ts';
import { PhraseTrie, wordHashAt } from './phrase-trie.ts';

export interface PersonHit {
  start: number;
  end: number;
  name: string;
  titles: string[];
  entity: string | null;
  /** Found by its titles (a strong signal) rather than by a listed name alone. */
  titled: boolean;
  /** End of the titles written after the name: the next person starts after it. */
  consumed: number;
  /** Holds a post of another country: not marked, here or where the name recurs. */
  foreign?: boolean;
}

/** Bodies found in the first pass, by start offset. */
export interface BodyAt {
  startingAt(pos: number): { end: number } | undefined;
}

interface TitleHead {
  rank: boolean;
  /** Heads that are not titles without the body they head ("Trưởng", "Ủy viên"). */
  needsBody: boolean;
}

const NEEDS_BODY = new Set([
  'Trưởng',
  'Phó Trưởng',
  'Phó Trưởng ban Thường trực',
  'Ủy viên',
  'Thường trực',
  'Thường vụ',
  'Ủy viên Thường vụ',
  'Ủy viên dự khuyết',
]);

// "Tin, ảnh: Thu Phong", "(Ảnh: Hoàng Hà)": the name after a credit label is the author's.
const CREDIT_BEFORE = new RegExp(
  `(?:^|[\\s(])(?:${CREDIT_LABELS.join('|')})(?:\\s*,\\s*(?:ảnh|Ảnh|bài|video))?\\s*:\\s*$`,
);

const POST_IN_SENTENCE =
  /(?:Chủ tịch|Bí thư|Giám đốc|Bộ trưởng|Thứ trưởng|Trưởng ban|Trưởng phòng|Cục trưởng|Chánh|Viện trưởng|Thủ tướng|Tư lệnh|Chính ủy|Ủy viên|chức vụ)(?![\p{L}])/u;

/** The sentence around `pos`, at most 200 characters either side. */
function sentenceAround(text: string, pos: number): string {
  const from = Math.max(0, pos - 200);
  const to = Math.min(text.length, pos + 200);
  const before = text.slice(from, pos);
  const after = text.slice(pos, to);
  const s = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const e = after.search(/\.\s|\n/);
  return before.slice(s + 1) + (e >= 0 ? after.slice(0, e) : after);
}

// "Chủ tịch nước Trung Quốc Tập Cận Bình", "Bộ trưởng Ngoại giao Lào …": a post of another
// country is held by a foreign official, whom RefLens does not mark.
const FOREIGN_BEFORE_NAME = new RegExp(`(?:^|[^\\p{L}])(?:${FOREIGN_COUNTRIES.join('|')})\\s+$`, 'u');
const COUNTRY_NAMES = byLastCharacter(FOREIGN_COUNTRIES);

/** Whether a country's name (a foreign post's last words) comes right before `pos`. */
export function foreignPostBefore(text: string, pos: number): boolean {
  return (
    endsBeforeSpaces(text, pos, COUNTRY_NAMES) &&
    FOREIGN_BEFORE_NAME.test(text.slice(Math.max(0, pos - 30), pos))
  );
}

const PARTY_UNIT_AFTER =
  /^(?:Ban Thường vụ|Ban Chấp hành|Ban thường vụ|Ban chấp hành)(?: (?:Đảng ủy|Đảng bộ|đảng ủy|đảng bộ))?(?![\p{L}])/u;

// "cho các ông, bà: A, B, C": the list, up to this name, of names only.
const LISTED_AFTER_HONORIFICS =
  /(?:các|cho|đối với|gồm)\s+(?:ông,?\s*bà|ông|bà|đồng chí)\s*:\s*(?:\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3}\s*(?:,|và)\s*)*$/u;

const HONORIFICS = new Set(['Ông', 'Bà', 'Anh', 'Chị', 'Cô', 'Chú', 'Bác', 'Em', 'Cháu', 'Cụ', 'Ngài']);

/**
 * Whether text[start, end) is a syllable of a Vietnamese personal name: a capital, then up to
 * six lower-case letters (/^[A-ZĐÀ-ỸÂĂÊÔƠƯ][a-zđà-ỹâăêôơư]{0,6}$/u, read without a slice).
 */
function isNameSyllableAt(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > 7) return false;
  const c = text.charCodeAt(start);
  // Â Ă Ê Ô Ơ Ư lie in À–Ỹ, a range that holds lower-case letters too: the class table keeps its capitals.
  if (!((c >= 0x41 && c <= 0x5a) || c === 0x110 || (c >= 0xc0 && c <= 0x1ef8)) || !isUpperCode(c))
    return false;
  for (let i = start + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (!((d >= 0x61 && d <= 0x7a) || d === 0x111 || (d >= 0xe0 && d <= 0x1ef9))) return false;
  }
  return true;
}

/** How many words a name of single-spaced words has ("Tô Lâm": 2), counting without splitting it. */
function wordCount(text: string, start: number, end: number): number {
  let n = 1;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x20) n++;
  return n;
}

/**
 * Whether a list of names after "các ông, bà:" may run up to `pos` (LISTED_AFTER_HONORIFICS's
 * necessary condition): going back from `pos`, a colon comes before anything but spaces,
 * commas and letters. Usually settled within a few characters, so the expression, which reads
 * 400, runs only where such a list may be.
 */
function mayFollowHonorificList(text: string, pos: number): boolean {
  for (let i = pos - 1, from = Math.max(0, pos - 400); i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    // Beyond ASCII anything may be a letter or a space; in ASCII only these are.
    if (c < 0x80 && c !== 0x2c && !isSpaceCode(c) && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))
      return false;
  }
  return false;
}

export interface PersonGrammar {
  /** A person whose titles or listed name start at `pos`, with the titles that follow the name. */
  matchAt(text: string, pos: number, bodies: BodyAt): PersonHit | null;
  /** Titles written after a name that ends at `pos` (", Ủy viên Bộ Chính trị, Bí thư …"). */
  titlesAfter(text: string, pos: number, bodies: BodyAt): { titles: string[]; end: number };
  /** Listed persons by exact name (for names found again elsewhere in the article). */
  listedNamed(name: string): string | null;
  /** Folded hashes of the words a person mention (its titles or its name) can start with. */
  firstWords(): number[];
}

export function createPersonGrammar(
  persons: readonly { id: string; names: readonly string[] }[],
): PersonGrammar {
  const names = new PhraseTrie<string>((id) => id);
  const byName = new Map<string, Set<string>>();
  for (const p of persons) {
    for (const n of p.names) {
      // Single-word aliases ("Lâm") would tag every occurrence of a common syllable.
      if (n.trim().split(/\s+/).length < 2) continue;
      names.add(n, p.id);
      const set = byName.get(n) ?? new Set<string>();
      set.add(p.id);
      byName.set(n, set);
    }
  }
  const heads = new PhraseTrie<TitleHead>((h) => String(h.rank));
  for (const r of RANKS) heads.add(r, { rank: true, needsBody: false }, r === r.toUpperCase());
  for (const h of POST_HEADS) heads.add(h, { rank: false, needsBody: NEEDS_BODY.has(h) });
  const openerKeys = [
    ...new Set([
      ...names.firstWords(),
      ...heads.firstWords(),
      ...[...SURNAMES].map((w) => foldHash(w, 0, w.length)),
      ...TITLE_PREFIXES.map((w) => foldHash(w, 0, w.length)),
    ]),
  ];
  const openers = new WordFlags();
  for (const k of openerKeys) openers.add(k, 1);
  // The prefixes' folded hashes: a word is compared with them only when its hash is one.
  const prefixKeys = new WordFlags();
  for (const w of TITLE_PREFIXES) prefixKeys.add(foldHash(w, 0, w.length), 1);

  /** One title at `pos`: [prefix] head [body] ["(" body ")"]. */
  /**
   * One title at `pos`. After a name and a comma, titles are often written in lower case
   * ("Đào Công Thiên, tỉnh ủy viên, … Phó chủ tịch UBND tỉnh"): `afterName` allows that.
   */
  const titleAt = (
    text: string,
    pos: number,
    bodies: BodyAt,
    afterName = false,
  ): { end: number; rank: boolean } | null => {
    // A title starts with a word, right here.
    if (!isWordChar(text.charCodeAt(pos))) return null;
    let p = pos;
    if (prefixKeys.get(wordHashAt(text, pos)) !== 0) {
      const firstEnd = tokenEnd(text, pos);
      if (wordIsOneOf(text, pos, firstEnd, TITLE_PREFIXES)) {
        const s = skipSpaces(text, firstEnd);
        if (s < 0) return null;
        p = s;
      }
    }
    // In lower case before a name only a rank is a title ("đối với trung tá Phạm Hải Cảng").
    const lowerRankOnly =
      !afterName && !isUpperCode(text.charCodeAt(p)) && !text.startsWith('tổng bí thư', p);
    // Of the heads the text spells, the one a body follows wins ("Trưởng" + "Đoàn ĐBQH tỉnh"
    // over "Trưởng Đoàn"); else the longest head that stands alone.
    let best: { end: number; rank: boolean } | null = null;
    let bestWithBody = false;
    const spelled = heads.matchAt(text, p);
    for (let i = 0; i < spelled.length; i++) {
      const h = spelled[i] as (typeof spelled)[number];
      const head = h.payloads[0] as TitleHead;
      if (lowerRankOnly && !head.rank) continue;
      let end = h.end;
      const s = skipSpaces(text, end);
      const body = s >= 0 ? bodies.startingAt(s) : undefined;
      if (body) {
        end = body.end;
        // "Phó Cục trưởng Cục Bảo vệ chính trị nội bộ (Ban Tổ chức Trung ương)"
        const paren = /^[ \t]*\([ \t]*/.exec(text.slice(end, end + 4));
        const inner = paren ? bodies.startingAt(end + paren[0].length) : undefined;
        if (paren && inner && text[inner.end] === ')') end = inner.end + 1;
      } else if (head.needsBody) {
        // After a name, "Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Sở …": the unit of a Party
        // committee the text leaves unnamed is still a title, though not a body to mark.
        const unit = afterName && s >= 0 ? PARTY_UNIT_AFTER.exec(text.slice(s, s + 40)) : null;
        if (!unit) continue;
        end = s + unit[0].length;
      }
      const withBody = !!body;
      if (!best || (withBody && !bestWithBody) || (withBody === bestWithBody && end > best.end)) {
        best = { end, rank: head.rank };
        bestWithBody = withBody;
      }
    }
    if (best) return best;
    return null;
  };

  /** A name at `pos`: a listed name, or 2–4 name syllables not followed by another. */
  const nameAt = (text: string, pos: number): { end: number; entity: string | null } | null => {
    const listed = names.longestAt(text, pos);
    if (listed) {
      // "Nguyễn Thị Hồng Lâm" is not the listed "Nguyễn Thị Hồng": a further name syllable
      // (not a title) makes it someone else, unlisted.
      const next = text.charCodeAt(listed.end) === 0x20 ? nextWord(text, listed.end + 1) : null;
      if (
        next &&
        next[0] === listed.end + 1 &&
        wordCount(text, pos, listed.end) === 3 &&
        isNameSyllableAt(text, next[0], next[1]) &&
        !heads.matchesAt(text, next[0])
      )
        return { end: next[1], entity: null };
      return {
        end: listed.end,
        entity: listed.payloads.length === 1 ? (listed.payloads[0] as string) : null,
      };
    }
    let end = -1;
    let count = 0;
    let p = pos;
    for (;;) {
      const s = skipSpaces(text, p);
      if (s < 0 || !isWordChar(text.charCodeAt(s)) || (count === 0 && s !== pos)) break;
      const e = tokenEnd(text, s);
      if (!isNameSyllableAt(text, s, e)) break;
      // "Ông Trần Văn Nam": the honorific is not part of the name.
      if (count === 0 && HONORIFICS.has(text.slice(s, e))) return null;
      count++;
      end = e;
      p = e;
      if (count > 4) return null;
    }
    if (count < 2) return null;
    // Two capitalised syllables after a post are as often a body ("Bộ trưởng Công Thương") as a
    // name; an unlisted two-syllable name must start with a surname.
    if (count === 2 && !SURNAMES.has(text.slice(pos, nextWord(text, pos)?.[1] ?? pos))) return null;
    return { end, entity: null };
  };

  const titlesAfter = (text: string, pos: number, bodies: BodyAt): { titles: string[]; end: number } => {
    const titles: string[] = [];
    let p = pos;
    for (;;) {
      const sep = /^[ \t]*(?:,|–|-|\(|kiêm)[ \t]*/.exec(text.slice(p, p + 8));
      if (!sep) break;
      const s = p + sep[0].length;
      const t = titleAt(text, s, bodies, true);
      if (!t) break;
      // "A, Giám đốc …, Thiếu tướng B": a title right before a name is the next person's.
      const ns = skipSpaces(text, t.end);
      if (ns === t.end + 1 && nameAt(text, ns) && !bodies.startingAt(ns)) break;
      titles.push(collapsedSlice(text, s, t.end));
      p = t.end;
      if (text[p] === ')') p++;
    }
    return { titles, end: p };
  };

  // The label ends in a colon: only after one is the expression worth reading.
  const creditBefore = (text: string, pos: number): boolean =>
    lastNonSpaceBefore(text, pos, Math.max(0, pos - 24)) === 0x3a &&
    CREDIT_BEFORE.test(text.slice(Math.max(0, pos - 24), pos));

  const blockedBefore = (text: string, pos: number): boolean => {
    const w1 = previousWord(text, pos);
    if (!w1) return creditBefore(text, pos);
    const one = text.slice(w1[0], w1[1]);
    if (NOT_PERSON_BEFORE.has(one)) return true;
    const w2 = previousWord(text, w1[0]);
    if (w2 && NOT_PERSON_BEFORE.has(`${text.slice(w2[0], w2[1])} ${one}`)) return true;
    return creditBefore(text, pos);
  };

  return {
    matchAt(text, pos, bodies) {
      if (openers.get(wordHashAt(text, pos)) === 0) return null;
      // Titles first: "Đại tướng Tô Lâm", "Tổng bí thư, Chủ tịch nước Tô Lâm".
      const titles: string[] = [];
      let p = pos;
      for (;;) {
        const t = titleAt(text, p, bodies);
        if (!t) break;
        titles.push(collapsedSlice(text, p, t.end));
        p = t.end;
        // "Tổng Bí thư, Chủ tịch nước Tô Lâm"; not "và", which joins two people.
        const sep = /^[ \t]*(?:,|kiêm)[ \t]*/.exec(text.slice(p, p + 8));
        if (sep && titleAt(text, p + sep[0].length, bodies)) {
          p += sep[0].length;
          continue;
        }
        break;
      }
      if (titles.length > 0) {
        const s = skipSpaces(text, p);
        if (s < 0 || s === p) return null;
        const name = nameAt(text, s);
        if (!name) return null;
        const foreign = foreignPostBefore(text, s);
        // "Bộ trưởng Bộ Công an" is a title with no name; a body right after is not a name.
        if (bodies.startingAt(s)) return null;
        const after = titlesAfter(text, name.end, bodies);
        return {
          start: s,
          end: name.end,
          name: text.slice(s, name.end),
          titles: [...titles, ...after.titles],
          entity: name.entity,
          titled: true,
          consumed: after.end,
          ...(foreign ? { foreign } : {}),
        };
      }
      if (!isUpperCode(text.charCodeAt(pos))) return null;
      const name = nameAt(text, pos);
      if (!name) return null;
      const after = titlesAfter(text, name.end, bodies);
      const prev = previousWord(text, pos);
      const prevWord = prev ? text.slice(prev[0], prev[1]) : '';
      const comrade =
        prev && /^(chí)$/.test(prevWord) && /đồng\s+chí$/i.test(text.slice(Math.max(0, pos - 12), prev[1]));
      const listed = name.entity !== null || names.matchesAt(text, pos);
      // Two syllables with titles only after them are as often a place as a name ("… nông nghiệp
      // Văn Yên (nguyên Giám đốc …)"): an unlisted name needs three, or a title before it.
      const syllables = wordCount(text, pos, name.end);
      // A list entry ("…; Nguyễn Túy, Chỉ huy trưởng …") is a name; after an ordinary word
      // ("nông nghiệp Văn Yên (nguyên …") it is more likely a place.
      const listEntry = /(?:^|[;:,.\n—–-])\s*$/.test(text.slice(Math.max(0, pos - 4), pos));
      const titledAfterComma =
        /^\s*(?:,|-|–)/.test(text.slice(name.end, name.end + 3)) && after.titles.length > 0;
      const honorific = /^(ông|bà|Ông|Bà)$/.test(prevWord);
      // "… trao Quyết định bổ nhiệm 10 Thứ trưởng cho các ông, bà: A, B, C …": a name listed after "các ông, bà:".
      const inHonorificList =
        mayFollowHonorificList(text, pos) &&
        LISTED_AFTER_HONORIFICS.test(text.slice(Math.max(0, pos - 400), pos));
      if (
        !listed &&
        syllables < 3 &&
        !comrade &&
        !honorific &&
        !(listEntry && titledAfterComma) &&
        !inHonorificList
      )
        return null;
      // A listed official; or a surname-led name that titles follow or "đồng chí" precedes.
      const surname = SURNAMES.has(text.slice(pos, nextWord(text, pos)?.[1] ?? pos));
      // "… miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh … với ông Phạm Văn Thành": a full name after
      // "ông"/"bà" in a sentence about a post is the official the sentence is about; so are the
      // names of such a list.
      const aboutPost =
        surname &&
        ((honorific && syllables >= 3) || inHonorificList) &&
        POST_IN_SENTENCE.test(sentenceAround(text, pos));
      if (!listed && !(surname && (after.titles.length > 0 || comrade)) && !aboutPost) return null;
      if (blockedBefore(text, pos)) return null;
      return {
        start: pos,
        end: name.end,
        name: text.slice(pos, name.end),
        titles: after.titles,
        entity: name.entity,
        titled: after.titles.length > 0 || !!comrade,
        consumed: after.end,
      };
    },
    titlesAfter,
    firstWords: () => [...openerKeys],
    listedNamed(name) {
      const set = byName.get(name);
      return set && set.size === 1 ? ([...set][0] as string) : null;
    },
  };
}
