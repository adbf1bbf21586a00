// Bodies and places, table-driven.
import { describe, expect, it } from 'vitest';
import { createDetector, type Mention } from '../../lib/detect/index.ts';
import { gazetteer } from '../fixtures/detect/gazetteer.ts';

const detector = createDetector(gazetteer);
const of = (kind: Mention['kind'], text: string, date?: string) =>
  detector
    .detect(text, date ? { date } : {})
    .filter((m) => m.kind === kind)
    .map((m) => [m.text, 'name' in m ? m.name : '', m.entity]);

describe('bodies', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    ['listed name', 'Bộ Chính trị họp', [['Bộ Chính trị', 'Bộ Chính trị', 'o:bct']]],
    [
      'abbreviation',
      'lực lượng CAND và BCA',
      [
        ['CAND', 'Công an nhân dân Việt Nam', 'o:cand'],
        ['BCA', 'Bộ Công an', 'o:bca'],
      ],
    ],
    [
      'tone placement',
      'Đảng uỷ Công an Trung ương',
      [['Đảng uỷ Công an Trung ương', 'Đảng ủy Công an Trung ương', 'o:ducatw']],
    ],
    ['short form', 'Đảng ủy CATW chỉ đạo', [['Đảng ủy CATW', 'Đảng ủy Công an Trung ương', 'o:ducatw']]],
    [
      'long name in lower case',
      'xây dựng lực lượng công an nhân dân',
      [['công an nhân dân', 'Công an nhân dân Việt Nam', 'o:cand']],
    ],
    [
      'T.Ư spelling',
      'Ủy ban Kiểm tra T.Ư quyết định',
      [['Ủy ban Kiểm tra T.Ư', 'Ủy ban Kiểm tra Trung ương', 'o:ubkttw']],
    ],
    [
      'local body with place',
      'UBND tỉnh Hà Tĩnh đề nghị',
      [['UBND tỉnh Hà Tĩnh', 'Ủy ban nhân dân tỉnh Hà Tĩnh', null]],
    ],
    [
      'police of a province by name',
      'Công an Hà Tĩnh cho biết',
      [['Công an Hà Tĩnh', 'Công an tỉnh Hà Tĩnh', null]],
    ],
    ['TP.HCM', 'UBND TP.HCM giao', [['UBND TP.HCM', 'Ủy ban nhân dân thành phố Hồ Chí Minh', null]]],
    [
      'unit inside a body',
      'Ban Thường vụ Đảng ủy Công an Trung ương',
      [['Ban Thường vụ Đảng ủy Công an Trung ương', 'Ban Thường vụ Đảng ủy Công an Trung ương', null]],
    ],
    [
      'district body, unknown place',
      'Công an huyện Cẩm Xuyên',
      [['Công an huyện Cẩm Xuyên', 'Công an huyện Cẩm Xuyên', null]],
    ],
    [
      'department by name',
      'Cục Cảnh sát giao thông hướng dẫn',
      [['Cục Cảnh sát giao thông', 'Cục Cảnh sát giao thông', 'o:c08']],
    ],
    [
      'department ended by a verb',
      'giao Sở Nông nghiệp và Môi trường xây dựng bảng giá',
      [['Sở Nông nghiệp và Môi trường', 'Sở Nông nghiệp và Môi trường', null]],
    ],
    [
      'two departments',
      'phối hợp với Sở Tư pháp và Sở Tài chính',
      [
        ['Sở Tư pháp', 'Sở Tư pháp', null],
        ['Sở Tài chính', 'Sở Tài chính', null],
      ],
    ],
    [
      'standing office of a council',
      'Thường trực HĐND tỉnh Hà Tĩnh',
      [['Thường trực HĐND tỉnh Hà Tĩnh', 'Thường trực Hội đồng nhân dân tỉnh Hà Tĩnh', null]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(of('organization', text)).toEqual(expected);
  });

  it('completes "Tỉnh ủy", "Công an tỉnh" and "UBND tỉnh" with the story\'s province', () => {
    const text = 'Tỉnh ủy Hà Tĩnh họp. Công an tỉnh báo cáo; UBND tỉnh chỉ đạo. Tỉnh ủy giao nhiệm vụ.';
    expect(of('organization', text).map((x) => x[1])).toEqual([
      'Tỉnh ủy Hà Tĩnh',
      'Công an tỉnh Hà Tĩnh',
      'Ủy ban nhân dân tỉnh Hà Tĩnh',
      'Tỉnh ủy Hà Tĩnh',
    ]);
  });

  it.each([
    ['party committees as a class', 'các cấp ủy và các tỉnh ủy, thành ủy'],
    [
      'every province',
      'Tỉnh ủy, thành ủy thành phố trực thuộc Trung ương; Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương',
    ],
    ['police units as a class', 'Công an các đơn vị, địa phương và Công an xã, phường, thị trấn'],
    ['a level alone below the province', 'lực lượng Công an xã được củng cố'],
    ['the bare head', 'Ủy ban nhân dân chịu trách nhiệm'],
    ['a building', 'tại Nhà Quốc hội'],
    ['a steering committee', 'Ban Chỉ đạo 35 họp'],
    ['a photo credit', 'Ảnh: Doãn Tấn - TTXVN'],
  ])('not a body: %s', (_name, text) => {
    expect(of('organization', text)).toEqual([]);
  });
});

