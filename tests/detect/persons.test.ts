// Officials: listed names, titles before and after, and the people news names but does not mean.
import { describe, expect, it } from 'vitest';
import { createDetector, type PersonMention } from '../../lib/detect/index.ts';
import { gazetteer } from '../fixtures/detect/gazetteer.ts';

const detector = createDetector(gazetteer);
const persons = (text: string) =>
  detector.detect(text).filter((m): m is PersonMention => m.kind === 'person');

describe('persons', () => {
  it.each<[string, string, string, string[]]>([
    ['rank before a listed name', 'Đại tướng Tô Lâm chủ trì', 'Tô Lâm', ['Đại tướng']],
    [
      'rank before an unknown name',
      'Thượng tá Nguyễn Hồng Phong phát biểu',
      'Nguyễn Hồng Phong',
      ['Thượng tá'],
    ],
    [
      'post and body before the name',
      'Bộ trưởng Bộ Công an Lương Tam Quang yêu cầu',
      'Lương Tam Quang',
      ['Bộ trưởng Bộ Công an'],
    ],
    [
      'post with level before the name',
      'Chủ tịch UBND tỉnh Võ Trọng Hải cho biết',
      'Võ Trọng Hải',
      ['Chủ tịch UBND tỉnh'],
    ],
    [
      'titles listed before the name',
      'Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu',
      'Tô Lâm',
      ['Tổng Bí thư', 'Chủ tịch nước'],
    ],
    [
      'titles after the name',
      'Thượng tướng Trần Quốc Tỏ, Ủy viên Trung ương Đảng, Phó Bí thư Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an dự',
      'Trần Quốc Tỏ',
      [
        'Thượng tướng',
        'Ủy viên Trung ương Đảng',
        'Phó Bí thư Đảng ủy Công an Trung ương',
        'Thứ trưởng Bộ Công an',
      ],
    ],
    [
      'comrade',
      'đồng chí Trương Thị Mai, Thường trực Ban Bí thư',
      'Trương Thị Mai',
      ['Thường trực Ban Bí thư'],
    ],
    [
      'lower-case titles after the name',
      'ông Đào Công Thiên, tỉnh ủy viên, Phó chủ tịch UBND tỉnh',
      'Đào Công Thiên',
      ['tỉnh ủy viên', 'Phó chủ tịch UBND tỉnh'],
    ],
    [
      'a title with its body in parentheses',
      'Phó Cục trưởng Cục Cảnh sát giao thông (Bộ Công an) Nguyễn Văn Bình',
      'Nguyễn Văn Bình',
      ['Phó Cục trưởng Cục Cảnh sát giao thông (Bộ Công an)'],
    ],
  ])('%s', (_name, text, name, titles) => {
    const [p] = persons(text);
    expect(p?.name).toBe(name);
    expect(p?.titles).toEqual(titles);
  });

  it('keeps each title with its own person', () => {
    const found = persons(
      'đồng chí Nguyễn Văn Minh, Phó Chủ tịch UBND tỉnh và Thiếu tướng Hoàng Quốc Bảo, Giám đốc Công an tỉnh',
    );
    expect(found.map((p) => [p.name, p.titles])).toEqual([
      ['Nguyễn Văn Minh', ['Phó Chủ tịch UBND tỉnh']],
      ['Hoàng Quốc Bảo', ['Thiếu tướng', 'Giám đốc Công an tỉnh']],
    ]);
  });

  it('finds a person named once with titles wherever the name recurs, with all the titles', () => {
    const text =
      'Đại tướng Tô Lâm, Bộ trưởng Bộ Công an dự. Sau đó, Tô Lâm nhấn mạnh. Bộ trưởng Tô Lâm yêu cầu.';
    const found = persons(text);
    expect(found).toHaveLength(3);
    for (const p of found) expect(p.titles).toEqual(['Đại tướng', 'Bộ trưởng Bộ Công an']);
  });

  it('finds "ông Hiển" once the article has named Nguyễn Đức Hiển', () => {
    const found = persons(
      'Ông Nguyễn Đức Hiển, Phó Bí thư Tỉnh ủy, được điều động. Ông Hiển từng công tác ở Trung ương.',
    );
    expect(found.map((p) => [p.text, p.name])).toEqual([
      ['Nguyễn Đức Hiển', 'Nguyễn Đức Hiển'],
      ['Hiển', 'Nguyễn Đức Hiển'],
    ]);
  });

  it('gives a name several listed people share no entity, one listed person its id', () => {
    expect(persons('Đại tướng Tô Lâm')[0]?.entity).toBe('p:to-lam');
    expect(persons('Thiếu tướng Nguyễn Văn An')[0]?.entity).toBeNull();
  });

  it.each([
    ['a byline', 'Tin, ảnh: Thu Phong'],
    ['a photo credit', 'Đoàn công tác làm việc. (Ảnh: Hoàng Hà)'],
    ['a street', 'trên đường Nguyễn Trãi, phố Lê Lợi'],
    ['a doctrine', 'học tập tư tưởng Hồ Chí Minh'],
    ['a private person with no title', 'anh Nguyễn Văn Tèo bán hàng ở chợ'],
    ['a defendant', 'bị cáo Vũ Huy Hoàng, cựu Bộ trưởng Công Thương, được giảm án'],
    ['a suspect named with others', 'khởi tố 84 bị can, trong đó có ông Phan Văn Vĩnh, cựu Tổng cục trưởng'],
    ['a title with no name', 'Bộ trưởng Bộ Công an yêu cầu các đơn vị'],
    ['an honorific alone', 'Ông Trần Văn Nam cho biết thêm'],
  ])('not an official: %s', (_name, text) => {
    const found = persons(text).map((p) => p.text);
    // An honorific with an unknown, untitled name is a private person until a title says otherwise.
    expect(found).toEqual([]);
  });
});

