// The document grammar, table-driven over the shapes of issue 3 and the seeds.
import { describe, expect, it } from 'vitest';
import { createDetector, type DocumentMention } from '../../lib/detect/index.ts';
import { gazetteer } from '../fixtures/detect/gazetteer.ts';

const detector = createDetector(gazetteer);
const docs = (text: string, date?: string) =>
  detector.detect(text, date ? { date } : {}).filter((m): m is DocumentMention => m.kind === 'document');

type Expect = Partial<{
  docType: string;
  number: string | null;
  symbol: string | null;
  year: number | null;
  issuer: string | null;
  date: string | null;
  subject: string;
  name: string;
}>;

describe('document references', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'Party symbol',
      'Theo Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng.',
      ['Nghị quyết số 12-NQ/TW'],
      {
        docType: 'Nghị quyết',
        number: '12',
        symbol: 'NQ/TW',
        year: 2022,
        issuer: 'Bộ Chính trị',
        date: '2022-03-16',
        subject: 'về đẩy mạnh xây dựng lực lượng',
      },
    ],
    [
      '"số:" and a local Party symbol',
      'Kế hoạch số: 118-KH/ĐUCA được triển khai.',
      ['Kế hoạch số: 118-KH/ĐUCA'],
      { symbol: 'KH/ĐUCA', issuer: 'Đảng ủy Công an Trung ương' },
    ],
    [
      'guidance of a central board',
      'Hướng dẫn số 01-HD/BTCTW',
      ['Hướng dẫn số 01-HD/BTCTW'],
      { number: '01', symbol: 'HD/BTCTW', issuer: 'Ban Tổ chức Trung ương' },
    ],
    [
      'Party regulation QĐi',
      'Quy định 07-QĐi/TW về xử lý kỷ luật',
      ['Quy định 07-QĐi/TW'],
      { symbol: 'QĐi/TW' },
    ],
    [
      'State decree, issuer from the symbol',
      'Nghị định 168/2024/NĐ-CP có hiệu lực.',
      ['Nghị định 168/2024/NĐ-CP'],
      { symbol: '2024/NĐ-CP', year: 2024, issuer: 'Chính phủ' },
    ],
    [
      'circular of a ministry',
      'Thông tư số 24/2023/TT-BCA',
      ['Thông tư số 24/2023/TT-BCA'],
      { issuer: 'Bộ Công an', year: 2023 },
    ],
    [
      'PM decision',
      'Quyết định số 1234/QĐ-TTg',
      ['Quyết định số 1234/QĐ-TTg'],
      { symbol: 'QĐ-TTg', issuer: 'Thủ tướng Chính phủ' },
    ],
    [
      'directive without year',
      'Chỉ thị 04/CT-BCA',
      ['Chỉ thị 04/CT-BCA'],
      { symbol: 'CT-BCA', issuer: 'Bộ Công an' },
    ],
    [
      'National Assembly law and resolution',
      'Luật số 31/2024/QH15 và Nghị quyết số 202/2025/QH15',
      ['Luật số 31/2024/QH15', 'Nghị quyết số 202/2025/QH15'],
      { issuer: 'Quốc hội' },
    ],
    [
      'joint circular',
      'Thông tư liên tịch số 01/2021/TTLT-BCA-BQP',
      ['Thông tư liên tịch số 01/2021/TTLT-BCA-BQP'],
      { docType: 'Thông tư liên tịch', symbol: '2021/TTLT-BCA-BQP' },
    ],
    [
      'spaces and dashes inside a symbol',
      'Nghị quyết số 12 – NQ / TW',
      ['Nghị quyết số 12 – NQ / TW'],
      { symbol: 'NQ/TW' },
    ],
    [
      'lower-case type with "số"',
      'thực hiện quyết định số 90 của Ban Bí thư',
      ['quyết định số 90'],
      { docType: 'Quyết định', number: '90', issuer: 'Ban Bí thư', symbol: 'QĐ/TW' },
    ],
    ['abbreviated type', 'NQ 57 đặt yêu cầu mới', ['NQ 57'], { docType: 'Nghị quyết', number: '57' }],
    [
      'date written out',
      'Nghị quyết số 21-NQ/TW ngày 16 tháng 6 năm 2022',
      ['Nghị quyết số 21-NQ/TW'],
      { date: '2022-06-16', year: 2022 },
    ],
    [
      'date with dashes',
      'Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị',
      ['Chỉ thị số 05-CT/TW'],
      { date: '2016-05-15', issuer: 'Bộ Chính trị' },
    ],
    [
      'issuer with a term',
      'Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII',
      ['Kết luận số 21-KL/TW'],
      { issuer: 'Ban Chấp hành Trung ương Đảng' },
    ],
    [
      'issuer and date before',
      'Ngày 16/3/2022, Bộ Chính trị đã ban hành Nghị quyết số 12 về đẩy mạnh',
      ['Nghị quyết số 12'],
      { issuer: 'Bộ Chính trị', year: 2022, symbol: 'NQ/TW' },
    ],
    [
      'an office as issuer',
      'Thủ tướng Chính phủ đã ban hành Công điện số 20/CĐ-TTg',
      ['Công điện số 20/CĐ-TTg'],
      { issuer: 'Thủ tướng Chính phủ' },
    ],
    [
      'Công văn starting with the issuer',
      'Công văn số 969/TTg-KGVX',
      ['Công văn số 969/TTg-KGVX'],
      { issuer: 'Thủ tướng Chính phủ' },
    ],
    [
      'year-only symbol',
      'theo Quyết định 02/2020 của UBND',
      ['Quyết định 02/2020'],
      { symbol: '2020', year: 2020 },
    ],
  ])('%s', (_name, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });

  it.each<[string, string, string[]]>([
    [
      'enumeration sharing a Party symbol',
      'các Nghị quyết số 18, 19-NQ/TW của Ban Chấp hành Trung ương',
      ['Nghị quyết số 18', '19-NQ/TW'],
    ],
    [
      'enumeration of short forms',
      'Nghị quyết 57, 59, 66 và 68 của Bộ Chính trị',
      ['Nghị quyết 57', '59', '66', '68'],
    ],
    [
      'numbers joined by dashes',
      'các nghị quyết 70-71-72 và Nghị quyết số 70-NQ/TW',
      ['nghị quyết 70', '71', '72', 'Nghị quyết số 70-NQ/TW'],
    ],
    ['a count after "và" ends the list', 'Nghị quyết 59 và 3 nghị quyết khác', ['Nghị quyết 59']],
    [
      'State enumeration, each its own symbol',
      'Nghị định số 100/2019/NĐ-CP và 123/2021/NĐ-CP',
      ['Nghị định số 100/2019/NĐ-CP', '123/2021/NĐ-CP'],
    ],
  ])('%s', (_name, text, spans) => {
    expect(docs(text).map((m) => m.text)).toEqual(spans);
  });

  it('gives enumerated members the shared suffix and issuer', () => {
    const [a, b] = docs('các Nghị quyết số 18, 19-NQ/TW của Ban Chấp hành Trung ương khóa XII');
    expect(a?.ref).toMatchObject({
      number: '18',
      symbol: 'NQ/TW',
      issuer: 'Ban Chấp hành Trung ương',
      term: 'XII',
    });
    expect(b?.ref).toMatchObject({ number: '19', symbol: 'NQ/TW' });
  });

  it.each<[string, string, Expect]>([
    ['law with year', 'Luật Đất đai 2024 quy định', { docType: 'Luật', name: 'Luật Đất đai', year: 2024 }],
    ['law with "năm"', 'theo Luật Đất đai năm 2024,', { name: 'Luật Đất đai', year: 2024 }],
    ['code', 'Bộ luật Hình sự quy định', { docType: 'Bộ luật', name: 'Bộ luật Hình sự' }],
    [
      'constitution',
      'Hiến pháp năm 2013 khẳng định',
      { docType: 'Hiến pháp', name: 'Hiến pháp năm 2013', year: 2013 },
    ],
    ['a law with a comma', 'Luật Phòng, chống tham nhũng được sửa', { name: 'Luật Phòng, chống tham nhũng' }],
    [
      'a law shortened by the text',
      'phổ biến Luật Trật tự, an toàn giao thông đến người dân',
      { name: 'Luật Trật tự, an toàn giao thông đường bộ' },
    ],
    [
      'plenum resolution',
      'Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng',
      { name: 'Nghị quyết Trung ương 4 khóa XII' },
    ],
    ['congress resolution', 'Nghị quyết Đại hội XIII của Đảng', { name: 'Nghị quyết Đại hội lần thứ XIII' }],
    ['scheme by number', 'Đề án 06 của Chính phủ', { docType: 'Đề án', number: '06' }],
  ])('named document: %s', (_name, text, fields) => {
    const [m] = docs(text);
    expect(m?.ref).toMatchObject(fields);
  });

  it('reads "Nghị quyết Trung ương 4 khóa XI, khóa XII" as two resolutions', () => {
    expect(docs('Nghị quyết Trung ương 4 khóa XI, khóa XII').map((m) => m.ref.name)).toEqual([
      'Nghị quyết Trung ương 4 khóa XI',
      'Nghị quyết Trung ương 4 khóa XII',
    ]);
  });

  it('reads a law amending several as one law', () => {
    const text =
      'dự thảo Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự, Luật Phá sản và Luật Hòa giải ở cơ sở.';
    expect(docs(text).map((m) => m.text)).toEqual([
      'Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự, Luật Phá sản và Luật Hòa giải ở cơ sở',
    ]);
  });

  it.each([
    [
      'verbs and common nouns',
      'quyết định thành lập tổ công tác, kết luận hội nghị, hướng dẫn người dân, kế hoạch năm 2025',
    ],
    ['articles and clauses', 'theo Điều 5, khoản 2 Điều 7 của luật'],
    ['roads, ordinals, counts', 'trên Quốc lộ 1A, lần thứ 12, 12 tỉnh phía Bắc'],
    ['dates, phones, prices', 'ngày 16/3/2022, đường dây nóng 0692324026, giá 25.000 đồng'],
    ['a bare type word', 'Nghị quyết đã đi vào cuộc sống; nghị quyết này rất quan trọng'],
    ['a newspaper name', 'báo Pháp Luật TP.HCM đưa tin'],
    ['a year after a type', 'Kế hoạch 2025 của ngành'],
    ['a count after a type', 'Nghị quyết 3 năm qua đã đi vào cuộc sống'],
  ])('not a reference: %s', (_name, text) => {
    expect(docs(text).map((m) => m.text)).toEqual([]);
  });

  it('drops a lower-case bare short form that no citation supports', () => {
    expect(docs('các nghị quyết 12 điểm mới').map((m) => m.text)).toEqual([]);
  });
});