describe('places', () => {
  it('takes the designator into the mention', () => {
    expect(of('place', 'tỉnh Hà Giang và TP Hồ Chí Minh', '2025-03-01').map((x) => x[0])).toEqual([
      'tỉnh Hà Giang',
      'TP Hồ Chí Minh',
    ]);
  });

  it("picks the province of the article's date across the 1 July 2025 merger", () => {
    expect(of('place', 'tỉnh Tuyên Quang', '2025-03-01')[0]?.[2]).toBe('pl:tuyen-quang@pre');
    expect(of('place', 'tỉnh Tuyên Quang', '2025-09-01')[0]?.[2]).toBe('pl:tuyen-quang@2025');
    // Hà Giang exists only before the merger: it is that one whatever the date.
    expect(of('place', 'tỉnh Hà Giang', '2025-09-01')[0]?.[2]).toBe('pl:ha-giang@pre');
  });

  it("is not a place inside a body or a person's name", () => {
    expect(of('place', 'Công an tỉnh Hà Tĩnh')).toEqual([]);
    expect(of('place', 'ông Nguyễn Hà Tĩnh')).toEqual([]);
  });
});

describe('bodies seen in real news of other outlets', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    [
      'city committee below the province',
      'Thành ủy Biên Hòa họp',
      [['Thành ủy Biên Hòa', 'Thành ủy Biên Hòa', null]],
    ],
    [
      'a district whose name ends in a surname',
      'UBND quận Ngũ Hành Sơn cho biết',
      [['UBND quận Ngũ Hành Sơn', 'Ủy ban nhân dân quận Ngũ Hành Sơn', null]],
    ],
    ['a numbered ward', 'UBND phường 8 tiếp dân', [['UBND phường 8', 'Ủy ban nhân dân phường 8', null]]],
    [
      'a ward Party committee',
      'Đảng ủy phường Hạc Thành ra mắt',
      [['Đảng ủy phường Hạc Thành', 'Đảng ủy phường Hạc Thành', null]],
    ],
    [
      'a police unit within a province',
      'Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh cho biết',
      [
        [
          'Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh',
          'Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh',
          null,
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(of('organization', text)).toEqual(expected);
  });

  it.each([
    ['an agency after a reporter', 'PV Thái Bình/CAND thông tin'],
    ['a foreign ministry', 'Thứ trưởng Bộ Công an Trung Quốc'],
    ['a foreign party', 'Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc'],
    ['bodies of every commune', 'HĐND và UBND các xã, phường'],
    ['a member, not the committee', 'ông A, Tỉnh ủy viên'],
  ])('not a body: %s', (_name, text) => {
    expect(of('organization', text)).toEqual([]);
  });
});

