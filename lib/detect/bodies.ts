// Bodies and places. Three ways a body is named, tried longest first:
// the dataset's own names and abbreviations ("Bộ Công an", "CAND"); a local body
// built from a head, a level and a place ("UBND tỉnh Hà Tĩnh", "Công an huyện
// Cẩm Xuyên", "Tỉnh ủy"); a unit inside a body ("Ban Thường vụ" + "Tỉnh ủy",
// "Văn phòng" + "Bộ Công an"). Places are the provinces and cities before and
// after the 1 July 2025 merger, with "tỉnh"/"thành phố"/"TP" before them.
import { isDigitCode, isSpaceCode, isUpperCode } from '../text/chars.ts';
import {
  byLastCharacter,
  endsBeforeSpaces,
  firstNonSpaceFrom,
  nextWord,
  previousWord,
  previousWordIs,
  skipSpaces,
} from '../text/tokens.ts';
import { WordFlags } from '../text/word-flags.ts';
import {
  AFTER_COMMA_IN_NAMES,
  DEPARTMENT_HEADS,
  EXTRA_BODIES,
  FOREIGN_COUNTRIES,
  LEVELS,
  LOCAL_HEADS,
  NAME_STOPWORDS,
  NOT_BODY_BEFORE,
  NUMBERED_UNITS,
  PLACE_SHORT_FORMS,
  SUBUNIT_PREFIXES,
  SURNAMES,
  VERBS_AFTER_NAMES,
} from './lexicon.ts';
import { PhraseTrie, wordHashAt } from './phrase-trie.ts';

export interface BodyHit {
  start: number;
  end: number;
  /** 'class': a phrase naming every such body ("Đoàn đại biểu Quốc hội các tỉnh"), read so nothing inside it is taken for one. */
  kind: 'organization' | 'place' | 'class';
  /** Full official name as far as the text and the dataset give it. */
  name: string;
  /** Listed entries the name can mean (several when a name outlived a merger: pick by date). */
  ids: string[];
  /** Province or city the name carries, when it carries one ("Hà Tĩnh"). */
  place: string | null;
  /** A local body named without its place ("Tỉnh ủy", "Công an tỉnh"): the article's province completes it. */
  placeless: boolean;
}

export interface ListedBody {
  id: string;
  name: string;
  kind: string;
}

interface LocalHead {
  full: string;
  alone: boolean;
  needsLevel: boolean;
}

const PLACE_KINDS = new Set(['province', 'city']);

/** The codes of the words' first characters. */
function firstCharacters(...words: string[]): Set<number> {
  return new Set(words.map((w) => w.charCodeAt(0)));
}

// What the local grammar's expressions can find after the spaces that follow a head: each is
// read only where the first character fits.
const HIGH_COURT_FIRST = firstCharacters('cấp cao', 'Cấp cao');
const REGION_FIRST = firstCharacters('Khu vực', 'khu vực');
const OF_ALL_FIRST = firstCharacters('ở', 'tại', 'của');
const LEVEL_LIST_FIRST = firstCharacters(',', 'và', '/', ')');

/** First words of the verbs that end a name: only after one is the two-word verb looked up. */
const VERB_FIRST_WORDS = new Set([...VERBS_AFTER_NAMES].map((v) => v.split(' ')[0] as string));

// The lists a word can open a mention of: a local body's head, a listed name, a department,
// a unit inside a body, a name known without an entry, a province or city.
const OPENS_LOCAL = 1;
const OPENS_LISTED = 2;
const OPENS_DEPARTMENT = 4;
const OPENS_UNIT = 8;
const OPENS_EXTRA = 16;
const OPENS_PLACE = 32;

export interface BodyGrammar {
  /** The longest body or place mention starting at word start `pos`, if any. */
  matchAt(text: string, pos: number): BodyHit | null;
  /** Words that can start a body in lower case ("công an nhân dân"). */
  readonly lowercaseStarts: readonly string[];
  /** Folded hashes of the words a body or place mention can start with. */
  firstWords(): number[];
  /** Ids of listed bodies with exactly this name (to give a composed name its entry). */
  idsNamed(name: string): string[];
}

const CLASS_AFTER =
  /^(?:\s*,\s*(?:UBND|HĐND|Ủy ban MTTQ(?: Việt Nam)?|MTTQ))*\s+(?:(?:tỉnh|thành phố|huyện|xã)\s*,\s*(?:tỉnh|thành phố|huyện|xã|phường)(?![\p{L}])|(?:và\s+(?:UBND|HĐND|\p{Lu}\p{L}*)\s+)?(?:(?:ở|tại|của)\s+)?(?:các|cấp)\s+(?:xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|cơ sở|Đảng bộ|đảng bộ|đơn vị|địa phương|ngành|cấp)(?![\p{L}]))/u;
/** The first letters of the words CLASS_AFTER can start with after the spaces. */
const CLASS_AFTER_FIRST = firstCharacters(
  'tỉnh',
  'thành',
  'huyện',
  'xã',
  'và',
  'ở',
  'tại',
  'của',
  'các',
  'cấp',
);

/**
 * Whether CLASS_AFTER may match at `end`: its first character after the spaces is a comma, or
 * (after at least one space) the first letter of "tỉnh", "thành phố", "huyện", "xã", "và", "ở",
 * "tại", "của", "các" or "cấp".
 */
function mayStartClass(text: string, end: number): boolean {
  const c = firstNonSpaceFrom(text, end, end + 64);
  if (c === 0x2c) return true;
  return isSpaceCode(text.charCodeAt(end)) && CLASS_AFTER_FIRST.has(c);
}

// Words that may stand between a body's name and its country ("… Đảng Cộng sản Trung Quốc").
const FOREIGN_QUALIFIERS = [
  'Cộng sản',
  'Nhân dân Cách mạng',
  'nước',
  'của',
  'CHDCND',
  'CHND',
  'Cộng hòa',
  'Dân chủ',
  'Nhân dân',
  'Xã hội chủ nghĩa',
];