describe('document references seen in real news of other outlets', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'a plan with a local symbol',
      'Phương án số 316/PA-UBND ngày 19/01/2024',
      ['Phương án số 316/PA-UBND'],
      { docType: 'Phương án', year: 2024 },
    ],
    [
      'a letter with a two-part code',
      'Công văn số 288/VPUBND/KT gửi các sở',
      ['Công văn số 288/VPUBND/KT'],
      { symbol: 'VPUBND/KT' },
    ],
    [
      '"Văn bản" with a symbol',
      'theo Văn bản 1454/ BTNMT-TCQLĐĐ',
      ['Văn bản 1454/ BTNMT-TCQLĐĐ'],
      { symbol: 'BTNMT-TCQLĐĐ' },
    ],
    [
      'issuer as the subject of the next clause',
      'Tại quyết định số 793, Thủ tướng Chính phủ quyết định kỷ luật',
      ['quyết định số 793'],
      { issuer: 'Thủ tướng Chính phủ' },
    ],
    [
      'date in words before the issuer',
      'Ngày 28 tháng 7 năm 2021, Ban Chấp hành Trung ương Đảng đã ban hành Quy định số 22-QĐ/TW',
      ['Quy định số 22-QĐ/TW'],
      { year: 2021, date: '2021-07-28' },
    ],
    [
      'the Party charter',
      'vi phạm Điều lệ Đảng',
      ['Điều lệ Đảng'],
      { docType: 'Điều lệ', name: 'Điều lệ Đảng' },
    ],
  ])('%s', (_name, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });

  it('does not read "văn bản" with a bare number as a citation', () => {
    expect(docs('đã ban hành 3 văn bản, văn bản 2 nêu rõ')).toEqual([]);
  });
});