describe('bodies seen in a third set of real news', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    [
      'a department with a hyphenated code and its province',
      'Sở GD-ĐT tỉnh Hà Tĩnh cho biết',
      [['Sở GD-ĐT tỉnh Hà Tĩnh', 'Sở GD-ĐT tỉnh Hà Tĩnh', null]],
    ],
    [
      'a unit and its parent joined by a dash',
      'Cục Cảnh sát giao thông - Bộ Công an cho biết',
      [['Cục Cảnh sát giao thông - Bộ Công an', 'Cục Cảnh sát giao thông - Bộ Công an', null]],
    ],
    ['unique ministries after "các"', 'các Bộ Công an, Quốc phòng', [['Bộ Công an', 'Bộ Công an', 'o:bca']]],
  ])('%s', (_name, text, expected) => {
    expect(of('organization', text)).toEqual(expected);
  });

  it.each([
    ['"sở" inside "cơ sở"', 'các cơ sở y tế công lập'],
    ['a joint-stock company', 'Công ty CP Thép Hòa Phát'],
    ['a football team', 'đội Công an Hà Nội thắng trận'],
    ['a class of departments', 'các Sở Tư pháp được giao'],
    ['every delegation', 'Trưởng đoàn, Phó Trưởng Đoàn đại biểu Quốc hội ở các tỉnh'],
    ['the agency as publisher', 'TTXVN trân trọng giới thiệu'],
    ['the agency as the news source', 'TTXVN cho biết, ở Tây Ninh, lễ hội đã diễn ra.'],
    ['the agency as the news source, after "theo"', 'Theo TTXVN, lễ hội đã diễn ra.'],
    ['committees as a class', 'Phó Bí thư Tỉnh ủy, Thành ủy'],
    ['a list of heads for every province', 'chỉ định cấp ủy, HĐND, UBND, Ủy ban MTTQ các tỉnh, thành'],
  ])('not a body: %s', (_name, text) => {
    expect(of('organization', text)).toEqual([]);
  });
});

describe('bodies seen in a fourth set of real news', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    [
      'numbered military units, and a command of one',
      'Bộ Tư lệnh Quân khu 4 chỉ đạo Sư đoàn 324 và Sư đoàn 968. Quân khu 4 thực hành luyện tập.',
      [
        ['Bộ Tư lệnh Quân khu 4', 'Bộ Tư lệnh Quân khu 4', null],
        ['Sư đoàn 324', 'Sư đoàn 324', null],
        ['Sư đoàn 968', 'Sư đoàn 968', null],
        ['Quân khu 4', 'Quân khu 4', null],
      ],
    ],
    [
      "a province's department named with the province, no level word",
      'Sở Du lịch Hà Nội và Sở GD-ĐT Hà Tĩnh cho biết',
      [
        ['Sở Du lịch Hà Nội', 'Sở Du lịch thành phố Hà Nội', null],
        ['Sở GD-ĐT Hà Tĩnh', 'Sở GD-ĐT tỉnh Hà Tĩnh', null],
      ],
    ],
    [
      'a centrally run city is a city, not a province',
      'Công an Hà Nội cho biết',
      [['Công an Hà Nội', 'Công an thành phố Hà Nội', null]],
    ],
    [
      'the Party organisation of a body',
      'Đảng bộ HĐND tỉnh Hà Tĩnh tổ chức đại hội',
      [['Đảng bộ HĐND tỉnh Hà Tĩnh', 'Đảng bộ Hội đồng nhân dân tỉnh Hà Tĩnh', null]],
    ],
    [
      'a ministry abbreviated with a hyphen',
      'Bộ GD-ĐT ban hành',
      [['Bộ GD-ĐT', 'Bộ Giáo dục và Đào tạo', 'o:bgddt']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(of('organization', text)).toEqual(expected);
  });

  it.each([
    ['a unit word without its number', 'các quân khu, quân đoàn'],
    ['a number that is not a unit number', 'Sư đoàn/1 năm'],
  ])('not a body: %s', (_name, text) => {
    expect(of('organization', text)).toEqual([]);
  });
});

