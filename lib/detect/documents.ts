// The document grammar. It runs only where the prefilter found a type word
// ("Nghị quyết", "NQ", "quyết định số …") and reads, with sticky expressions
// anchored there: number, symbol, enumerated siblings, and the context that
// follows (date, issuer, subject) or precedes ("Bộ Chính trị đã ban hành …").
import { fold } from '../dataset/keys.ts';
import { isUpperCode } from '../text/chars.ts';
import { collapsedSlice, nextWord, previousWord } from '../text/tokens.ts';
import { type DocRef, firstImpliedIssuer, isPartySymbol, symbolYear } from './doc-ref.ts';
import {
  COUNT_UNITS,
  DOC_TYPE_ABBREVIATIONS,
  DOC_TYPES,
  NAMED_DOCUMENTS,
  SYMBOL_ONLY_TYPES,
} from './lexicon.ts';
import { PhraseTrie } from './phrase-trie.ts';

export interface DocHit {
  start: number;
  end: number;
  /** What the mention itself says (before in-article resolution). */
  ref: DocRef;
  /** A lowercase type word with a bare number ("nghị quyết 12"): kept only if it binds to a citation. */
  weak: boolean;
}

/** Where bodies were found, so "của Bộ Chính trị" and "Bộ Chính trị ban hành …" can name the issuer. */
export interface IssuerIndex {
  /** A body mention starting exactly at `pos`: its end and canonical name. */
  startingAt(pos: number): { end: number; name: string } | undefined;
  /** A body mention ending exactly at `pos`. */
  endingAt(pos: number): { start: number; name: string } | undefined;
}

type TypeInfo = { docType: string; abbreviation: boolean; symbolOnly?: boolean; named?: string };

export function createTypeTrie(): PhraseTrie<TypeInfo> {
  const trie = new PhraseTrie<TypeInfo>((p) => p.docType);
  // "Thông báo kết luận" is a Thông báo (its symbol says TB).
  for (const t of DOC_TYPES)
    trie.add(t, { docType: t === 'Thông báo kết luận' ? 'Thông báo' : t, abbreviation: false });
  for (const t of SYMBOL_ONLY_TYPES) trie.add(t, { docType: t, abbreviation: false, symbolOnly: true });
  for (const d of NAMED_DOCUMENTS)
    for (const f of d.forms)
      trie.add(
        f,
        { docType: d.docType, abbreviation: /^[A-ZĐ]+$/.test(f), named: d.name },
        /^[A-ZĐ]+$/.test(f),
      );
  for (const [abbr, t] of Object.entries(DOC_TYPE_ABBREVIATIONS))
    trie.add(abbr, { docType: t, abbreviation: true }, true);
  return trie;
}

const SP = '[ \\t]*';
// "Công điện khẩn số 02", "Công văn hỏa tốc số …": urgency marks between type and number.
const NUMBER_RE = new RegExp(
  `${SP}(?:(?:khẩn|hỏa tốc|hoả tốc|mật)${SP})?(?:(số|Số|SỐ)${SP}:?${SP})?(\\d{1,5})(?![\\d,.]\\d)`,
  'y',
);
// "12-NQ/TW", "118-KH/ĐUCA", "07-QĐi/TW"; spaces around the marks are tolerated.
const PARTY_SYMBOL_RE = new RegExp(
  `${SP}-${SP}([A-ZĐ][A-Za-zĐđ]{0,6}${SP}/${SP}[A-ZĐ][A-Za-zĐđ0-9]{0,11}(?:${SP}/${SP}[A-ZĐ][A-Za-zĐđ0-9]{0,11})?)(?![A-Za-zĐđ0-9])`,
  'y',
);
// "168/2024/NĐ-CP", "1234/QĐ-TTg", "04/CT-BCA", "31/2024/QH15", "01/2021/TTLT-BCA-BQP".
const STATE_SYMBOL_RE = new RegExp(
  `${SP}/${SP}((?:(?:19|20)\\d{2}${SP}/${SP})?[A-ZĐ][A-Za-zĐđ0-9&]{0,12}(?:${SP}[-/]${SP}[A-ZĐ][A-Za-zĐđ0-9&]{0,12})*)(?![A-Za-zĐđ0-9])`,
  'y',
);
// "Quyết định 02/2020": a number and a year with no code after it.
const YEAR_SYMBOL_RE = new RegExp(`${SP}/${SP}((?:19|20)\\d{2})(?![\\d/A-Za-zĐđ])`, 'y');
// "nghị quyết 70-71-72": numbers joined by dashes, each its own document.
const DASH_ENUM_RE = /-(\d{1,5})(?![\d/A-Za-zĐđ-])|-(\d{1,5})(?=-\d)/y;
const ENUM_RE = new RegExp(
  `${SP}(?:,${SP}(?:và${SP})?|;${SP}|và${SP}|&${SP})(?:(?:số)${SP})?(\\d{1,5})(?![\\d,.]\\d)`,
  'y',
);