describe('document references seen in a third set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'an urgent dispatch',
      'Công điện khẩn số 02 yêu cầu',
      ['Công điện khẩn số 02'],
      { docType: 'Công điện', number: '02' },
    ],
    [
      'a code by its abbreviation',
      'theo BLTTHS năm 2015',
      ['BLTTHS năm 2015'],
      { docType: 'Bộ luật', name: 'Bộ luật Tố tụng hình sự', year: 2015 },
    ],
    [
      'issuer before "đã có"',
      'Thủ tướng Chính phủ đã có công điện số 415',
      ['công điện số 415'],
      { issuer: 'Thủ tướng Chính phủ' },
    ],
    [
      'a chairman as issuer',
      'Quyết định số 3888/QĐ-UBND của Chủ tịch UBND tỉnh',
      ['Quyết định số 3888/QĐ-UBND'],
      { issuer: 'Chủ tịch Ủy ban nhân dân tỉnh' },
    ],
    [
      'issuer with its abbreviation in parentheses',
      'ngày 14/8/2025, Ủy ban Chứng khoán Nhà nước (UBCKNN) ban hành Quyết định số 541/QĐ - XPHC',
      ['Quyết định số 541/QĐ - XPHC'],
      { year: 2025, issuer: 'Ủy ban Chứng khoán Nhà nước' },
    ],
  ])('%s', (_name, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});