describe('persons seen in real news of other outlets', () => {
  it('finds an untitled full name after "ông" in a sentence about a post, and then everywhere', () => {
    const text =
      'Thủ tướng phê chuẩn miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh với ông Phạm Văn Thành. Ông Phạm Văn Thành bị kỷ luật.';
    expect(persons(text).map((p) => p.text)).toEqual(['Phạm Văn Thành', 'Phạm Văn Thành']);
  });

  it('leaves a private person after "ông" alone', () => {
    expect(persons('Hàng xóm kể ông Phạm Văn Tèo bán rau ở chợ.')).toEqual([]);
  });
});

describe('persons seen in a third set of real news', () => {
  it('finds a presiding judge', () => {
    const [p] = persons('Chủ tọa Vương Thị Thu Hà, Phó Chánh án TAND tỉnh tuyên án.');
    expect(p?.name).toBe('Vương Thị Thu Hà');
  });

  it.each([
    ["a footballer sharing a leader's name", 'cầu thủ Tô Lâm ghi bàn'],
    [
      'defendants listed after "các bị cáo gồm:"',
      'đối với các bị cáo gồm: Ông Nguyễn Đức Chung (cựu Chủ tịch UBND TP. Hà Nội) cùng bị cáo khác',
    ],
    [
      'defendants listed after "các bị cáo:"',
      'đề nghị án treo cho các bị cáo: Phạm Văn Vọng (cựu Bí thư Tỉnh ủy), Phùng Quang Hùng (cựu Chủ tịch UBND tỉnh) và Hà Hòa Bình (cựu Phó Chủ tịch UBND tỉnh).',
    ],
    [
      'defendants further on in a list whose brackets hold a semicolon',
      'Trong vụ án có 7 bị cáo gồm: Trần Văn Một (SN 1978; nguyên Trưởng Phòng Tài nguyên và Môi trường), Lê Văn Hai (nguyên Phó Chủ tịch UBND huyện), Phạm Văn Ba (SN 1980; nguyên Chánh Thanh tra huyện).',
    ],
  ])('not an official: %s', (_name, text) => {
    expect(persons(text).map((p) => p.text)).toEqual([]);
  });
});

