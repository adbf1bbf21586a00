// Turns the political-net infobox records (Vietnamese Wikipedia "Thông tin viên
// chức" fields, already flattened to text) into schema posts. The values are
// hand-typed by many editors, so every shape seen in the data is parsed
// explicitly and anything else is reported as unknown rather than guessed.
import type { Post } from './schema.ts';

export type TermValue =
  | { kind: 'date'; value: string }
  | { kind: 'open' }
  | { kind: 'missing' }
  | { kind: 'unknown'; raw: string };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function ym(y: number, m: number): string | null {
  return m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null;
}

function num(s: string | undefined): number {
  return s === undefined ? Number.NaN : Number(s);
}

const OPEN = /^(nay|đương nhiệm|hiện tại|hiện nay)\b/i;

/** One term_start/term_end value → a date as precise as written, an open end, or unknown. */
export function parseTermValue(raw: unknown): TermValue {
  if (raw === undefined || raw === null) return { kind: 'missing' };
  if (typeof raw !== 'string') return { kind: 'unknown', raw: String(raw) };
  const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s === '') return { kind: 'missing' };
  if (OPEN.test(s)) return { kind: 'open' };
  const date = (v: string | null): TermValue =>
    v === null ? { kind: 'unknown', raw: s } : { kind: 'date', value: v };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return date(ymd(num(m[1]), num(m[2]), num(m[3])));
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return date(ym(num(m[1]), num(m[2])));
  m = /^(?:(?:năm|đầu năm|cuối năm|đầu|cuối)\s+)?(\d{4})$/i.exec(s);
  if (m) return date(m[1] ?? null);
  // "3/2002", "12.2005": month/year.
  m = /^(?:tháng\s*)?(\d{1,2})\s*[/.]\s*(\d{4})$/i.exec(s);
  if (m) return date(ym(num(m[2]), num(m[1])));
  // "21 tháng 10 năm 2022", "2 tháng 9 2016", "9 tháng 12năm 1990 (từ chức)".
  m = /^(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm\s*)?(\d{4})\b/i.exec(s);
  if (m) return date(ymd(num(m[3]), num(m[2]), num(m[1])));
  // "tháng 5 năm 2020", "Tháng 5 / 2020", "Tháng 12, năm 2019".
  m = /^tháng\s*(\d{1,2})\s*[,/]?\s*(?:năm\s*)?(\d{4})$/i.exec(s);
  if (m) return date(ym(num(m[2]), num(m[1])));
  return { kind: 'unknown', raw: s };
}

// Post words that head an office title; the rest, when it starts like the name of
// a body, is that body. Tried longest first so "Phó Bí thư Thường trực" wins over
// "Phó Bí thư"; compared without case because editors capitalise "Ban"/"ban" freely.
const ROLES = [
  'Phó Bí thư Thường trực',
  'Phó Chủ tịch Thường trực',
  'Phó Chủ nhiệm Thường trực',
  'Phó Trưởng ban Thường trực',
  'Phó Chánh án Thường trực',
  'Phó Viện trưởng Thường trực',
  'Bí thư thứ nhất',
  'Quyền Bộ trưởng',
  'Quyền Chủ tịch',
  'Phó Bí thư',
  'Bí thư',
  'Phó Chủ tịch',
  'Chủ tịch',
  'Bộ trưởng',
  'Thứ trưởng',
  'Phó Chủ nhiệm',
  'Chủ nhiệm',
  'Phó Trưởng ban',
  'Trưởng ban',
  'Phó Chánh Văn phòng',
  'Chánh Văn phòng',
  'Phó Chánh án',
  'Chánh án',
  'Phó Viện trưởng',
  'Viện trưởng',
  'Phó Giám đốc',
  'Giám đốc',
  'Phó Tổng cục trưởng',
  'Tổng cục trưởng',
  'Phó Cục trưởng',
  'Cục trưởng',
  'Phó Vụ trưởng',
  'Vụ trưởng',
  'Phó Tư lệnh',
  'Tư lệnh',
  'Chính ủy',
  'Phó Chính ủy',
  'Phó Thống đốc',
  'Thống đốc',
  'Phó Tổng Thanh tra',
  'Tổng Thanh tra',
  'Phó Tổng Kiểm toán',
  'Ủy viên Thường vụ',
  'Ủy viên dự khuyết',
  'Ủy viên Dự khuyết',
  'Ủy viên',
  'Tổng Thư ký',
  'Tổng Bí thư',
  'Đại biểu',
  'Phó Thủ tướng Thường trực',
  'Phó Thủ tướng',
  'Thủ tướng',
  'Phó Tổng Giám đốc',
  'Tổng Giám đốc',
  'Phó Tổng Biên tập',
  'Tổng Biên tập',
  'Phó Chánh Thanh tra',
  'Chánh Thanh tra',
  'Thủ trưởng',
  'Thành viên',
  'Tổng Kiểm toán',
  'Phó Tổng Tham mưu trưởng',
  'Tổng Tham mưu trưởng',
  'Tham mưu trưởng',
  'Thường trực',
].sort((a, b) => b.length - a.length);