describe('document references seen in a fourth set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'a year after a symbol without one',
      'So với Nghị quyết 10-NQ/TW năm 2017, phát triển kinh tế tư nhân',
      ['Nghị quyết 10-NQ/TW'],
      { symbol: 'NQ/TW', year: 2017 },
    ],
    [
      '"năm" before a year is not a count of years',
      'nhằm thay thế cho Thông tư 17 năm 2012 có nhiều điểm mới',
      ['Thông tư 17'],
      { number: '17', year: 2012 },
    ],
    [
      'the date a sentence opens with, and the body signed for',
      'Ngày 4/5/2025, Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị ký Nghị quyết số 68-NQ/TW, coi kinh tế tư nhân',
      ['Nghị quyết số 68-NQ/TW'],
      { issuer: 'Bộ Chính trị', date: '2025-05-04', year: 2025 },
    ],
    [
      'acting for a body, the signer named between',
      'Thay mặt Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú ký ban hành Kết luận số 185-KL/TW, ngày 22/8/2025 về tăng cường',
      ['Kết luận số 185-KL/TW'],
      { issuer: 'Bộ Chính trị', date: '2025-08-22' },
    ],
    [
      'a post of a body signs; the body is not the issuer',
      'Thường trực Ban Bí thư ký ban hành Kết luận số 185-KL/TW về tăng cường lãnh đạo',
      ['Kết luận số 185-KL/TW'],
      { issuer: null, date: null },
    ],
    [
      'a date earlier in the sentence that is not this signing stays out',
      'Ngày 4/5/2025, tại hội nghị ngày 6/5, Bộ Chính trị ban hành Nghị quyết số 68-NQ/TW',
      ['Nghị quyết số 68-NQ/TW'],
      { issuer: 'Bộ Chính trị', date: null },
    ],
    [
      'an inspection conclusion',
      'vừa công khai Kết luận thanh tra số 08/KL-TTT ngày 2/12/2025 về thanh tra',
      ['Kết luận thanh tra số 08/KL-TTT'],
      { docType: 'Kết luận thanh tra', number: '08', symbol: 'KL-TTT', date: '2025-12-02' },
    ],
    [
      'an ampersand in the first part of a State symbol',
      'Sở ban hành văn bản số 2249/SGD&ĐT-GDTrH về việc hướng dẫn',
      ['văn bản số 2249/SGD&ĐT-GDTrH'],
      { symbol: 'SGD&ĐT-GDTrH' },
    ],
    [
      'an amending law naming the numbered laws it amends',
      'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024;',
      [
        'Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15',
      ],
      { docType: 'Luật', number: null },
    ],
    [
      'a ministry abbreviated with a hyphen as issuer',
      'các quy định về dạy thêm tại Thông tư số 29 của Bộ GD-ĐT.',
      ['Thông tư số 29'],
      { issuer: 'Bộ Giáo dục và Đào tạo' },
    ],
  ])('%s', (_name, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});