describe('persons seen in a fifth set of real news', () => {
  it.each([
    [
      'a four-syllable name that starts with a listed three-syllable one',
      'Nguyễn Thị Cẩm Phương, Phó Chủ tịch HĐND tỉnh; Nguyễn Thị Hồng Lâm, TUV, Phó Chủ tịch HĐND tỉnh.',
      'Nguyễn Thị Hồng Lâm',
    ],
    [
      'a title after the name in lower case, on a provincial Party body of agencies and enterprises',
      'Nguyễn Việt Trí, ủy viên Ban Chấp hành Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh, Giám đốc Sở.',
      'Nguyễn Việt Trí',
    ],
    [
      'a member of an unnamed Party standing committee, with a post after it',
      'Cảnh cáo các ông: Vũ Đình Thủy, Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Sở Tài nguyên và Môi trường.',
      'Vũ Đình Thủy',
    ],
    [
      'a two-syllable name after "ông" and before a post',
      'Ngày 10-3, ông Nguyễn Hòa, Chủ tịch UBND quận Ngũ Hành Sơn, cho biết.',
      'Nguyễn Hòa',
    ],
  ])('finds %s', (_what, text, name) => {
    expect(persons(text).map((p) => p.text)).toContain(name);
  });

  it.each([
    [
      'a place named like a person, before a title in brackets',
      'Trạm Dịch vụ, Hỗ trợ nông nghiệp Văn Yên (nguyên Giám đốc Trung tâm Dịch vụ) và huyện Văn Yên.',
    ],
    [
      'a foreign head of state, also where the country is not repeated',
      'Chủ tịch nước Trung Quốc Tập Cận Bình đón đoàn. Đoàn hội đàm với Tổng Bí thư, Chủ tịch nước Tập Cận Bình.',
    ],
    ['a foreign minister', 'Điện đàm với Ủy viên Quốc vụ, Bộ trưởng Ngoại giao Trung Quốc Vương Nghị.'],
    [
      'defendants sentenced in a list, each after their former posts',
      'Bị cáo Phạm Tấn Hoàng, cựu Phó Chánh án TAND Cấp cao, bị tuyên 3 năm tù; Nguyễn Tấn Đức, cựu Chánh Tòa Hình sự TAND tỉnh Đắk Lắk, bị đề nghị 3 năm tù; Vũ Văn Tú, cựu thẩm phán TAND tỉnh, bị đề nghị 2 năm tù.',
    ],
    [
      'a suspect the arrest sentence names, and again where a post is given',
      'Công an tỉnh thi hành lệnh bắt bị can để tạm giam đối với ông Đinh Xuân Hướng. Cơ quan điều tra đã ra lệnh bắt bị can và khám xét nơi ở đối với ông Đinh Xuân Hướng (SN 1970), Bí thư Huyện ủy Như Thanh.',
    ],
  ])('not an official to mark: %s', (_what, text) => {
    expect(persons(text).map((p) => p.text)).toEqual([]);
  });
});

describe('persons seen in a sixth set of real news', () => {
  it.each([
    [
      'two-syllable names as entries of a list, each with a post after it',
      'Đinh Hồng Tiếng, Chỉ huy trưởng Bộ CHQS tỉnh Hà Tĩnh; Niê Ta, Chỉ huy trưởng Bộ CHQS tỉnh Hà Giang; Nguyễn Túy, Chỉ huy trưởng Bộ CHQS tỉnh Tuyên Quang.',
      ['Đinh Hồng Tiếng', 'Niê Ta', 'Nguyễn Túy'],
    ],
    [
      'an abbreviated membership and an acting post after the name',
      'Các đồng chí: Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh; Đào Văn Phước - UVTV, Trưởng Ban Tổ chức Tỉnh ủy.',
      ['Võ Tấn Đức', 'Đào Văn Phước'],
    ],
  ])('finds %s', (_what, text, names) => {
    expect(persons(text).map((p) => p.text)).toEqual(names);
  });
});

describe('persons seen in an eighth set of real news', () => {
  it('finds the names listed after "các ông, bà:" in a sentence about posts', () => {
    const text =
      'Phó Thủ tướng trao Quyết định bổ nhiệm Thứ trưởng cho các ông, bà: Nguyễn Hoàng Hiệp, Nguyễn Thị Phương Hoa, Hoàng Trung và Võ Văn Hưng.';
    expect(persons(text).map((p) => p.text)).toEqual([
      'Nguyễn Hoàng Hiệp',
      'Nguyễn Thị Phương Hoa',
      'Hoàng Trung',
      'Võ Văn Hưng',
    ]);
  });

  it('leaves such a list alone when the sentence is about no post', () => {
    expect(persons('Giải thưởng được trao cho các ông, bà: Nguyễn Văn Tèo, Trần Thị Tý.')).toEqual([]);
  });
});

describe('persons seen in a ninth set of real news', () => {
  it('takes a rank written in lower case as a title', () => {
    const text =
      'tạm đình chỉ công tác đối với trung tá Phạm Hải Cảng, Trạm trưởng Trạm CSGT số 2 và trung tá Phan Cẩm Tú, Đội phó.';
    expect(persons(text).map((p) => [p.text, p.titles[0]])).toEqual([
      ['Phạm Hải Cảng', 'trung tá'],
      ['Phan Cẩm Tú', 'trung tá'],
    ]);
  });

  it('takes no other post in lower case as a title before a name', () => {
    expect(persons('Ông ấy là giám đốc Nguyễn Văn Tèo ở chợ.').map((p) => p.text)).toEqual([]);
  });
});