const DATE_AFTER_RE = new RegExp(
  `${SP}(?:,${SP})?(?:\\(${SP})?(?:(?:ban hành|ký|ký ban hành)${SP})?(?:ngày|Ngày)${SP}(?:(\\d{1,2})${SP}[/.-]${SP}(\\d{1,2})${SP}[/.-]${SP}(\\d{4})|(\\d{1,2})${SP}tháng${SP}(\\d{1,2})${SP}năm${SP}(\\d{4}))(?:${SP}\\))?`,
  'y',
);
const ISSUER_LEAD_RE = new RegExp(`${SP}(?:,${SP})?(?:\\(${SP})?(?:của|do)${SP}`, 'y');
// "Nghị quyết 10-NQ/TW năm 2017", "Thông tư 17 năm 2012": the year a citation without one was issued.
const ISSUE_YEAR_RE = new RegExp(`${SP}năm${SP}((?:19|20)\\d{2})(?![\\d/])`, 'y');
// The date a sentence opens with: "Ngày 4/5/2025, …", "Chiều 22/8/2025, …", "Ngày 5 tháng 6 năm 2024, …".
const SENTENCE_DATE_RE =
  /^\s*(?:\([^()\n]{1,24}\)\s*[-–]?\s*|[A-ZĐ][A-ZĐ.]{1,10}\s*[-–]\s*)?(?:(?:Sáng|Trưa|Chiều|Tối|Hôm)\s+)?(?:[Nn]gày\s+)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))\s*,/;