describe('document references seen in a fifth set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      '"số" inside a law\'s name when no number follows',
      'Quốc hội thông qua Luật Dân số; Luật Phòng bệnh.',
      ['Luật Dân số', 'Luật Phòng bệnh'],
    ],
    [
      '"số" before a law\'s number still ends the name',
      'theo Luật Đất đai số 31/2024/QH15 có hiệu lực',
      ['Luật Đất đai'],
    ],
    [
      'a law amending laws it counts rather than names',
      'Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự; Luật An ninh mạng.',
      [
        'Luật sửa đổi, bổ sung một số điều của 10 luật có liên quan đến an ninh, trật tự',
        'Luật An ninh mạng',
      ],
    ],
    [
      'a lower-case word before a capitalised type word is not part of the type',
      'triển khai tổ chức thực hiện thông báo Kết luận số 01 của Bộ Chính trị',
      ['Kết luận số 01'],
      { docType: 'Kết luận', number: '01', issuer: 'Bộ Chính trị' },
    ],
    [
      '"(sửa đổi)" after a law\'s name is outside the mention',
      'Luật Quy hoạch (sửa đổi); Luật Dân số.',
      ['Luật Quy hoạch', 'Luật Dân số'],
    ],
  ])('%s', (_what, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});

describe('document references seen in a sixth set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'the body whose direction a Party document carries',
      'Thực hiện chỉ đạo của Ban Chấp hành Trung ương Đảng tại Công văn số 65-CV/TW ngày 13/6/2025.',
      ['Công văn số 65-CV/TW'],
      { issuer: 'Ban Chấp hành Trung ương Đảng', date: '2025-06-13' },
    ],
    [
      "not for a State symbol, which names its own issuer (the Government Office's letter)",
      'Thực hiện ý kiến chỉ đạo của Phó Thủ tướng Chính phủ tại Văn bản số 5183/VPCP-NN ngày 1/7/2025.',
      ['Văn bản số 5183/VPCP-NN'],
      { issuer: 'Văn phòng Chính phủ' },
    ],
    [
      'the body that speaks through the document right after it',
      'Tại Văn bản số 2945/UBND-NNMT, ngày 22/8/2025, UBND tỉnh đề nghị các địa phương chủ động.',
      ['Văn bản số 2945/UBND-NNMT'],
      { issuer: 'Ủy ban nhân dân tỉnh' },
    ],
    [
      "a minister issues in the ministry's name",
      'Ngày 09/4/2024, Bộ trưởng Bộ Giáo dục và Đào tạo đã ban hành Quyết định số 955/QĐ-BGDĐT về việc công bố.',
      ['Quyết định số 955/QĐ-BGDĐT'],
      { issuer: 'Bộ Giáo dục và Đào tạo' },
    ],
    [
      "a local Party congress's resolution, named by its level",
      'Tổ chức quán triệt, triển khai thực hiện Nghị quyết Đại hội Đảng bộ phường nghiêm túc.',
      ['Nghị quyết Đại hội Đảng bộ phường'],
    ],
    [
      "the Assembly's resolution named by its session",
      'Nghị quyết số 42/2021/QH15 ngày 13/11/2021 của Quốc hội (Nghị quyết Kỳ họp thứ Hai của Quốc hội).',
      ['Nghị quyết số 42/2021/QH15', 'Nghị quyết Kỳ họp thứ Hai'],
    ],
  ])('%s', (_what, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});