const BODY_HEADS =
  /^(Bộ|Ban|Ủy ban|Uỷ ban|UBND|HĐND|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Đảng ủy|Đảng uỷ|Đảng đoàn|Quân ủy|Hội đồng|Văn phòng|Sở|Cục|Tổng cục|Vụ|Viện|Tòa án|Toà án|Quân khu|Quân đoàn|Quân chủng|Binh chủng|Bộ Tư lệnh|Công an|Mặt trận|Tổng Liên đoàn|Hội|Trung ương|Học viện|Đại học|Kiểm toán Nhà nước|Ngân hàng|Quốc hội|Chính phủ|Thanh tra|Đoàn|Tổng Công ty|Tập đoàn|Đài|Thông tấn xã|Báo|Quân đội|Tạp chí|Cơ quan)(?=[\s,]|$)/u;

/** Roles whose last word is also the first word of the body: "Trưởng ban Tổ chức Trung ương" → "Ban Tổ chức Trung ương". */
const ROLE_BODY_PREFIX: Record<string, string> = {
  'trưởng ban': 'Ban ',
  'phó trưởng ban': 'Ban ',
  'phó trưởng ban thường trực': 'Ban ',
  'tổng kiểm toán': 'Kiểm toán ',
  'phó tổng kiểm toán': 'Kiểm toán ',
};

const TERM_SUFFIX = /[\s,]+(khóa|khoá|nhiệm kỳ)\s.*$/iu;

/** "Thứ trưởng Bộ Quốc phòng" → "Bộ Quốc phòng"; null when no body can be split off cleanly. */
export function bodyOfOffice(title: string): string | null {
  const t = title.trim();
  const lower = t.toLowerCase();
  for (const role of ROLES) {
    if (!lower.startsWith(role.toLowerCase())) continue;
    const rest =
      (ROLE_BODY_PREFIX[role.toLowerCase()] ?? '') +
      t
        .slice(role.length)
        .replace(/^[\s,]+/, '')
        .replace(TERM_SUFFIX, '')
        .replace(/\s*\(.*$/, '')
        .trim();
    if (rest.length > 0 && rest.length <= 300 && BODY_HEADS.test(rest)) return rest;
    return null;
  }
  return null;
}

export interface PostParseReport {
  /** Posts dropped because their end could be neither dated nor read as open. */
  droppedUnknownEnd: number;
  /** Posts dropped because the infobox gives no date at all (they would read as current). */
  droppedUndated: number;
  /** Open ends closed at the date of death the same infobox gives. */
  closedAtDeath: number;
}

export function emptyPostReport(): PostParseReport {
  return { droppedUnknownEnd: 0, droppedUndated: 0, closedAtDeath: 0 };
}

function officeSuffixes(infobox: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(infobox)) {
    const m = /^office(\d*)$/.exec(key);
    if (m) out.push(m[1] ?? '');
  }
  // The unnumbered office comes first in the template; numbered ones follow in order.
  return out.sort((a, b) => (a === '' ? 0 : Number(a)) - (b === '' ? 0 : Number(b)));
}

function text(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/**
 * officeN / term_startN / term_endN → posts. A missing term_end next to a
 * term_start is read as the template reads it: incumbent (open end). An open end
 * of someone whose death date the infobox gives is closed at that date, since the
 * post cannot outlive its holder.
 */
export function parsePosts(
  infobox: Record<string, unknown>,
  report: PostParseReport = emptyPostReport(),
): Post[] {
  const death = parseTermValue(infobox.death_date);
  const posts: Post[] = [];
  for (const n of officeSuffixes(infobox)) {
    const title = text(infobox[`office${n}`]);
    if (title === null) continue;
    const start = parseTermValue(infobox[`term_start${n}`]);
    const end = parseTermValue(infobox[`term_end${n}`]);
    const startDate = start.kind === 'date' ? start.value : null;
    let endDate: string | null;
    if (end.kind === 'date') endDate = end.value;
    else if (end.kind === 'open' || (end.kind === 'missing' && startDate !== null)) endDate = null;
    else {
      if (end.kind === 'missing') report.droppedUndated++;
      else report.droppedUnknownEnd++;
      continue;
    }
    if (endDate === null && death.kind === 'date') {
      endDate = death.value;
      report.closedAtDeath++;
    }
    posts.push({ title: title.slice(0, 400), body: bodyOfOffice(title), start: startDate, end: endDate });
  }
  return posts;
}

/** birth_date as normalised by political-net (YYYY-MM-DD) or any shape parseTermValue reads. */
export function birthYearOf(value: unknown): number | null {
  const v = parseTermValue(value);
  if (v.kind !== 'date') return null;
  const y = Number(v.value.slice(0, 4));
  return y >= 1850 && y <= 2030 ? y : null;
}