describe('bodies seen in a fifth set of real news', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    [
      'border guard commands and posts',
      'Ban Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh phối hợp với Đồn Biên phòng Cửa khẩu Cầu Treo.',
      [
        ['Ban Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh', 'Ban Chỉ huy Bộ đội Biên phòng tỉnh Hà Tĩnh', null],
        ['Đồn Biên phòng Cửa khẩu Cầu Treo', 'Đồn Biên phòng Cửa khẩu Cầu Treo', null],
      ],
    ],
    [
      "a Party commission's working office",
      'Cơ quan Ủy ban Kiểm tra Trung ương làm việc.',
      [['Cơ quan Ủy ban Kiểm tra Trung ương', 'Cơ quan Ủy ban Kiểm tra Trung ương', null]],
    ],
    [
      'a city below the province, after "TP."',
      'Công an TP. Chí Linh phát hiện vụ việc.',
      [['Công an TP. Chí Linh', 'Công an thành phố Chí Linh', null]],
    ],
    [
      'not a city: a person\'s name after "TP."',
      'Chủ tịch UBND TP. Nguyễn Văn An dự.',
      [['UBND TP.', 'Ủy ban nhân dân thành phố', null]],
    ],
    [
      'an abbreviation glossed in brackets inside the name',
      'Cơ quan Cảnh sát điều tra (CSĐT) Bộ Công an khởi tố vụ án.',
      [['Cơ quan Cảnh sát điều tra (CSĐT) Bộ Công an', 'Cơ quan Cảnh sát điều tra Bộ Công an', null]],
    ],
    [
      'a glossed abbreviation before the listed rest of a name',
      'Ủy ban Kiểm tra (UBKT) Trung ương kết luận.',
      [['Ủy ban Kiểm tra (UBKT) Trung ương', 'Ủy ban Kiểm tra Trung ương', 'o:ubkttw']],
    ],
    [
      'the inspection commission by its usual abbreviation',
      'UBKT Trung ương đề nghị Bộ Chính trị xem xét.',
      [
        ['UBKT Trung ương', 'Ủy ban Kiểm tra Trung ương', 'o:ubkttw'],
        ['Bộ Chính trị', 'Bộ Chính trị', 'o:bct'],
      ],
    ],
    [
      "a department whose name's comma is written as a dash",
      'Sở Văn hóa – Thể thao và Du lịch tỉnh Hà Tĩnh thông báo.',
      [
        [
          'Sở Văn hóa – Thể thao và Du lịch tỉnh Hà Tĩnh',
          // The name as read, after the dash family is unified.
          'Sở Văn hóa - Thể thao và Du lịch tỉnh Hà Tĩnh',
          null,
        ],
      ],
    ],
    [
      'a regional court of 2025',
      'Tòa án nhân dân Khu vực 5 xét xử sơ thẩm.',
      [['Tòa án nhân dân Khu vực 5', 'Tòa án nhân dân khu vực 5', null]],
    ],
    [
      "a provincial anti-corruption steering committee's standing members",
      'Thường trực Ban Chỉ đạo Phòng chống tham nhũng, lãng phí, tiêu cực tỉnh họp.',
      [
        [
          'Thường trực Ban Chỉ đạo Phòng chống tham nhũng, lãng phí, tiêu cực tỉnh',
          'Thường trực Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh',
          null,
        ],
      ],
    ],
    [
      "the Front's committee by its other abbreviation, and civil judgment enforcement",
      'Ban Thường trực Ủy ban MTTQVN tỉnh và Thi hành án dân sự tỉnh phối hợp.',
      [
        ['Ban Thường trực Ủy ban MTTQVN tỉnh', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', null],
        ['Thi hành án dân sự tỉnh', 'Thi hành án dân sự tỉnh', null],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(of('organization', text)).toEqual(expected);
  });
});

describe('bodies seen in a sixth set of real news', () => {
  it.each<[string, string, string[]]>([
    [
      "the standing deputy head's title is not a board",
      'Phó trưởng Ban Thường trực Ban Tổ chức Trung ương phát biểu.',
      ['Ban Tổ chức Trung ương'],
    ],
    [
      'a board written in lower case after its head',
      'Nguyễn Thị Thu Hường, Trưởng ban Tuyên giáo Tỉnh ủy, dự.',
      ['ban Tuyên giáo Tỉnh ủy'],
    ],
    [
      '"và Phòng, chống" inside a department\'s name',
      'Cục Quản lý đê điều và Phòng, chống thiên tai cho biết.',
      ['Cục Quản lý đê điều và Phòng, chống thiên tai'],
    ],
    [
      "an Assembly committee named with the Assembly's name",
      'Ủy ban Tài chính - Ngân sách của Quốc hội thẩm tra; Ủy ban nhân dân tỉnh của Quốc hội.',
      ['Ủy ban Tài chính - Ngân sách của Quốc hội', 'Ủy ban nhân dân tỉnh', 'Quốc hội'],
    ],
    [
      "the Front's committee as one abbreviation, and a province's civil defence command",
      'UBMTTQVN tỉnh và Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh phối hợp.',
      ['UBMTTQVN tỉnh', 'Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh'],
    ],
  ])('%s', (_name, text, spans) => {
    expect(of('organization', text).map(([span]) => span)).toEqual(spans);
  });
});