const FOREIGN_AFTER = new RegExp(
  `^\\s*(?:khóa\\s+[IVXLC]+\\s+)?(?:(?:${FOREIGN_QUALIFIERS.join('|')})\\s+)*(?:${FOREIGN_COUNTRIES.join('|')})(?![\\p{L}])`,
  'u',
);
/** What FOREIGN_AFTER can start with after the spaces: elsewhere it is not worth reading. */
const FOREIGN_AFTER_FIRST = firstCharacters('khóa', ...FOREIGN_QUALIFIERS, ...FOREIGN_COUNTRIES);

const NOT_BODY_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(?:${NOT_BODY_BEFORE.join('|')})\\s+$`, 'u');
/** NOT_BODY_BEFORE by last letter: the expression is read only where one of them ends. */
const NOT_BODY_WORDS = byLastCharacter(NOT_BODY_BEFORE);

/** The Assembly's committees are named with it: " của Quốc hội" after the name. */
const OF_ASSEMBLY = ' của Quốc hội';

/** Spellings news uses for a listed name: "T.Ư"/"TƯ"/"TW" for "Trung ương", "UB" for "Ủy ban", no comma. */
function nameVariants(n: string): string[] {
  const out: string[] = [];
  if (n.includes('Trung ương')) for (const v of ['T.Ư', 'TƯ', 'TW']) out.push(n.replace('Trung ương', v));
  for (const v of [n, ...out]) if (/^Ủy ban /.test(v)) out.push(v.replace(/^Ủy ban /, 'UB '));
  // "UBKT Trung ương": the inspection commission by its usual abbreviation.
  for (const v of [n, ...out])
    if (/^Ủy ban Kiểm tra /.test(v)) out.push(v.replace(/^Ủy ban Kiểm tra /, 'UBKT '));
  // "Bộ Giáo dục" for "Bộ Giáo dục và Đào tạo": a ministry by the first of its fields.
  const firstField = /^(Bộ \p{Lu}\p{Ll}*(?: \p{Ll}+)?) và \p{Lu}/u.exec(n);
  if (firstField) out.push(firstField[1] as string);
  // "Ủy ban Kinh tế - Tài chính" for "Ủy ban Kinh tế và Tài chính": committees' two fields joined by a dash.
  if (/^(?:Ủy ban|Ban) \p{Lu}\p{Ll}* \p{Ll}+ và \p{Lu}/u.test(n)) out.push(n.replace(' và ', ' - '));
  if (n.includes(', ')) {
    out.push(n.replace(/, /g, ' '));
    // "phòng chống tham nhũng, lãng phí, tiêu cực": news drops the legal name's first comma only.
    if (n.includes('phòng, chống')) out.push(n.replace('phòng, chống', 'phòng chống'));
    // "Sở Văn hóa – Thể thao và Du lịch", "Bộ Văn hóa - Thể thao và Du lịch": a dash for the comma.
    out.push(n.replace(/, /g, ' - '));
  }
  if (/ TW$/.test(n)) for (const v of ['T.Ư', 'TƯ']) out.push(n.replace(/ TW$/, ` ${v}`));
  return out;
}

export function createBodyGrammar(
  listed: readonly { id: string; names: readonly string[]; kind: string }[],
): BodyGrammar {
  const names = new PhraseTrie<ListedBody & { abbreviation: boolean }>((p) => p.id);
  const places = new PhraseTrie<ListedBody>((p) => p.id);
  /** Centrally run cities ("Thành phố Hà Nội"): their bodies are "… thành phố Hà Nội", not "… tỉnh". */
  const cityIds = new Set<string>();
  const idsByName = new Map<string, string[]>();
  const lowercaseStarts = new Set<string>();
  const lowercaseNames = new Set<string>();
  // Listed bodies that name every such body ("Ủy ban nhân dân"): one is meant only with a level or place.
  const genericHeads = new Set(['Ủy ban nhân dân', 'Hội đồng nhân dân']);
  for (const o of listed) {
    const [canonical = ''] = o.names;
    const forms = new Set(o.names);
    for (const n of o.names) for (const v of nameVariants(n)) forms.add(v);
    if (PLACE_KINDS.has(o.kind))
      for (const n of o.names) for (const v of PLACE_SHORT_FORMS[n] ?? []) forms.add(v);
    // "Bộ TN&MT" is also written "Bộ TNMT" and "Bộ TN-MT" (and "Bộ LĐ-TB&XH" "Bộ LĐ-TB-XH").
    for (const n of [...forms])
      if (/^Bộ [A-ZĐ]+[&-][A-ZĐ&-]+$/.test(n))
        for (const v of [n.replace(/[&-]/g, ''), n.replace(/&/g, '-'), n.replace(/-/g, '&')]) forms.add(v);
    for (const n of forms) {
      // An all-capitals short form (BCA, CAND, UBND) is an abbreviation: letter for letter.
      const abbreviation = /^[A-ZĐ0-9&.\-\s]+$/.test(n) && /[A-ZĐ]{2}/.test(n);
      // A sector code alone ("GD&ĐT", "GTVT") names a field, not a body ("các sở GD&ĐT").
      if (o.kind === 'ministry' && abbreviation && !/^B/.test(n) && /[&-]|^(GTVT|LĐTBXH|VHTTDL)$/.test(n))
        continue;
      // "Đảng Cộng sản" alone is any communist party ("Đảng Cộng sản là một tổ chức …").
      if (n === 'Đảng Cộng sản') continue;
      // Two letters ("CP", "QH") stand for too much else ("Công ty CP" is a joint-stock company).
      if (abbreviation && /^[A-ZĐ]{2}$/.test(n)) continue;
      if (PLACE_KINDS.has(o.kind)) {
        places.add(n, { id: o.id, name: canonical, kind: o.kind });
        if (o.kind === 'city') cityIds.add(o.id);
      } else {
        names.add(n, { id: o.id, name: canonical, kind: o.kind, abbreviation }, abbreviation);
        const list = idsByName.get(n) ?? [];
        if (!list.includes(o.id)) idsByName.set(n, [...list, o.id]);
        // Long official names are still names in lower case ("công an nhân dân").
        // Only names that read as a common phrase ("Công an nhân dân": second word in lower
        // case) turn up in lower case; "Bộ Công an Việt Nam" never does as "bộ Công an".
        const words = n.split(/\s+/);
        if (
          !abbreviation &&
          words.length >= 3 &&
          isUpperCode(n.charCodeAt(0)) &&
          /^\p{Ll}/u.test(words[1] ?? '')
        ) {
          lowercaseStarts.add((words[0] as string).toLowerCase());
          lowercaseNames.add(n.toLowerCase());
        }
      }
    }
  }
  // Names the grammar knows without a dataset entry: marked, with no entry to link.
  const extras = new PhraseTrie<string>((p) => p);
  for (const b of EXTRA_BODIES)
    for (const n of [b.name, ...b.aliases])
      extras.add(n, b.name, /^[A-ZĐ-]+$/.test(n.split(' ').pop() ?? ''));
  // A province's department mirrors a ministry: "Sở Tài nguyên và Môi trường", "Sở TNMT".
  for (const o of listed) {
    if (o.kind !== 'ministry') continue;
    for (const n of o.names) {
      if (!n.startsWith('Bộ ')) continue;
      const rest = n.slice(3);
      const abbreviation = /^[A-ZĐ&-]+$/.test(rest);
      // "Sở GD&ĐT" is also "Sở GDĐT" and "Sở GD-ĐT".
      const spellings = abbreviation ? [rest, rest.replace(/[&-]/g, ''), rest.replace(/&/g, '-')] : [rest];
      for (const v of [...new Set(spellings)]) {
        extras.add(`Sở ${v}`, `Sở ${abbreviation ? v : rest}`, abbreviation);
        if (abbreviation) extras.add(`sở ${v}`, `Sở ${v}`, true);
      }
    }
  }
  // Boards and delegations also appear in lower case before a capitalised name
  // ("ban Tuyên giáo Trung ương", "Trưởng đoàn Đại biểu Quốc hội tỉnh").
  lowercaseStarts.add('ban');
  lowercaseStarts.add('đoàn');
  lowercaseStarts.add('sở');
  lowercaseStarts.add('công');
  const heads = new PhraseTrie<LocalHead>((p) => p.full);
  for (const h of LOCAL_HEADS)
    heads.add(h.form, { full: h.full, alone: !!h.alone, needsLevel: !!h.needsLevel });
  const levels = new PhraseTrie<string>((p) => p);
  for (const l of LEVELS) levels.add(l, l.replace(/\.$/, ''), true);
  const prefixes = new PhraseTrie<{ full: string; localOnly: boolean; alone: boolean }>((p) => p.full);
  for (const p of SUBUNIT_PREFIXES)
    prefixes.add(
      p.form,
      { full: p.full, localOnly: !!p.localOnly, alone: !!p.alone },
      /^[A-ZĐ]+$/.test(p.form),
    );
  const departments = new PhraseTrie<string>((p) => p);
  for (const d of DEPARTMENT_HEADS) departments.add(d, d, true);
  // Listed letter for letter: when they all start with a capital, no word in lower case starts one.
  const departmentsCapitalised = DEPARTMENT_HEADS.every((d) => isUpperCode(d.charCodeAt(0)));

  // Which of the lists a first word can open, in one look-up rather than one per list.
  const openers = new WordFlags();
  for (const [trie, bit] of [
    [heads, OPENS_LOCAL],
    [names, OPENS_LISTED],
    [departments, OPENS_DEPARTMENT],
    [prefixes, OPENS_UNIT],
    [extras, OPENS_EXTRA],
    [places, OPENS_PLACE],
  ] as const)
    for (const k of trie.firstWords()) openers.add(k, bit);

  const levelFull = (l: string): string => {
    const low = l.toLowerCase();
    return low === 'tp' ? 'thành phố' : low;
  };

  /** A place after a level: a listed province, or (below province level) a capitalised name. */
  const placeAfterLevel = (
    text: string,
    pos: number,
    level: string,
  ): { end: number; name: string; id: string | null } | null => {
    const s = skipSpaces(text, pos);
    if (s < 0) return null;
    const known = places.longestAt(text, s);
    if (known)
      return {
        end: known.end,
        name: (known.payloads[0] as ListedBody).name.replace(/^(Tỉnh|Thành phố) /, ''),
        id: (known.payloads[0] as ListedBody).id,
      };
    const low = level.toLowerCase().replace(/\.$/, '');
    if (low === 'tỉnh') {
      // Provinces are a closed list; an unknown capitalised word here is more likely a person.
      return null;
    }
    // "Công an TP. Chí Linh", "UBND thành phố Thủ Đức": cities below the province are not
    // listed; they are read like districts, with two syllables at least (one is a person's
    // name cut off: "UBND TP. Nguyễn Văn An").
    const city = low === 'tp' || low === 'thành phố';
    // "UBND phường 8", "Công an quận 1": numbered wards and districts.
    const numbered = city ? null : /^\d{1,2}(?!\d|\/)/.exec(text.slice(s, s + 3));
    if (numbered) return { end: s + numbered[0].length, name: numbered[0], id: null };
    let end = -1;
    let words = 0;
    let p = s + (city ? (/^\.\s*/.exec(text.slice(s, s + 3))?.[0].length ?? 0) : 0);
    const taken: string[] = [];
    for (;;) {
      const w = nextWord(text, p);
      if (!w || !isUpperCode(text.charCodeAt(w[0])) || words >= 3) break;
      const word = text.slice(w[0], w[1]);
      // "UBND huyện Cẩm Xuyên Nguyễn Văn A": a surname followed by more capitals starts a person
      // ("quận Ngũ Hành Sơn" ends on "Sơn").
      const after = nextWord(text, w[1]);
      if (words >= 1 && SURNAMES.has(word) && after && isUpperCode(text.charCodeAt(after[0]))) break;
      taken.push(word);
      end = w[1];
      words++;
      p = w[1];
    }
    if (words === 0 || (city && words < 2)) return null;
    // A lone surname-led run of 3+ words right after the level is a person, not a place.
    if (SURNAMES.has(taken[0] as string) && words >= 3) return null;
    return { end, name: taken.join(' '), id: null };
  };

  const classOf = (start: number, end: number): BodyHit => ({
    start,
    end,
    kind: 'class',
    name: '',
    ids: [],
    place: null,
    placeless: false,
  });

  const local = (text: string, pos: number): BodyHit | null => {
    // In lower case only these two are read (decided before the heads are looked up).
    if (!isUpperCode(text.charCodeAt(pos))) {
      // "Trưởng đoàn Đại biểu Quốc hội tỉnh": the delegation is named in lower case inside a title.
      const lowerDelegation =
        text.startsWith('đoàn ', pos) && /^đoàn (Đại biểu|ĐBQH)/.test(text.slice(pos, pos + 16));
      // "lực lượng công an tỉnh Nghệ An": in lower case, but a named province makes it one body.
      const lowerPolice =
        text.startsWith('công an ', pos) &&
        /^công an (tỉnh|thành phố|TP) \p{Lu}/u.test(text.slice(pos, pos + 24));
      if (!lowerDelegation && !lowerPolice) return null;
    }
    const h = heads.longestAt(text, pos);
    if (!h) return null;
    const head = h.payloads[0] as LocalHead;
    let end = h.end;
    const after = nextWord(text, end);
    const afterWord = after ? text.slice(after[0], after[1]) : '';
    // "tỉnh ủy viên" is a member, not the committee.
    if (afterWord === 'viên') return null;
    // What follows, read a character at a time before any expression is: the first character
    // after the spaces, and whether there are spaces.
    const spaced = isSpaceCode(text.charCodeAt(end));
    const next = firstNonSpaceFrom(text, end, end + 20);
    // "Tỉnh ủy, thành ủy …", "UBND tỉnh, thành phố trực thuộc Trung ương": every such body, not one.
    if (next === 0x2c && /^\s*,\s*(thành|tỉnh|huyện|quận) ủy(?!\p{L})/iu.test(text.slice(end, end + 14)))
      return classOf(pos, end);
    const court = /Tòa án|Viện kiểm sát/.test(head.full);
    // Courts above the province: "TAND cấp cao tại Hà Nội".
    const high =
      court && spaced && HIGH_COURT_FIRST.has(next)
        ? /^\s+(?:cấp cao|Cấp cao)(?:\s+tại\s+)?/.exec(text.slice(end, end + 20))
        : null;
    if (high) {
      const at = end + high[0].length;
      const pl = high[0].includes('tại') ? places.longestAt(text, at) : undefined;
      const placeName = pl ? (pl.payloads[0] as ListedBody).name.replace(/^(Tỉnh|Thành phố) /, '') : null;
      return {
        start: pos,
        end: pl ? pl.end : end + high[0].replace(/\s+tại\s+$/, '').length,
        kind: 'organization',
        name: `${head.full} cấp cao${placeName ? ` tại ${placeName}` : ''}`,
        ids: [],
        place: null,
        placeless: false,
      };
    }
    // The regional courts and procuracies of 2025: "Tòa án nhân dân Khu vực 5", "VKSND khu vực 2".
    const region =
      court && spaced && REGION_FIRST.has(next)
        ? /^\s+(?:Khu vực|khu vực)\s+(\d{1,2})(?![\d\p{L}])/u.exec(text.slice(end, end + 16))
        : null;
    if (region) {
      return {
        start: pos,
        end: end + region[0].length,
        kind: 'organization',
        name: `${head.full} khu vực ${region[1]}`,
        ids: [],
        place: null,
        // A region is numbered within a province: the article's province completes the name.
        placeless: true,
      };
    }
    // "Công an các đơn vị", "UBND các cấp": a class of bodies, not one.
    if (afterWord === 'các' || afterWord === 'cấp' || afterWord === 'những') return classOf(pos, end);
    // "Đoàn đại biểu Quốc hội ở các tỉnh": every delegation.
    if (spaced && OF_ALL_FIRST.has(next) && /^\s+(?:ở|tại|của)\s+các\s/.test(text.slice(end, end + 12)))
      return classOf(pos, end);
    const lv = after ? levels.longestAt(text, after[0]) : undefined;
    let place: { end: number; name: string; id: string | null } | null = null;
    let level: string | null = null;
    if (lv) {
      level = lv.payloads[0] as string;
      // "Công an xã, thị trấn": levels listed as a class.
      const sep = firstNonSpaceFrom(text, lv.end, lv.end + 16);
      if (
        LEVEL_LIST_FIRST.has(sep) &&
        /^\s*(,|và|\/|\))\s*(xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|thị xã)(?!\p{L})/u.test(
          text.slice(lv.end, lv.end + 16),
        )
      )
        return null;
      place = placeAfterLevel(text, lv.end, level);
      end = place ? place.end : lv.end;
      // Below the province a level alone is a class of bodies ("lực lượng Công an xã"), not one —
      // unless a name follows it ("Chủ tịch UBND xã Lê Xuân Hoàn": that commune's body).
      const next = nextWord(text, lv.end);
      const nameFollows = !!next && isUpperCode(text.charCodeAt(next[0]));
      if (!place && !/^(tỉnh|thành phố|tp)$/i.test(level) && !nameFollows) return null;
    } else if (after && isUpperCode(text.charCodeAt(after[0]))) {
      const known = places.longestAt(text, after[0]);
      if (known) {
        const p = known.payloads[0] as ListedBody;
        place = { end: known.end, name: p.name.replace(/^(Tỉnh|Thành phố) /, ''), id: p.id };
        end = known.end;
      } else if (/^(Thành|Huyện|Quận|Thị) ủy$/.test(head.full)) {
        // "Thành ủy Biên Hòa", "Huyện ủy Cẩm Xuyên": below the province, places are not listed.
        const unknown = placeAfterLevel(text, end, 'huyện');
        if (unknown) {
          place = unknown;
          end = unknown.end;
        }
      }
    }
    if (!level && !place) {
      if (!head.alone) return null;
      return {
        start: pos,
        end,
        kind: 'organization',
        name: head.full,
        ids: [],
        place: null,
        placeless: true,
      };
    }
    // "Tỉnh ủy Nghệ An" carries its level in the head; "Công an Hà Tĩnh" is "Công an tỉnh Hà Tĩnh".
    const levelText = level
      ? levelFull(level)
      : /^(Tỉnh|Thành|Huyện|Quận|Thị) (ủy|đoàn)$/.test(head.full)
        ? ''
        : place?.id && cityIds.has(place.id)
          ? 'thành phố'
          : 'tỉnh';
    const name = [head.full, levelText, place?.name ?? ''].filter((x) => x !== '').join(' ');
    return {
      start: pos,
      end,
      kind: 'organization',
      name,
      ids: [],
      place: place?.name ?? null,
      placeless: !place,
    };
  };

  const listedAt = (text: string, pos: number): BodyHit | null => {
    const m = names.longestAt(text, pos);
    if (!m) return null;
    const p = m.payloads[0] as ListedBody & { abbreviation: boolean };
    // "Ủy ban nhân dân" alone is every such body; the local grammar decides with its level and place.
    if (genericHeads.has(p.name)) return null;
    if (!isUpperCode(text.charCodeAt(pos))) {
      const spelled = text.slice(m.start, m.end);
      // Lower case counts only for the long names that read as a common phrase ("công an nhân dân"),
      // and for a central committee's board written "ban Tuyên giáo Trung ương".
      const board = /^ban \p{Lu}/u.test(spelled) && /(Trung ương|T\.?Ư|TW)$/.test(spelled);
      if (!board && !lowercaseNames.has(spelled.toLowerCase())) return null;
    }
    return {
      start: pos,
      end: m.end,
      kind: 'organization',
      name: p.name,
      ids: m.payloads.map((x) => x.id),
      place: null,
      placeless: false,
    };
  };

  /** A province named right after a department, without its level: "Sở Du lịch Hà Nội". */
  const provinceAfter = (
    text: string,
    end: number,
    name: string,
  ): { end: number; name: string; place: string | null } | null => {
    const w = nextWord(text, end);
    if (!w || w[0] !== end + 1 || !isUpperCode(text.charCodeAt(w[0]))) return null;
    const known = places.longestAt(text, w[0]);
    if (!known) return null;
    const p = known.payloads[0] as ListedBody;
    const bare = p.name.replace(/^(Tỉnh|Thành phố) /, '');
    return {
      end: known.end,
      name: `${name} ${cityIds.has(p.id) ? 'thành phố' : 'tỉnh'} ${bare}`,
      place: bare,
    };
  };

  /** A level and place after a department's name ("… tỉnh Hà Tĩnh"), when there is one. */
  const withPlace = (
    text: string,
    end: number,
    name: string,
  ): { end: number; name: string; place: string | null } => {
    const lv = nextWord(text, end);
    const lvm = lv ? levels.longestAt(text, lv[0]) : undefined;
    if (!lvm) return provinceAfter(text, end, name) ?? { end, name, place: null };
    const place = placeAfterLevel(text, lvm.end, lvm.payloads[0] as string);
    if (!place) return { end, name, place: null };
    return {
      end: place.end,
      name: `${name} ${levelFull(lvm.payloads[0] as string)} ${place.name}`,
      place: place.name,
    };
  };

  const department = (text: string, pos: number): BodyHit | null => {
    const d = departments.longestAt(text, pos);
    if (!d) return null;
    const head = d.payloads[0] as string;
    // Committees and boards need an owner to be a standing body; "Ban Chỉ đạo 35" is not one.
    if (head === 'Ban' || head === 'Ủy ban' || head === 'Hội đồng' || head === 'Viện') return null;
    // "Sở Giao dịch Chứng khoán", a bank's "Sở giao dịch": businesses, not bodies.
    if (head === 'Sở' && /^\s+giao dịch/i.test(text.slice(d.end, d.end + 12))) return null;
    let end = d.end;
    let words = 0;
    let p = d.end;
    // "Quân khu 4", "Sư đoàn 324": a numbered unit's name is its number ("Quân khu 4 thực hành …").
    if (NUMBERED_UNITS.has(head)) {
      const n = /^[ \t]+(\d{1,4})(?![\d\p{L}/])/u.exec(text.slice(d.end, d.end + 8));
      if (!n) return null;
      return {
        start: pos,
        end: d.end + n[0].length,
        kind: 'organization',
        name: `${head} ${n[1]}`,
        ids: [],
        place: null,
        placeless: false,
      };
    }
    for (;;) {
      // "Cục Cảnh sát phòng, chống tội phạm …", "Cục Quản lý khám, chữa bệnh": the commas such names carry.
      if (text[p] === ',') {
        const after = nextWord(text, p + 1);
        if (after && AFTER_COMMA_IN_NAMES.has(text.slice(after[0], after[1]))) p++;
      }
      // "Sở Văn hóa – Thể thao và Du lịch": a dash where the official name has a comma.
      const dashAfter = words > 0 ? skipSpaces(text, p) : -1;
      const dash =
        dashAfter >= 0 && text.charCodeAt(dashAfter) === 0x2d
          ? /^[ \t]*-[ \t]*(?=\p{Lu})/u.exec(text.slice(p, p + 4))
          : null;
      if (dash) p += dash[0].length;
      const w = nextWord(text, p);
      if (!w || words >= 12) break;
      const word = text.slice(w[0], w[1]);
      const upper = isUpperCode(word.charCodeAt(0));
      const digits = isDigitCode(word.charCodeAt(0)) && /^\d+$/.test(word);
      if (words === 0 && !upper && !digits) return null;
      // A verb after the name ends it: "Sở Nông nghiệp và Môi trường xây dựng …".
      const next = nextWord(text, w[1]);
      if (
        !upper &&
        next &&
        VERB_FIRST_WORDS.has(word) &&
        VERBS_AFTER_NAMES.has(`${word} ${text.slice(next[0], next[1])}`)
      )
        break;
      if (word === 'và' && next) {
        // "Sở Tư pháp và Sở Tài chính": two bodies; "… và ông …", "… và các …": the name has ended.
        // But "Cục Quản lý đê điều và Phòng, chống thiên tai": "Phòng, chống" is a name's words.
        const preventing = /^Phòng,?\s+chống(?!\p{L})/u.test(text.slice(next[0], next[0] + 14));
        if (!preventing && departments.matchesAt(text, next[0])) break;
        if (/^(ông|bà|anh|chị|các|những|lãnh|đại|cán|người|đồng)$/.test(text.slice(next[0], next[1]))) break;
        // "Tổng cục Chính trị và Thượng tướng …": a rank after "và" starts a person.
        if (/^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)/.test(text.slice(next[0], next[0] + 14))) break;
      }
      // "Bộ Tư lệnh Quân khu 4": a numbered unit's number is part of the name, and ends it.
      if (digits && words > 0) {
        if (
          NUMBERED_UNITS.has(
            text
              .slice(pos + head.length, w[0])
              .trim()
              .split(/\s+/)
              .slice(-2)
              .join(' '),
          )
        ) {
          end = w[1];
          words++;
        }
        break;
      }
      if (!upper && NAME_STOPWORDS.has(word)) break;
      // A level ends the name: "Sở Y tế tỉnh Hà Tĩnh"; so does the body it belongs to
      // ("Phòng Cảnh sát giao thông Công an tỉnh Quảng Trị").
      if (levels.matchesAt(text, w[0])) break;
      if (words >= 1 && upper && heads.matchesAt(text, w[0])) break;
      // A person's name after it: "Cục trưởng Cục C Nguyễn Văn A" (a surname and more capitals;
      // "Sở Giáo dục và Đào tạo" goes on: "Đào" there follows "và").
      if (
        words >= 1 &&
        upper &&
        SURNAMES.has(word) &&
        next &&
        isUpperCode(text.charCodeAt(next[0])) &&
        !previousWordIs(text, w[0], 'và')
      )
        break;
      end = w[1];
      words++;
      p = w[1];
    }
    if (words === 0) return null;
    // A "Phòng" is a body only as part of one: "Phòng Cảnh sát giao thông Công an tỉnh Quảng Trị".
    if (head === 'Phòng') {
      const s0 = skipSpaces(text, end);
      const owner = s0 < 0 ? null : local(text, s0);
      if (!owner) return null;
      return { ...owner, start: pos, name: `${text.slice(pos, end)} ${owner.name}` };
    }
    let name = text.slice(pos, end);
    const lv = nextWord(text, end);
    const lvm = lv ? levels.longestAt(text, lv[0]) : undefined;
    if (lvm) {
      const place = placeAfterLevel(text, lvm.end, lvm.payloads[0] as string);
      if (place) {
        end = place.end;
        name = `${name} ${levelFull(lvm.payloads[0] as string)} ${place.name}`;
      }
    } else if (head === 'Sở') {
      // A province's department is named with its province: "Sở Du lịch Hà Nội".
      const province = provinceAfter(text, end, name);
      if (province) {
        end = province.end;
        name = province.name;
      }
    }
    const listed = names.longestAt(text, pos);
    const ids = listed && listed.end === end ? listed.payloads.map((x) => x.id) : [];
    return {
      start: pos,
      end,
      kind: 'organization',
      name: name.replace(/\s+/g, ' '),
      ids,
      place: null,
      placeless: false,
    };
  };

  const place = (text: string, pos: number): BodyHit | null => {
    if (!isUpperCode(text.charCodeAt(pos))) return null;
    const m = places.longestAt(text, pos);
    if (!m) return null;
    const before = previousWord(text, pos);
    if (before && SURNAMES.has(text.slice(before[0], before[1]))) return null;
    const p = m.payloads[0] as ListedBody;
    return {
      start: pos,
      end: m.end,
      kind: 'place',
      name: p.name.replace(/^(Tỉnh|Thành phố) /, ''),
      ids: m.payloads.map((x) => x.id),
      place: p.name,
      placeless: false,
    };
  };

  const bodyAt = (text: string, pos: number, depth: number): BodyHit | null => {
    // Each grammar is asked only if some phrase of it starts with this word.
    const opens = openers.get(wordHashAt(text, pos));
    if ((opens & ~OPENS_PLACE) === 0) return null;
    const upper = isUpperCode(text.charCodeAt(pos));
    const candidates: BodyHit[] = [];
    const l = opens & OPENS_LOCAL ? local(text, pos) : null;
    if (l) candidates.push(l);
    const g = opens & OPENS_LISTED ? listedAt(text, pos) : null;
    if (g) candidates.push(g);
    const d = opens & OPENS_DEPARTMENT && (upper || !departmentsCapitalised) ? department(text, pos) : null;
    if (d) candidates.push(d);
    // A unit inside a body: "Ban Thường vụ" + "Đảng ủy Công an Trung ương". In lower case only a
    // board after its head's title is one (below), so no other unit is looked up there.
    const units =
      depth < 3 && opens & OPENS_UNIT && (upper || text.startsWith('ban ', pos))
        ? prefixes.matchAt(text, pos)
        : null;
    if (units && units.length > 0) {
      // "Trưởng ban Tuyên giáo Tỉnh ủy": after the head of a board, the board is written in lower case.
      const afterHead = /(?:^|\s)(?:Phó\s+)?[Tt]rưởng\s+$/.test(text.slice(Math.max(0, pos - 12), pos));
      for (let i = 0; i < units.length; i++) {
        const pm = units[i] as (typeof units)[number];
        if (!isUpperCode(text.charCodeAt(pos)) && !(afterHead && text.startsWith('ban ', pos))) break;
        const unit = pm.payloads[0] as { full: string; localOnly: boolean; alone: boolean };
        // "Phó trưởng Ban Thường trực Ban Tổ chức Trung ương": the standing deputy's title, not a board.
        if (afterHead && unit.full === 'Ban Thường trực') continue;
        const s = skipSpaces(text, pm.end);
        const inner = s < 0 ? null : bodyAt(text, s, depth + 1);
        // "Thường trực HĐND tỉnh" is a body; "Thường trực Ban Bí thư" and "Phó Bí thư Thường trực
        // Tỉnh ủy" are posts.
        const postBefore =
          unit.localOnly && /(?:thư|tịch|trưởng|viên)\s*$/.test(text.slice(Math.max(0, pos - 10), pos));
        const innerOk =
          inner &&
          inner.kind === 'organization' &&
          (!unit.localOnly || ((inner.placeless || inner.place) && !postBefore));
        if (inner && innerOk) {
          candidates.push({
            start: pos,
            end: inner.end,
            kind: 'organization',
            name: `${unit.full} ${inner.name}`,
            ids: [],
            place: inner.place,
            placeless: inner.placeless,
          });
        } else if (unit.alone) {
          // "Ủy viên BTV", "UBKT", "Cơ quan Cảnh sát điều tra": the story's own such body.
          candidates.push({
            start: pos,
            end: pm.end,
            kind: 'organization',
            name: unit.full,
            ids: [],
            place: null,
            placeless: true,
          });
        }
      }
    }
    const x = opens & OPENS_EXTRA ? extras.longestAt(text, pos) : undefined;
    // In lower case only an abbreviation ("sở TNMT"); "cơ sở y tế" is not "Sở Y tế".
    if (x && (isUpperCode(text.charCodeAt(pos)) || /[A-ZĐ]{3,}$/.test(text.slice(x.start, x.end)))) {
      // "Sở GD-ĐT tỉnh Hà Giang": a department takes its province.
      const placed = withPlace(text, x.end, x.payloads[0] as string);
      candidates.push({
        start: pos,
        end: placed.end,
        kind: 'organization',
        name: placed.name,
        ids: [],
        place: placed.place,
        placeless: false,
      });
    }
    // "Cục Nhà trường - Bộ Quốc phòng", "Cơ quan ANĐT – Công an Sóc Trăng": a unit and its parent, one name.
    if (depth === 0 && candidates.length > 0) {
      // The candidates so far: those this loop adds are not looked at again.
      for (let i = 0, n = candidates.length; i < n; i++) {
        const c = candidates[i] as BodyHit;
        // The dash can only be the second or third character after the name: look before reading.
        if (!dashAt(text, c.end + 1) && !dashAt(text, c.end + 2)) continue;
        const dash = /^\s+[-–]\s+/.exec(text.slice(c.end, c.end + 4));
        if (
          !dash ||
          !/^(Cục|Vụ|Ban|Cơ quan|Phòng|Văn phòng|Viện|Trường|Học viện|Tổng cục)\b/u.test(
            text.slice(pos, pos + 12),
          )
        )
          continue;
        const parent = bodyAt(text, c.end + dash[0].length, 1);
        if (parent && parent.kind === 'organization') {
          candidates.push({
            ...c,
            end: parent.end,
            name: `${c.name} - ${parent.name}`,
            ids: [],
            place: parent.place,
            placeless: parent.placeless,
          });
        }
      }
    }
    // A listed name knows where it ends: a generic department reading that only adds
    // lower-case words to it ("Cục Cảnh sát hình sự tích cực") is a run-on.
    if (g && d && d.end > g.end && !/\p{Lu}/u.test(text.slice(g.end, d.end))) {
      candidates.splice(candidates.indexOf(d), 1);
    }
    let best: BodyHit | null = null;
    for (const c of candidates)
      if (!best || c.end > best.end || (c.end === best.end && c.ids.length > 0 && best.ids.length === 0))
        best = c;
    return best;
  };

  const grammar: BodyGrammar = {
    matchAt(text, pos) {
      // "Nhà Quốc hội": a building.
      if (previousWordIs(text, pos, 'Nhà')) return null;
      const body = bodyAt(text, pos, 0);
      if (body?.kind === 'class') return body;
      if (body) {
        // "Bộ Ngoại giao Trung Quốc", "Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc": not ours.
        if (
          FOREIGN_AFTER_FIRST.has(firstNonSpaceFrom(text, body.end, body.end + 48)) &&
          FOREIGN_AFTER.test(text.slice(body.end, body.end + 48))
        )
          return null;
        // "đội Công an Hà Nội", "Công ty CP …", "các Sở Giáo dục và Đào tạo": a team, a company, a class.
        // ("các Bộ Quốc phòng, Công an" names unique ministries: "các" before a listed one is fine.)
        const lead = text.slice(Math.max(0, pos - 16), pos);
        // ("hai Bộ Nông nghiệp … và Bộ Tài nguyên …" names two; "hai Bộ Ngoại giao" is two countries' ministries.)
        const listed =
          body.ids.length > 0 &&
          (/(?:các|Các)\s+$/.test(lead) ||
            (/(?:hai|ba)\s+$/.test(lead) &&
              /^\s*(?:,|và)\s+(?:Bộ|Sở|Ủy ban|Ban)\s/.test(text.slice(body.end, body.end + 12))));
        if (endsBeforeSpaces(text, pos, NOT_BODY_WORDS) && NOT_BODY_BEFORE_RE.test(lead) && !listed)
          return null;
        // "Tỉnh ủy, Thành ủy" listed as posts' bodies: every such committee.
        if (
          /^(Tỉnh|Thành|Huyện|Quận|Thị) ủy$/.test(body.name) &&
          /(?:Tỉnh|Thành|Huyện|Quận|tỉnh|thành|huyện|quận) ủy\s*,\s*$/.test(
            text.slice(Math.max(0, pos - 12), pos),
          )
        )
          return null;
        // "MTTQ cấp xã", "UBKT các Đảng bộ cơ sở", "UBND các xã": a class of bodies.
        if (
          mayStartClass(text, body.end) &&
          CLASS_AFTER.test(text.slice(body.end, body.end + 64)) &&
          !/cấp cao/.test(body.name)
        )
          return null;
        // The dataset may know the composed name ("Ban Thường vụ Đảng ủy Công an Trung ương").
        if (body.ids.length === 0) {
          const listed = names.longestAt(text, pos);
          if (listed && listed.end === body.end) {
            const p = listed.payloads[0] as ListedBody;
            return { ...body, ids: listed.payloads.map((x) => x.id), name: p.name };
          }
        }
        return body;
      }
      const pl = openers.get(wordHashAt(text, pos)) & OPENS_PLACE ? place(text, pos) : null;
      if (!pl) return null;
      // "tỉnh Hà Giang", "TP Hồ Chí Minh": the designator belongs to the mention.
      const prev = previousWord(text, pos);
      if (prev) {
        const word = text.slice(prev[0], prev[1]);
        if (/^(tỉnh|Tỉnh|TP|Tp)$/.test(word)) return { ...pl, start: prev[0] };
        if (/^(phố|Phố)$/.test(word)) {
          const pp = previousWord(text, prev[0]);
          if (pp && /^(thành|Thành)$/.test(text.slice(pp[0], pp[1]))) return { ...pl, start: pp[0] };
        }
      } else if (pos >= 3 && /TP\.\s?$/.test(text.slice(Math.max(0, pos - 4), pos))) {
        return { ...pl, start: pos - (text.slice(pos - 4, pos).match(/TP\.\s?$/)?.[0].length ?? 0) };
      }
      return pl;
    },
    lowercaseStarts: [...lowercaseStarts],
    firstWords: () => [
      ...new Set([names, places, heads, prefixes, departments, extras].flatMap((trie) => trie.firstWords())),
    ],
    idsNamed: (name) => idsByName.get(name) ?? [],
  };

  // "Cơ quan Cảnh sát điều tra (CSĐT) Bộ Công an", "Ủy ban Kiểm tra (UBKT) Tỉnh ủy": news glosses
  // an abbreviation inside a name; the name is read as if the gloss were not there.
  const plain = grammar.matchAt;
  grammar.matchAt = (text, pos) => ofNationalAssembly(text, glossed(text, pos));
  // "Ủy ban Quốc phòng và An ninh của Quốc hội": a committee named with the Assembly it belongs to.
  const ofNationalAssembly = (text: string, hit: BodyHit | null): BodyHit | null => {
    if (hit?.kind !== 'organization') return hit;
    const tail = text.startsWith(OF_ASSEMBLY, hit.end)
      ? /^ của Quốc hội(?![\p{L}])/u.exec(text.slice(hit.end, hit.end + 16))
      : null;
    if (!tail || !COMMITTEE_OF_ASSEMBLY.test(text.slice(hit.start, hit.end))) return hit;
    return { ...hit, end: hit.end + tail[0].length };
  };
  // The first "(" at or after a position, remembered: triggers come in text order, so each
  // stretch of text is searched once, not once per trigger (nor to the text's end at each).
  let parenText = '';
  let parenFrom = 0;
  let parenAt = -1;
  const nextParen = (text: string, pos: number): number => {
    if (pos < parenFrom || (parenAt >= 0 && pos > parenAt) || text !== parenText) {
      parenFrom = pos;
      parenAt = text.indexOf('(', pos);
    }
    // Kept as given: the next call compares the same string at once, not a copy character by character.
    parenText = text;
    return parenAt;
  };
  const glossed = (text: string, pos: number): BodyHit | null => {
    const hit = plain(text, pos);
    // Only a bracket within 80 characters can gloss a name starting here.
    const paren = nextParen(text, pos);
    const open = paren >= 0 && paren < pos + 80 ? paren : -1;
    if (open < 0 || (hit && hit.end > open)) return hit;
    const head = text.slice(pos, open).trimEnd();
    if (head.length === 0 || /[.;:!?)\n]/.test(head)) return hit;
    const gloss = GLOSS.exec(text.slice(open, open + 20));
    if (!gloss) return hit;
    const k = head.length;
    const resume = open + gloss[0].length;
    const joined = `${head} ${text.slice(resume, resume + 160)}`;
    const merged = plain(joined, 0);
    if (merged?.kind !== 'organization' || merged.end <= k + 1) return hit;
    return { ...merged, start: pos, end: resume + (merged.end - k - 1) };
  };
  return grammar;
}

/** A hyphen or an en dash at `i`. */
function dashAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2d || c === 0x2013;
}

/** The Assembly's committees and council, not the people's committees, inspection commissions or the Front. */
const COMMITTEE_OF_ASSEMBLY = /^(?:Ủy ban (?!nhân dân|Kiểm tra|kiểm tra|Mặt trận|MTTQ|ND)|Hội đồng Dân tộc)/u;

/** An abbreviation in brackets followed by more of the name: "(CSĐT) Bộ Công an". */
const GLOSS =
  /^\([A-ZĐ][A-ZĐ0-9&.-]{1,14}\)[ \t]+(?=\p{Lu}|(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s)/u;
