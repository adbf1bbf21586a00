// A generated stand-in for the national legal-document base (about 150,000
// documents), for the data and search benchmarks only: never shipped, never
// mixed into the real dataset. Shapes follow how Vietnamese documents are
// numbered (State symbols NN/YYYY/NĐ-CP, NN/QĐ-UBND; Party symbols NN-NQ/TU),
// titles are assembled from a word list, and every entry's source says it is
// synthetic. Seeded, so every run measures the same data.
import type { Dataset, DocStatus, DocumentEntry } from '../lib/dataset/schema.ts';

/** mulberry32: small, fast, good enough to spread synthetic data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  type: string;
  weight: number;
  /** Symbol from number, year and issuer code. */
  symbol(n: number, year: number, code: string): string;
  issuers: [name: string, code: string][];
}

const PROVINCES = [
  'Hà Nội',
  'Hải Phòng',
  'Đà Nẵng',
  'Cần Thơ',
  'Thành phố Hồ Chí Minh',
  'Nghệ An',
  'Thanh Hóa',
  'Quảng Ninh',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'An Giang',
  'Tây Ninh',
  'Lào Cai',
  'Tuyên Quang',
  'Huế',
];
const MINISTRIES: [string, string][] = [
  ['Bộ Tài chính', 'BTC'],
  ['Bộ Y tế', 'BYT'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT'],
  ['Bộ Công an', 'BCA'],
  ['Bộ Xây dựng', 'BXD'],
  ['Bộ Nội vụ', 'BNV'],
  ['Bộ Công Thương', 'BCT'],
  ['Bộ Tư pháp', 'BTP'],
  ['Ngân hàng Nhà nước Việt Nam', 'NHNN'],
];
const UBND: [string, string][] = PROVINCES.map((p) => [`Ủy ban nhân dân ${p}`, 'UBND']);

const SHAPES: Shape[] = [
  {
    type: 'Quyết định',
    weight: 40,
    symbol: (n, _y, c) => `${n}/QĐ-${c}`,
    issuers: [...UBND, ['Thủ tướng Chính phủ', 'TTg']],
  },
  { type: 'Công văn', weight: 18, symbol: (n, _y, c) => `${n}/${c}-VP`, issuers: [...UBND, ...MINISTRIES] },
  { type: 'Thông tư', weight: 10, symbol: (n, y, c) => `${n}/${y}/TT-${c}`, issuers: MINISTRIES },
  {
    type: 'Nghị quyết',
    weight: 8,
    symbol: (n, y) => `${n}/${y}/NQ-HĐND`,
    issuers: PROVINCES.map((p) => [`Hội đồng nhân dân ${p}`, 'HĐND']),
  },
  { type: 'Nghị định', weight: 5, symbol: (n, y) => `${n}/${y}/NĐ-CP`, issuers: [['Chính phủ', 'CP']] },
  { type: 'Kế hoạch', weight: 8, symbol: (n, _y, c) => `${n}/KH-${c}`, issuers: UBND },
  {
    type: 'Chỉ thị',
    weight: 3,
    symbol: (n, _y, c) => `${n}/CT-${c}`,
    issuers: [...UBND, ['Thủ tướng Chính phủ', 'TTg']],
  },
  { type: 'Thông báo', weight: 5, symbol: (n, _y, c) => `${n}/TB-${c}`, issuers: UBND },
  {
    type: 'Nghị quyết',
    weight: 3,
    symbol: (n) => `${n}-NQ/TU`,
    issuers: PROVINCES.map((p) => [`Tỉnh ủy ${p}`, 'TU']),
  },
];
const TOTAL_WEIGHT = SHAPES.reduce((s, x) => s + x.weight, 0);

const OPENERS = [
  'Về việc',
  'Quy định',
  'Hướng dẫn',
  'Ban hành',
  'Phê duyệt',
  'Sửa đổi, bổ sung',
  'Triển khai',
  'Tăng cường',
];
const TOPICS = [
  'quy hoạch sử dụng đất',
  'kế hoạch đầu tư công trung hạn',
  'quản lý ngân sách nhà nước',
  'phòng, chống thiên tai',
  'xây dựng nông thôn mới',
  'chuyển đổi số',
  'cải cách thủ tục hành chính',
  'bảo hiểm xã hội',
  'an toàn giao thông',
  'phát triển du lịch',
  'giáo dục phổ thông',
  'khám bệnh, chữa bệnh',
  'bồi thường, hỗ trợ, tái định cư',
  'quản lý chất thải rắn',
  'tổ chức bộ máy',
  'tuyển dụng công chức',
  'giá đất',
  'phòng cháy, chữa cháy',
  'thu hút đầu tư',
  'khoa học và công nghệ',
];
const TAILS = [
  'trên địa bàn',
  'giai đoạn 2021-2025',
  'năm',
  'đến năm 2030',
  'của ngành',
  'tại các xã',
  'cấp huyện',
];
const STATUSES: DocStatus[] = ['in_force', 'in_force', 'expired', 'unknown', 'unknown', 'unknown'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

export function syntheticDocuments(count: number, seed = 150_000): DocumentEntry[] {
  const r = rng(seed);
  const used = new Set<string>();
  const out: DocumentEntry[] = [];
  while (out.length < count) {
    let w = r() * TOTAL_WEIGHT;
    let shape = SHAPES[0] as Shape;
    for (const s of SHAPES) {
      shape = s;
      w -= s.weight;
      if (w < 0) break;
    }
    const year = 1995 + Math.floor(r() ** 0.6 * 31);
    const [issuer, code] = pick(r, shape.issuers);
    const n = 1 + Math.floor(r() ** 2 * 3500);
    const symbol = shape.symbol(n, year, code);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const issued = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // Identity is symbol + date, as for real Party documents whose numbers restart.
    const id = `syn:${symbol}@${issued}@${issuer}`;
    if (used.has(id)) continue;
    used.add(id);
    const place =
      issuer.startsWith('Ủy ban') || issuer.startsWith('Hội đồng') || issuer.startsWith('Tỉnh ủy');
    const title = `${pick(r, OPENERS)} ${pick(r, TOPICS)} ${pick(r, TAILS)}${place ? ` ${pick(r, PROVINCES)}` : ` ${year}`}`;
    out.push({
      id,
      type: shape.type,
      number: String(n),
      symbol,
      issuers: [issuer],
      signer: null,
      issuedDate: issued,
      effectiveDate: null,
      status: pick(r, STATUSES),
      statusDate: null,
      title,
      summary: null,
      aliases: [],
      relations: [],
      sources: [{ file: 'synthetic (tools/synthetic-dataset.ts)' }],
    });
  }
  return out;
}

/** The real dataset plus `count` synthetic documents, as one dataset of the same version. */
export function withSynthetic(real: Dataset, count: number): Dataset {
  return { ...real, documents: [...real.documents, ...syntheticDocuments(count)] };
}