describe('document references seen in a seventh set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'a dateline before the date a signing sentence opens with',
      '(TUAG)- Ngày 14/4/2025, Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị, ký ban hành Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp.',
      ['Chỉ thị số 45-CT/TW'],
      { issuer: 'Bộ Chính trị', date: '2025-04-14', year: 2025 },
    ],
    [
      "the committee's term between the issuer and the verb",
      'Ngày 14-11-2016, Ban Chấp hành Đảng bộ tỉnh khóa XIII đã ban hành Nghị quyết số 10-NQ/TU về huy động nguồn lực.',
      ['Nghị quyết số 10-NQ/TU'],
      { issuer: 'Ban Chấp hành Đảng bộ tỉnh', date: '2016-11-14', year: 2016 },
    ],
    [
      'an adverb before "ban hành", and a subject that ends where the next clause\'s body starts',
      'Thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 về đại hội, Ban Thường vụ Tỉnh ủy đã khẩn trương ban hành Kế hoạch số 08 về tổ chức đại hội.',
      ['Chỉ thị số 45-CT/TW', 'Kế hoạch số 08'],
      { subject: 'về đại hội' },
    ],
    [
      'a law whose name runs on past a listed one',
      'theo Luật Doanh nghiệp Nhà nước năm 2003',
      ['Luật Doanh nghiệp Nhà nước năm 2003'],
      { name: 'Luật Doanh nghiệp Nhà nước', year: 2003 },
    ],
    [
      'a plenum named by its ordinal, the Committee after a comma',
      'quán triệt Nghị quyết Hội nghị lần thứ Sáu, Ban chấp hành Trung ương Đảng Khóa XIII.',
      ['Nghị quyết Hội nghị lần thứ Sáu'],
      { name: 'Nghị quyết Trung ương 6 khóa XIII', issuer: 'Ban Chấp hành Trung ương' },
    ],
  ])('%s', (_what, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });

  it('gives the plan its issuer from the sentence', () => {
    const plan = docs(
      'Thực hiện Chỉ thị số 45-CT/TW, Ban Thường vụ Tỉnh ủy đã khẩn trương ban hành Kế hoạch số 08 về tổ chức đại hội.',
    ).find((d) => d.text === 'Kế hoạch số 08');
    expect(plan?.ref.issuer).toBe('Ban Thường vụ Tỉnh ủy');
  });
});

describe('document references seen in an eighth set of real news', () => {
  it.each<[string, string, string[]]>([
    [
      'a law whose name joins two like words with "và", the councils abbreviated',
      'Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND được thông qua.',
      ['Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND'],
    ],
    [
      'the same in full',
      'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân có hiệu lực.',
      ['Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân'],
    ],
    [
      '"và" before another law still ends a name',
      'Luật Khiếu nại và Luật Tố cáo.',
      ['Luật Khiếu nại', 'Luật Tố cáo'],
    ],
  ])('%s', (_what, text, spans) => {
    expect(docs(text).map((m) => m.text)).toEqual(spans);
  });
});

describe('document references seen in a ninth set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      'an ordinance cited by name',
      'Pháp lệnh Công nghiệp quốc phòng được thực hiện hiệu quả.',
      ['Pháp lệnh Công nghiệp quốc phòng'],
    ],
    [
      "a plenum's term in brackets, capitalised",
      'thực hiện Nghị quyết Trung ương 8 (Khóa IX) về chiến lược bảo vệ Tổ quốc',
      ['Nghị quyết Trung ương 8 (Khóa IX)'],
      { name: 'Nghị quyết Trung ương 8 khóa IX' },
    ],
  ])('%s', (_what, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});

describe('document references seen in a tenth set of real news', () => {
  it.each<[string, string, string[], Expect?]>([
    [
      "a listed law's name with the councils abbreviated is named as printed",
      'theo Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND, cử tri bầu',
      ['Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND'],
      { name: 'Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND' },
    ],
    [
      'full citations listed together share the date and issuer said after the last',
      'các Nghị quyết số 01/NQ-CP, Nghị quyết số 02/NQ-CP ngày 8/1/2025 của Chính phủ',
      ['Nghị quyết số 01/NQ-CP', 'Nghị quyết số 02/NQ-CP'],
      { number: '01', symbol: 'NQ-CP', date: '2025-01-08', year: 2025, issuer: 'Chính phủ' },
    ],
  ])('%s', (_what, text, spans, fields) => {
    const found = docs(text);
    expect(found.map((m) => m.text)).toEqual(spans);
    if (fields) expect(found[0]?.ref).toMatchObject(fields);
  });
});