describe('bodies seen in an eighth set of real news', () => {
  it.each<[string, string, string[]]>([
    [
      'abbreviations a body defines in brackets, where they recur',
      'Bộ Giáo dục và Đào tạo (GDĐT) hướng dẫn; đại diện GDĐT phát biểu; Sở GDĐT Hà Tĩnh thực hiện.',
      ['Bộ Giáo dục và Đào tạo', 'GDĐT', 'GDĐT', 'Sở GDĐT Hà Tĩnh'],
    ],
    [
      'not letters that gloss the place in a name',
      'Công an Thành phố Hồ Chí Minh (TPHCM) cho biết.',
      ['Công an Thành phố Hồ Chí Minh'],
    ],
    [
      'two ministries named after "hai"',
      'các đơn vị trực thuộc hai Bộ Công an và Bộ Giáo dục và Đào tạo',
      ['Bộ Công an', 'Bộ Giáo dục và Đào tạo'],
    ],
    ["not two countries' ministries", 'quan hệ giữa hai nước và hai Bộ Công an, thúc đẩy hợp tác', []],
    ["the army's Party organisation", 'Đại hội đại biểu Đảng bộ Quân đội lần thứ XII', ['Đảng bộ Quân đội']],
  ])('%s', (_name, text, spans) => {
    expect(of('organization', text).map(([span]) => span)).toEqual(spans);
  });
});

describe('bodies seen in a ninth set of real news', () => {
  it.each<[string, string, string[]]>([
    ['a ministry by the first of its fields', 'Bộ Giáo dục đề nghị các trường', ['Bộ Giáo dục']],
    [
      'a department name stops before "và" and a rank',
      'Tổng cục Chính trị và Thượng tướng Trịnh Văn Quyết dự',
      ['Tổng cục Chính trị'],
    ],
    [
      "the outlet's dateline is not news, the same letters later are",
      'CAND - Sáng 5/12, Bộ Công an tổ chức hội nghị; lực lượng CAND được biểu dương.',
      ['Bộ Công an', 'CAND'],
    ],
    [
      'the Central Military Commission by its Party name',
      'Đảng ủy Quân sự Trung ương họp.',
      ['Đảng ủy Quân sự Trung ương'],
    ],
  ])('%s', (_name, text, spans) => {
    expect(of('organization', text).map(([span]) => span)).toEqual(spans);
  });
});

describe('bodies seen in a tenth set of real news', () => {
  it.each<[string, string, string[]]>([
    [
      'a legal name whose first comma news drops ("phòng chống")',
      'Chiều 25-12 Ban Chỉ đạo Trung ương về phòng chống tham nhũng, lãng phí, tiêu cực họp phiên thứ 29.',
      ['Ban Chỉ đạo Trung ương về phòng chống tham nhũng, lãng phí, tiêu cực'],
    ],
    [
      'and as the law writes it',
      'Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực họp.',
      ['Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực'],
    ],
  ])('%s', (_name, text, spans) => {
    expect(of('organization', text).map(([span]) => span)).toEqual(spans);
  });
});

describe('a glossed abbreviation before a level', () => {
  it('reads a local body through it, as the general gloss rule does', () => {
    expect(of('organization', 'Bộ Chỉ huy Quân sự (CHQS) tỉnh Hà Tĩnh tổ chức diễn tập.')).toEqual([
      ['Bộ Chỉ huy Quân sự (CHQS) tỉnh Hà Tĩnh', 'Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh', null],
    ]);
  });
});
