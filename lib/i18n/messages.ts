// Every UI string, in Vietnamese (default) and English. Components ask for keys,
// never hard-code text, so a language switch reaches every surface.
const vi = {
  extName: 'RefLens',
  extDescription: 'Thẻ tra cứu văn bản, nhân vật và cơ quan được nhắc tới trong báo chí Việt Nam.',
  cardLabel: 'Thông tin tham chiếu',
  kindDocument: 'Văn bản',
  kindPerson: 'Nhân vật',
  kindOrganization: 'Cơ quan',
  kindPlace: 'Địa danh',
  fieldIssuer: 'Cơ quan ban hành',
  fieldSigner: 'Người ký',
  fieldIssued: 'Ngày ban hành',
  fieldEffective: 'Ngày hiệu lực',
  fieldStatus: 'Tình trạng',
  fieldSource: 'Nguồn',
  fieldParent: 'Trực thuộc',
  fieldAbbreviations: 'Viết tắt',
  fieldBecame: 'Sau sắp xếp',
  fieldFormedFrom: 'Hình thành từ',
  fieldValid: 'Thời gian',
  fieldPostOnDate: 'Chức vụ ngày {date}',
  fieldTitlesInArticle: 'Bài viết ghi',
  fieldBorn: 'Năm sinh',
  statusIn_force: 'Còn hiệu lực',
  statusExpired: 'Hết hiệu lực',
  statusNot_yet_in_force: 'Chưa có hiệu lực',
  statusUnknown: 'Không xác định',
  relReplaces: 'Thay thế',
  relReplacedBy: 'Bị thay thế bởi',
  relAmends: 'Sửa đổi',
  relAmendedBy: 'Được sửa đổi bởi',
  relGuides: 'Hướng dẫn',
  relGuidedBy: 'Được hướng dẫn bởi',
  relImplements: 'Triển khai',
  relImplementedBy: 'Được triển khai bởi',
  sameNumber: '{n} văn bản cùng số',
  fromPage: 'Theo nội dung trang (chưa có trong dữ liệu)',
  notFound: 'Không tìm thấy trong dữ liệu RefLens',
  noPostOnDate: 'Không có chức vụ nào được ghi nhận vào ngày này',
  close: 'Đóng',
  searchPlaceholder: 'Tìm văn bản, nhân vật, cơ quan…',
  searchLabel: 'Tìm kiếm',
  noResults: 'Không có kết quả',
  datasetVersion: 'Dữ liệu phiên bản {version} ({built})',
  datasetLoading: 'Đang nạp dữ liệu…',
  present: 'nay',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  extName: 'RefLens',
  extDescription: 'Hover cards for documents, officials and bodies cited in Vietnamese news.',
  cardLabel: 'Reference details',
  kindDocument: 'Document',
  kindPerson: 'Person',
  kindOrganization: 'Body',
  kindPlace: 'Place',
  fieldIssuer: 'Issued by',
  fieldSigner: 'Signed by',
  fieldIssued: 'Issued',
  fieldEffective: 'In force from',
  fieldStatus: 'Status',
  fieldSource: 'Source',
  fieldParent: 'Part of',
  fieldAbbreviations: 'Abbreviations',
  fieldBecame: 'Became',
  fieldFormedFrom: 'Formed from',
  fieldValid: 'Period',
  fieldPostOnDate: 'Post on {date}',
  fieldTitlesInArticle: 'The article says',
  fieldBorn: 'Born',
  statusIn_force: 'In force',
  statusExpired: 'No longer in force',
  statusNot_yet_in_force: 'Not yet in force',
  statusUnknown: 'Status unknown',
  relReplaces: 'Replaces',
  relReplacedBy: 'Replaced by',
  relAmends: 'Amends',
  relAmendedBy: 'Amended by',
  relGuides: 'Guides',
  relGuidedBy: 'Guided by',
  relImplements: 'Implements',
  relImplementedBy: 'Implemented by',
  sameNumber: '{n} documents share this number',
  fromPage: 'From this page (not in the dataset yet)',
  notFound: 'Not found in the RefLens dataset',
  noPostOnDate: 'No post recorded on this date',
  close: 'Close',
  searchPlaceholder: 'Search documents, people, bodies…',
  searchLabel: 'Search',
  noResults: 'No results',
  datasetVersion: 'Dataset version {version} ({built})',
  datasetLoading: 'Loading data…',
  present: 'present',
};

export type Lang = 'vi' | 'en';
const tables: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/**
 * The same table in the extension i18n format (`_locales/<lang>/messages.json`),
 * so the manifest and `browser.i18n` read exactly the strings the UI uses.
 * Placeholders become `$name$` with a `placeholders` entry, as that format wants.
 */
export function toExtensionMessages(lang: Lang): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, text] of Object.entries(tables[lang])) {
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const message = text.replace(/\{(\w+)\}/g, (_, n: string) => `$${n}$`);
    out[key] = names.length
      ? { message, placeholders: Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }])) }
      : { message };
  }
  return out;
}