// (A dateline may come first: "(TUAG)- Ngày 14/4/2025, …", "TPO - Ngày …".)
// A body's name after these is part of a person's post ("Thường trực Ban Bí thư … ký"): the signer, not the issuer.
const POST_BEFORE_BODY_RE = /(?:^|\s)(?:Thường trực|Ủy viên|Uỷ viên|Chánh Văn phòng|Phó Trưởng|Trưởng)\s+$/;
// "Thay mặt Bộ Chính trị, …": the body the signer acts for issued it.
const ON_BEHALF_RE = /(?:^|[\s,(])(?:[Tt]hay mặt|T\/M|TM\.)\s+/g;
const TERM_RE = new RegExp(`${SP}(?:\\(${SP})?(?:khóa|khoá|Khóa|Khoá)${SP}([IVXLC]+)(?:${SP}\\))?`, 'y');
const SUBJECT_RE = new RegExp(`${SP}(?:,${SP})?(?:[“"]${SP})?(?:về|Về|VỀ)${SP}`, 'y');
const YEAR_AFTER_RE = new RegExp(`${SP}(?:năm${SP})?((?:19|20)\\d{2})(?![\\d/])`, 'y');
const ROMAN = '[IVXLC]+';
// Named Party resolutions: "Nghị quyết Trung ương 4 khóa XII", "Nghị quyết Hội nghị Trung ương 8 khóa XIII",
// "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng".
const CENTRAL_PLENUM_RE = new RegExp(
  `${SP}(?:(?:Hội nghị|hội nghị)${SP}(?:lần thứ${SP}(?:\\d{1,2}|[a-zà-ỹ]+)${SP})?)?(?:Ban Chấp hành${SP})?(?:Trung ương|T\\.?Ư|TƯ|TW)${SP}(?:lần thứ${SP})?(\\d{1,2})(?:${SP}(?:\\(${SP})?(?:khóa|khoá|Khóa|Khoá)${SP}(${ROMAN})(?:${SP}\\))?)?`,
  'y',
);
// "Nghị quyết Hội nghị lần thứ Sáu, Ban Chấp hành Trung ương Đảng khóa XIII": the plenum by its
// ordinal, the Committee after a comma (outside the mention).
const ORDINALS: Record<string, number> = {
  nhất: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
  'mười ba': 13,
  'mười bốn': 14,
  'mười lăm': 15,
};
const PLENUM_BY_ORDINAL_RE = new RegExp(
  `${SP}Hội nghị${SP}lần thứ${SP}(\\d{1,2}|(?:Mười|mười)(?:${SP}(?:một|hai|ba|bốn|lăm))?|Nhất|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)(?=${SP},${SP}Ban (?:Chấp hành|chấp hành) Trung ương)`,
  'yu',
);
const CONGRESS_RE = new RegExp(
  `${SP}(?:Đại hội|đại hội)${SP}(?:(?:đại biểu${SP})?(?:toàn quốc${SP})?(?:Đảng${SP}(?:toàn quốc${SP})?)?(?:lần thứ${SP})?)(${ROMAN})(?![A-Za-z])`,
  'y',
);
// "Nghị quyết Đại hội Đảng bộ phường", "Nghị quyết Đại hội Đảng bộ tỉnh Thanh Hóa": a local Party
// committee's congress named by its level, with no ordinal (a term after it is context, as a date is).
const LOCAL_CONGRESS_RE = new RegExp(
  `${SP}Đại hội${SP}(?:đại biểu${SP})?(Đảng bộ${SP}(?:tỉnh|thành phố|phường|xã|huyện|quận|thị xã|đặc khu)(?:${SP}\\p{Lu}\\p{Ll}*){0,3})(?![\\p{L}])`,
  'yu',
);
// "Nghị quyết Kỳ họp thứ Hai của Quốc hội": the Assembly's resolution named by its session.
const SESSION_RE = new RegExp(
  `${SP}Kỳ họp${SP}thứ${SP}(\\d{1,2}|[IVXLC]+|Nhất|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười(?:${SP}\\p{Ll}+)?)(?![\\p{L}])`,
  'yu',
);
// "Nghị quyết Đại hội Đảng bộ Quân đội lần thứ XI", "… Đảng bộ tỉnh lần thứ XX": a Party committee's congress.
const COMMITTEE_CONGRESS_RE = new RegExp(
  `${SP}(?:Đại hội|đại hội)${SP}(?:đại biểu${SP})?(Đảng bộ(?:${SP}[\\p{L}]+){1,5}?)${SP}(?:lần thứ${SP})([IVXLC]+)(?![\\p{L}])`,
  'yu',
);
const NEXT_TERM_RE = new RegExp(`${SP}(?:,|và)${SP}((?:khóa|khoá)${SP}(${ROMAN}))(?![A-Za-z])`, 'y');
const AMENDING_LAW_RE = new RegExp(
  `${SP}(?:sửa đổi|Sửa đổi)${SP},?${SP}(?:bổ sung${SP})?(?:một số điều${SP}(?:của${SP})?)?`,
  'y',
);

const CONSTITUTION_RE = new RegExp(`${SP}(?:(?:năm${SP})?((?:19|20)\\d{2}))?`, 'y');

const ISSUING_VERB =
  /^\s+(?:đã\s+)?(?:quyết định|yêu cầu|giao|phê duyệt|chỉ đạo|đồng ý|cho phép|quy định)(?![\p{L}])/u;

function previousWordText(text: string, pos: number): string | null {
  const w = previousWord(text, pos);
  return w ? text.slice(w[0], w[1]) : null;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function isoDate(y: string, m: string, d: string): string | null {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || yy < 1945 || yy > 2100) return null;
  const probe = new Date(Date.UTC(yy, mm - 1, dd));
  if (probe.getUTCDate() !== dd) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function cleanSymbol(raw: string): string {
  return raw.replace(/[ \t]+/g, '');
}

const TYPE_WORD_AFTER = new RegExp(
  `^[ \\t]*(?:${[...DOC_TYPES].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
  'iu',
);

/** A type word right after a number: "3 nghị quyết" counts documents, it does not name one. */
function typeWordAt(text: string, pos: number): boolean {
  return TYPE_WORD_AFTER.test(text.slice(pos, pos + 24));
}

/** The word right after `pos` says the number counts something ("12 tỉnh", "5 năm"). */
function countsSomething(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  // "12%" "12.000" "12,5"
  if (c === 0x25 || ((c === 0x2e || c === 0x2c) && /\d/.test(text[pos + 1] ?? ''))) return true;
  const w = nextWord(text, pos);
  if (!w) return false;
  const word = text.slice(w[0], w[1]);
  if (/^\d/.test(word)) return true;
  // "Nghị quyết 12 ngày 16/3/2022": "ngày" before a date is the citation's date.
  if (word === 'ngày' && /^\s*\d/.test(text.slice(w[1], w[1] + 3))) return false;
  // "Thông tư 17 năm 2012": "năm" before a year is the citation's year, not "17 years".
  if (word === 'năm' && /^\s*(?:19|20)\d{2}(?!\d)/.test(text.slice(w[1], w[1] + 7))) return false;
  return !isUpperCode(word.charCodeAt(0)) && COUNT_UNITS.has(word.toLowerCase());
}

export interface DocGrammar {
  /**
   * Parses a document reference whose type word starts at `start`, ending at
   * `typeEnd`. Returns the mention and any enumerated siblings, or [] when what
   * follows the type word is not a reference.
   */
  parseAt(text: string, start: number, typeEnd: number, type: TypeInfo, issuers: IssuerIndex): DocHit[];
  /** Law names from the dataset ("Luật Đất đai"), longest first. */
  readonly lawNames: PhraseTrie<string>;
}

export function createDocGrammar(lawNames: readonly string[]): DocGrammar {
  const laws = new PhraseTrie<string>((p) => p);
  for (const n of lawNames) {
    laws.add(n, n);
    // "Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND": the councils by their abbreviations.
    const short = n.replace(/Hội đồng nhân dân/g, 'HĐND').replace(/Ủy ban nhân dân/g, 'UBND');
    if (short !== n) laws.add(short, n);
  }
  // Every name's proper prefixes of 4+ tokens that end before a comma-joined tail, so a
  // text that drops the tail ("Luật Trật tự, an toàn giao thông") still gets the known start.
  const prefixes = new PhraseTrie<string>((p) => p);
  for (const n of lawNames) {
    const words = n.split(' ');
    for (let k = 4; k < words.length; k++) if (n.includes(',')) prefixes.add(words.slice(0, k).join(' '), n);
  }
  const lawPrefix = (text: string, start: number) => {
    const m = prefixes.longestAt(text, start);
    if (!m) return undefined;
    // Only where the text really stops there (punctuation or a function word follows).
    const w = nextWord(text, m.end);
    const after = w ? text.slice(w[0], w[1]) : '';
    return !w || STOPWORDS_AFTER_LAW.has(after) || /^(đến|cho)$/.test(after) ? m : undefined;
  };

  const context = (text: string, end: number, ref: DocRef, issuers: IssuerIndex): number => {
    let pos = end;
    for (let step = 0; step < 4; step++) {
      const d = ref.date === null ? at(DATE_AFTER_RE, text, pos) : null;
      if (d) {
        ref.date = d[1]
          ? isoDate(d[3] as string, d[2] as string, d[1])
          : isoDate(d[6] as string, d[5] as string, d[4] as string);
        pos = d.index + d[0].length;
        continue;
      }
      const year = ref.year === null && ref.date === null ? at(ISSUE_YEAR_RE, text, pos) : null;
      if (year) {
        ref.year = Number(year[1]);
        pos = year.index + year[0].length;
        continue;
      }
      const lead = at(ISSUER_LEAD_RE, text, pos);
      if (lead) {
        const body = issuers.startingAt(lead.index + lead[0].length);
        if (body) {
          if (!ref.issuer) ref.issuer = body.name;
          pos = body.end;
          const term = at(TERM_RE, text, pos);
          if (term) {
            pos = term.index + term[0].length;
            ref.term ??= term[1] as string;
          }
          continue;
        }
      }
      break;
    }
    const subj = at(SUBJECT_RE, text, pos);
    if (subj) {
      const from = subj.index + subj[0].length;
      const rest = text.slice(from, from + 400);
      const stop = /[;\n”"]|\.(?=\s|$)|,\s+(?:ngày|của|do)\s/.exec(rest);
      let cut = stop ? stop.index : rest.length;
      // "…, Ban Thường vụ Tỉnh ủy đã ban hành …": a body after a comma starts the next clause.
      for (const comma of rest.slice(0, cut).matchAll(/,\s+/g)) {
        const at = from + (comma.index ?? 0) + comma[0].length;
        if (isUpperCode(text.charCodeAt(at)) && issuers.startingAt(at)) {
          cut = comma.index ?? cut;
          break;
        }
      }
      const subject = rest.slice(0, cut).trim();
      if (subject.length > 2) ref.subject = `về ${subject}`;
    }
    return pos;
  };

  // "Tại Văn bản số 2945/UBND-NNMT, ngày 22/8/2025, UBND tỉnh đề nghị …": the body that speaks
  // through the document, right after it, is its issuer.
  const actorAfter = (text: string, start: number, end: number, ref: DocRef, issuers: IssuerIndex): void => {
    if (ref.issuer || !/(?:^|\s)(?:tại|Tại|theo|Theo)\s+$/.test(text.slice(Math.max(0, start - 6), start)))
      return;
    let pos = end;
    const date = /^\s*,?\s*(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*)?,\s*/.exec(
      text.slice(pos, pos + 30),
    );
    if (!date) return;
    pos += date[0].length;
    const body = issuers.startingAt(pos);
    if (!body) return;
    if (
      /^\s+(?:đã\s+)?(?:đề nghị|yêu cầu|chỉ đạo|giao|đề xuất)(?![\p{L}])/u.test(
        text.slice(body.end, body.end + 20),
      )
    )
      ref.issuer = body.name;
  };

  // "Ngày 16/3/2022, Bộ Chính trị đã ban hành Nghị quyết số 12": issuer and date before the type word.
  // "Ngày 4/5/2025, Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị ký Nghị quyết số 68-NQ/TW": the body
  // acted for is the issuer, and the date the sentence opens with is the signing date.
  const contextBefore = (
    text: string,
    start: number,
    ref: DocRef,
    issuers: IssuerIndex,
    symbol: string | null = null,
  ): void => {
    const before = text.slice(Math.max(0, start - 80), start);
    // "Thực hiện chỉ đạo của Ban Chấp hành Trung ương Đảng tại Công văn số 65-CV/TW": whose
    // direction the document carries. Not for a State symbol, which names its own issuer: "ý kiến
    // chỉ đạo của Phó Thủ tướng tại Văn bản số 5183/VPCP-NN" is the Government Office's letter.
    const via = /(?:chỉ đạo|yêu cầu|ý kiến|hướng dẫn|đề nghị)\s+của\s+$/;
    const at = /\s+tại\s+$/.exec(before);
    if (at && !ref.issuer && (!symbol || isPartySymbol(symbol))) {
      const orgEnd = start - before.length + at.index;
      const body = issuers.endingAt(orgEnd);
      if (body && via.test(text.slice(Math.max(0, body.start - 24), body.start))) {
        ref.issuer = body.name;
        return;
      }
    }
    const verb =
      /(?:^|\s)(?:(?:đã|vừa|mới|chính thức|đồng thời|khẩn trương|kịp thời|nhanh chóng|cũng)\s+)*(?:ký\s+)?(?:ban hành|thông qua|ký|ra|phê duyệt|có|gửi)(?:\s+và\s+\S+)?\s+(?:các\s+|những\s+)?$/.exec(
        before,
      );
    if (!verb) return;
    const verbStart = start - before.length + verb.index + (verb[0].startsWith(' ') ? 1 : 0);
    const signing = /(?:^|\s)(?:ký|ban hành)/.test(verb[0]);
    // The sentence (or clause after a semicolon) the verb stands in.
    const from = Math.max(0, verbStart - 240);
    // Looked for within the window only: a text without line breaks must not be read back to
    // its start at every citation.
    const window = text.slice(from, verbStart);
    const sentenceEnd = window.search(/\.\s[^.]*$/);
    const breakAt = Math.max(
      window.lastIndexOf('\n') >= 0 ? from + window.lastIndexOf('\n') : -1,
      window.lastIndexOf(';') >= 0 ? from + window.lastIndexOf(';') : -1,
      sentenceEnd >= 0 ? from + sentenceEnd + 1 : -1,
    );
    const sentenceStart = Math.max(from, breakAt + 1);
    let orgEnd = verbStart;
    while (orgEnd > 0 && /\s/.test(text[orgEnd - 1] ?? '')) orgEnd--;
    // "Ban Chấp hành Đảng bộ tỉnh khóa XIII đã ban hành …": the term after the body is not part of it.
    const term = /\s+(?:khóa|khoá)\s+[IVXLC]+$/.exec(text.slice(Math.max(0, orgEnd - 16), orgEnd));
    if (term && issuers.endingAt(orgEnd - term[0].length)) orgEnd -= term[0].length;
    // "Ủy ban Chứng khoán Nhà nước (UBCKNN) ban hành …": the abbreviation in parentheses is the same body.
    const paren = /\s*\(\s*[A-ZĐ][A-ZĐ&.-]{1,11}\s*\)$/.exec(text.slice(Math.max(0, orgEnd - 16), orgEnd));
    if (paren && issuers.endingAt(orgEnd - paren[0].length)) orgEnd -= paren[0].length;
    let body: { start: number; name: string } | null = issuers.endingAt(orgEnd) ?? null;
    if (body && POST_BEFORE_BODY_RE.test(text.slice(Math.max(0, body.start - 24), body.start))) body = null;
    if (!body && signing) {
      const clause = text.slice(sentenceStart, verbStart);
      for (const m of clause.matchAll(ON_BEHALF_RE)) {
        const at = sentenceStart + (m.index ?? 0) + m[0].length;
        const b = issuers.startingAt(at);
        if (b) body = { start: at, name: b.name };
      }
    }
    if (!body) return;
    if (!ref.issuer) ref.issuer = body.name;
    if (ref.date) return;
    const lead = text.slice(Math.max(0, body.start - 40), body.start);
    const d =
      /(?:^|\s)(?:Ngày|ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*,?\s*$/.exec(lead) ??
      /(?:^|\s)(?:Ngày|ngày)\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*,?\s*$/.exec(lead);
    if (d) {
      ref.date = isoDate(d[3] as string, d[2] as string, d[1] as string);
      return;
    }
    // A date opening the sentence, when the sentence reports this signing and cites nothing else before it.
    if (!signing) return;
    const opening = SENTENCE_DATE_RE.exec(text.slice(sentenceStart, verbStart));
    if (
      !opening ||
      /\d{1,2}\s*[/.-]\s*\d{1,2}/.test(text.slice(sentenceStart + opening[0].length, verbStart))
    )
      return;
    ref.date = opening[1]
      ? isoDate(opening[3] as string, opening[2] as string, opening[1])
      : isoDate(opening[6] as string, opening[5] as string, opening[4] as string);
  };

  // "Tại quyết định số 793, Thủ tướng Chính phủ quyết định …": the clause's subject issued it.
  const subjectAfter = (
    text: string,
    start: number,
    end: number,
    ref: DocRef,
    issuers: IssuerIndex,
  ): void => {
    if (
      ref.issuer ||
      !/(?:^|[\s.;])(?:Tại|tại|Theo|theo|Căn cứ|căn cứ)\s+$/.test(text.slice(Math.max(0, start - 10), start))
    )
      return;
    const comma = /^\s*,\s*/.exec(text.slice(end, end + 4));
    if (!comma) return;
    const body = issuers.startingAt(end + comma[0].length);
    if (body && ISSUING_VERB.test(text.slice(body.end, body.end + 20))) ref.issuer = body.name;
  };

  const newRef = (docType: string): DocRef => ({
    docType,
    number: null,
    symbol: null,
    year: null,
    issuer: null,
    date: null,
    subject: null,
  });

  const finish = (ref: DocRef): DocRef => {
    if (ref.year === null)
      ref.year = symbolYear(ref.symbol) ?? (ref.date ? Number(ref.date.slice(0, 4)) : null);
    if (!ref.issuer) ref.issuer = firstImpliedIssuer(ref.symbol);
    return ref;
  };

  const readSymbol = (text: string, pos: number): { symbol: string; end: number } | null => {
    const p = at(PARTY_SYMBOL_RE, text, pos);
    if (p) return { symbol: cleanSymbol(p[1] as string), end: p.index + p[0].length };
    const s = at(STATE_SYMBOL_RE, text, pos);
    if (s) {
      const symbol = cleanSymbol(s[1] as string).replace(/[-/]+$/, '');
      if (/[A-ZĐ]/.test(symbol)) return { symbol, end: s.index + s[0].length };
    }
    const y = at(YEAR_SYMBOL_RE, text, pos);
    if (y) return { symbol: y[1] as string, end: y.index + y[0].length };
    return null;
  };

  // "… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và …": each amended law
  // may carry its number; the amending law's name runs through them.
  const lawNumberAfter = (text: string, end: number): number => {
    const m = /^[ \t]+số[ \t]+\d{1,4}\/(?:19|20)\d{2}\/QH\d{1,2}(?![\w/])/u.exec(text.slice(end, end + 24));
    return m ? end + m[0].length : end;
  };

  const namedLaw = (text: string, start: number, typeEnd: number, docType: string): DocHit[] => {
    // "báo Pháp Luật TP.HCM": a capitalised word before "Luật" makes it part of another name.
    const before = previousWordText(text, start);
    if (before && isUpperCode(before.charCodeAt(0)) && !/^(Bộ|Dự|Các|Theo|Và)$/.test(before)) return [];
    // The dataset's own law names first: they know where a name ends; a name the text
    // shortens ("Luật Trật tự, an toàn giao thông" for "… đường bộ") still follows the list.
    const known = laws.longestAt(text, start) ?? lawPrefix(text, start);
    let end: number;
    let name: string;
    const amend = at(AMENDING_LAW_RE, text, typeEnd);
    // "Luật Doanh nghiệp Nhà nước" is another law than the listed "Luật Doanh nghiệp".
    const state = known ? /^\s+Nhà nước(?![\p{L}])/u.exec(text.slice(known.end, known.end + 12)) : null;
    if (known && state) {
      end = known.end + state[0].length;
      name = collapsedSlice(text, start, end);
    } else if (known) {
      end = known.end;
      // A shortened name is still the law the list knows: name it in full. The councils by
      // their abbreviations ("… và đại biểu HĐND") are the law's name as printed, kept so.
      const printed = text.slice(start, end).replace(/\s+/g, ' ');
      name = /HĐND|UBND/.test(printed) ? printed : (known.payloads[0] as string);
    } else if (amend) {
      // "Luật sửa đổi, bổ sung một số điều của Luật X": the whole phrase names one law.
      const inner = amend.index + amend[0].length;
      // "Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự": laws
      // counted, not named; the name runs to the end of the clause.
      const counted =
        /^(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:luật|bộ luật)(?:\s+(?:(?:có liên quan|liên quan)\s+(?:đến|tới)|trong lĩnh vực|về)\s+[^;.\n()]{1,60}?)?(?=\s*(?:[;.\n(]|$|,\s*(?:Luật|Bộ luật|Nghị quyết)\s))/u.exec(
          text.slice(inner, inner + 100),
        );
      if (counted) {
        end = inner + counted[0].length;
        const ref = newRef(docType);
        ref.name = collapsedSlice(text, start, end);
        return [{ start, end, ref: finish(ref), weak: false }];
      }
      const w = nextWord(text, inner);
      if (!w || !/^(Luật|Bộ)$/.test(text.slice(w[0], w[1]))) return [];
      const innerType = text.slice(w[0], w[1]) === 'Bộ' ? 'Bộ luật' : 'Luật';
      const innerTypeEnd = innerType === 'Bộ luật' ? (nextWord(text, w[1])?.[1] ?? w[1]) : w[1];
      const innerHit = namedLaw(text, w[0], innerTypeEnd, innerType)[0];
      if (!innerHit) return [];
      end = lawNumberAfter(text, innerHit.end);
      // "… của Bộ luật Tố tụng dân sự, Luật Tố tụng hành chính, … và Luật Hòa giải, …": one law amends them all.
      for (;;) {
        const sep = /^[ \t]*(?:,|và|,[ \t]*và)[ \t]*(?=(?:Luật|Bộ luật) )/.exec(text.slice(end, end + 12));
        if (!sep) break;
        const ns = end + sep[0].length;
        const isCode = text.startsWith('Bộ luật', ns);
        const next = namedLaw(text, ns, ns + (isCode ? 7 : 4), isCode ? 'Bộ luật' : 'Luật')[0];
        if (!next) break;
        end = lawNumberAfter(text, next.end);
      }
      name = text.slice(start, end);
    } else {
      const first = nextWord(text, typeEnd);
      if (!first || first[0] !== typeEnd + 1 || !isUpperCode(text.charCodeAt(first[0]))) return [];
      end = first[1];
      let words = 1;
      for (;;) {
        // "Luật Phòng, chống tham nhũng": the one comma law names carry.
        let from = end;
        if (text[from] === ',' && /^,\s*chống(?!\p{L})/u.test(text.slice(from, from + 10))) from++;
        // "Luật Tư pháp người chưa thành niên"
        const minor = /^\s+chưa thành niên(?!\p{L})/u.exec(text.slice(from, from + 20));
        if (minor) {
          end = from + minor[0].length;
          words += 3;
          continue;
        }
        const w = nextWord(text, from);
        if (!w || words >= 14) break;
        const word = text.slice(w[0], w[1]);
        const lower = word.toLowerCase();
        if (/^\d/.test(word) || word === 'Luật' || word === 'Bộ') break;
        // A law's name starts with a word, not an abbreviation ("Luật TP" from "Pháp Luật TP.HCM").
        if (words === 1 && /^[A-ZĐ]{2,}$/.test(text.slice(first[0], first[1]))) return [];
        // "Luật Dân số": "số" ends a name only before the law's number ("Luật Đất đai số 31/2024/QH15").
        const numberFollows = lower === 'số' && /^\s*:?\s*\d/.test(text.slice(w[1], w[1] + 4));
        // "Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND": "và" joining a word the name already has.
        const after = lower === 'và' ? nextWord(text, w[1]) : null;
        const parallel =
          !!after &&
          text
            .slice(first[0], end)
            .toLowerCase()
            .split(/\s+/)
            .includes(text.slice(after[0], after[1]).toLowerCase());
        const nameWord = (lower === 'số' && !numberFollows) || parallel;
        if (
          !isUpperCode(word.charCodeAt(0)) &&
          !nameWord &&
          (STOPWORDS_AFTER_LAW.has(lower) || lower === 'năm')
        )
          break;
        if (isUpperCode(word.charCodeAt(0)) && words >= 2 && !LAW_NAME_CAPITALS.has(word)) break;
        end = w[1];
        words++;
      }
      name = text.slice(start, end);
    }
    const ref = newRef(docType);
    const year = at(YEAR_AFTER_RE, text, end);
    if (year) {
      end = year.index + year[0].length;
      ref.year = Number(year[1]);
    }
    ref.name = name.replace(/\s+/g, ' ');
    return [{ start, end, ref: finish(ref), weak: false }];
  };

  const parseAt = (
    text: string,
    start: number,
    typeEnd: number,
    type: TypeInfo,
    issuers: IssuerIndex,
  ): DocHit[] => {
    const { docType } = type;
    const capital = isUpperCode(text.charCodeAt(start));
    // "thực hiện thông báo Kết luận số 01": a lower-case word before a capitalised type word
    // is the sentence's, not the start of a longer type ("Thông báo kết luận").
    if (!capital && /\s\p{Lu}/u.test(text.slice(start, typeEnd))) return [];
    if (type.named) {
      // "Điều lệ Đảng", "Cương lĩnh chính trị": known by name alone.
      if (!capital) return [];
      const ref = newRef(docType);
      // An abbreviation ("BLTTHS") stands for the full name; a name is reported as written.
      ref.name = type.abbreviation ? type.named : collapsedSlice(text, start, typeEnd);
      let end = typeEnd;
      const year = at(YEAR_AFTER_RE, text, end);
      if (year) {
        end = year.index + year[0].length;
        ref.year = Number(year[1]);
      }
      return [{ start, end, ref: finish(ref), weak: false }];
    }
    if (docType === 'Hiến pháp') {
      if (!capital) return [];
      const y = at(CONSTITUTION_RE, text, typeEnd);
      const end = y?.[1] ? y.index + y[0].length : typeEnd;
      const ref = newRef(docType);
      ref.year = y?.[1] ? Number(y[1]) : null;
      ref.name = y?.[1] ? `Hiến pháp năm ${y[1]}` : 'Hiến pháp';
      return [{ start, end, ref: finish(ref), weak: false }];
    }
    const num = at(NUMBER_RE, text, typeEnd);
    if (!num) {
      if (!capital) return [];
      // Laws, codes and ordinances are cited by name ("Pháp lệnh Công nghiệp quốc phòng").
      if (docType === 'Luật' || docType === 'Bộ luật' || docType === 'Pháp lệnh')
        return namedLaw(text, start, typeEnd, docType);
      if (docType === 'Nghị quyết') return namedResolution(text, start, typeEnd, issuers);
      return [];
    }
    const hasSo = !!num[1];
    const number = num[2] as string;
    let end = num.index + num[0].length;
    const sym = readSymbol(text, end);
    if (!sym) {
      // A year after a type word is a year ("Kế hoạch 2025", "Luật Đất đai 2024" is handled above).
      if (!hasSo && /^(19|20)\d{2}$/.test(number)) {
        return capital && (docType === 'Luật' || docType === 'Bộ luật')
          ? namedLaw(text, start, typeEnd, docType)
          : [];
      }
      // "số" says a document number follows, whatever comes after it.
      if (!hasSo && countsSomething(text, end)) return [];
      // "Đề án 06" and "Chương trình 135" are named by number alone; a bare lowercase
      // "nghị quyết 12" waits for a citation to bind to.
    }
    if (sym) end = sym.end;
    // "Văn bản 1454/BTNMT-TCQLĐĐ" is a citation; "văn bản 3" is not.
    if (type.symbolOnly && !sym) return [];
    if (!capital && !hasSo && !sym && type.abbreviation) return [];
    const ref = newRef(docType);
    ref.number = number;
    ref.symbol = sym?.symbol ?? null;
    const first: DocHit = { start, end, ref, weak: !capital && !hasSo && !sym };
    const hits = [first];
    // Enumerations: "Nghị quyết 57, 59, 66 và 68", "các Nghị quyết số 18, 19-NQ/TW", "70-71-72".
    let pos = end;
    if (!sym) {
      for (;;) {
        const d = at(DASH_ENUM_RE, text, pos);
        const n = d?.[1] ?? d?.[2];
        if (!d || !n || n.length !== number.length) break;
        const e = d.index + 1 + n.length;
        const r = newRef(docType);
        r.number = n;
        hits.push({ start: d.index + 1, end: e, ref: r, weak: first.weak });
        pos = e;
      }
    }
    for (;;) {
      const m = at(ENUM_RE, text, pos);
      if (!m) break;
      const n = m[1] as string;
      const numStart = m.index + m[0].length - n.length;
      let e = m.index + m[0].length;
      const s = readSymbol(text, e);
      // "…, 16/3/2022": a number followed by a slash that is not a symbol is a date.
      if (
        !s &&
        (text[e] === '/' || /^(19|20)\d{2}$/.test(n) || countsSomething(text, e) || typeWordAt(text, e))
      )
        break;
      if (s) e = s.end;
      // A new type word right after means the list has moved on ("…, 12 Nghị định").
      const r = newRef(docType);
      r.number = n;
      r.symbol = s?.symbol ?? null;
      hits.push({ start: numStart, end: e, ref: r, weak: first.weak });
      pos = e;
    }
    // A list of numbers after a type word is a list of references, whatever the case.
    if (hits.length > 1) for (const h of hits) h.weak = false;
    // Members share what the list states once: a trailing Party symbol's suffix, the context.
    const last = hits[hits.length - 1] as DocHit;
    const partySuffix =
      last.ref.symbol && /^[A-ZĐ][A-Za-zĐđ]*\/[A-ZĐ]/.test(last.ref.symbol) ? last.ref.symbol : null;
    const shared = newRef(docType);
    context(text, last.end, shared, issuers);
    if (hits.length === 1) {
      contextBefore(text, start, shared, issuers, last.ref.symbol);
      actorAfter(text, start, last.end, shared, issuers);
      subjectAfter(text, start, last.end, shared, issuers);
    }
    for (const h of hits) {
      if (!h.ref.symbol && partySuffix && hits.length > 1) h.ref.symbol = partySuffix;
      h.ref.date ??= shared.date;
      // "… năm 2017" dates a symbol without a year; a year in the symbol stands.
      if (h.ref.year === null && shared.year !== null && symbolYear(h.ref.symbol) === null)
        h.ref.year = shared.year;
      h.ref.issuer ??= shared.issuer;
      h.ref.subject ??= shared.subject;
      if (shared.term) h.ref.term ??= shared.term;
      finish(h.ref);
    }
    return hits;
  };

  const namedResolution = (text: string, start: number, typeEnd: number, issuers: IssuerIndex): DocHit[] => {
    const plenum = at(CENTRAL_PLENUM_RE, text, typeEnd);
    const hits: DocHit[] = [];
    const byOrdinal = plenum ? null : at(PLENUM_BY_ORDINAL_RE, text, typeEnd);
    if (byOrdinal) {
      const word = (byOrdinal[1] as string).toLowerCase().replace(/\s+/g, ' ');
      const n = /^\d+$/.test(word) ? Number(word) : ORDINALS[word];
      const ref = newRef('Nghị quyết');
      const term = at(
        new RegExp(
          `${SP},${SP}Ban (?:Chấp hành|chấp hành) Trung ương(?:${SP}Đảng)?${SP}(?:khóa|Khóa|khoá)${SP}(${ROMAN})`,
          'yu',
        ),
        text,
        byOrdinal.index + byOrdinal[0].length,
      );
      ref.name = `Nghị quyết Trung ương ${n ?? word}${term ? ` khóa ${term[1]}` : ''}`;
      ref.issuer = 'Ban Chấp hành Trung ương';
      hits.push({ start, end: byOrdinal.index + byOrdinal[0].length, ref, weak: false });
    } else if (plenum) {
      const session = plenum[1] as string;
      const term = plenum[2];
      const end = plenum.index + plenum[0].length;
      const ref = newRef('Nghị quyết');
      ref.name = `Nghị quyết Trung ương ${session}${term ? ` khóa ${term}` : ''}`;
      ref.issuer = 'Ban Chấp hành Trung ương';
      hits.push({ start, end, ref, weak: false });
      // "Nghị quyết Trung ương 4 khóa XI, khóa XII": one resolution per term.
      let pos = end;
      for (;;) {
        const m = at(NEXT_TERM_RE, text, pos);
        if (!m || !term) break;
        const e = m.index + m[0].length;
        const r = newRef('Nghị quyết');
        r.name = `Nghị quyết Trung ương ${session} khóa ${m[2]}`;
        r.issuer = 'Ban Chấp hành Trung ương';
        hits.push({ start: e - (m[1] as string).length, end: e, ref: r, weak: false });
        pos = e;
      }
    } else {
      const congress = at(CONGRESS_RE, text, typeEnd);
      const committee = congress ? null : at(COMMITTEE_CONGRESS_RE, text, typeEnd);
      const local = congress || committee ? null : at(LOCAL_CONGRESS_RE, text, typeEnd);
      const session = congress || committee || local ? null : at(SESSION_RE, text, typeEnd);
      if (local) {
        const ref = newRef('Nghị quyết');
        ref.name = `Nghị quyết Đại hội ${(local[1] as string).replace(/\s+/g, ' ')}`;
        hits.push({ start, end: local.index + local[0].length, ref, weak: false });
      } else if (session) {
        const ref = newRef('Nghị quyết');
        ref.name = `Nghị quyết Kỳ họp thứ ${session[1]}`;
        hits.push({ start, end: session.index + session[0].length, ref, weak: false });
      } else if (congress) {
        const ref = newRef('Nghị quyết');
        ref.name = `Nghị quyết Đại hội lần thứ ${congress[1]}`;
        hits.push({ start, end: congress.index + congress[0].length, ref, weak: false });
      } else if (committee) {
        const ref = newRef('Nghị quyết');
        ref.name = `Nghị quyết Đại hội ${committee[1]} lần thứ ${committee[2]}`;
        hits.push({ start, end: committee.index + committee[0].length, ref, weak: false });
      } else {
        return [];
      }
    }
    const last = hits[hits.length - 1] as DocHit;
    const shared = newRef('Nghị quyết');
    context(text, last.end, shared, issuers);
    for (const h of hits) {
      h.ref.date ??= shared.date;
      h.ref.subject ??= shared.subject;
      finish(h.ref);
    }
    return hits;
  };

  return { parseAt, lawNames: laws };
}

// Lowercase words that end a law's name read by the generic rule ("Luật Đất đai có hiệu lực").
const STOPWORDS_AFTER_LAW = new Set([
  'được',
  'đã',
  'có',
  'là',
  'của',
  'và',
  'do',
  'cho',
  'với',
  'này',
  'mới',
  'sẽ',
  'vừa',
  'không',
  'trong',
  'tại',
  'về',
  'quy',
  'nêu',
  'thì',
  'khi',
  'theo',
  'để',
  'số',
  'thông',
  'ban',
  'hiện',
  'sửa',
  'bổ',
  'cũng',
  'đang',
  'vẫn',
  'còn',
  'chưa',
  'gồm',
  'cùng',
  'nhằm',
  'đều',
  'hướng',
  'tiếp',
  'năm',
  'dự',
  'thay',
  'sau',
  'trước',
  'đến',
  'từ',
  'thuộc',
  'chính',
  'bị',
  'vào',
  'ra',
  'như',
  'hay',
  'hoặc',
  'nhưng',
  'mà',
  'nên',
  'cần',
  'phải',
  'đối',
]);

// Capitalised words that can continue a law's name after its second word.
const LAW_NAME_CAPITALS = new Set([
  'Nhà',
  'Nước',
  'Việt',
  'Nam',
  'Quốc',
  'Hồ',
  'Chí',
  'Minh',
  'Hội',
  'HĐND',
  'UBND',
]);

/** Folded type key for grouping mentions ("NQ" and "Nghị quyết" are one type). */
export function typeGroup(docType: string): string {
  return fold(docType);
}
