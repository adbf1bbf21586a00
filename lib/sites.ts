// Sites the content script runs on by default (major Vietnamese news outlets and portals). localhost/127.0.0.1 are in every
// build so the demo and the browser tests exercise the real extension.
export const DEFAULT_NEWS_SITES = [
  'vnexpress.net',
  'tuoitre.vn',
  'thanhnien.vn',
  'dantri.com.vn',
  'vietnamnet.vn',
  'nhandan.vn',
  'baochinhphu.vn',
  'qdnd.vn',
  'cand.com.vn',
  'antv.gov.vn',
  'tienphong.vn',
  'laodong.vn',
  'vov.vn',
  'vtv.vn',
  'zingnews.vn',
  'znews.vn',
  'baomoi.com',
  'plo.vn',
  'nld.com.vn',
  'vietnamplus.vn',
  'sggp.org.vn',
  'hanoimoi.vn',
  'congan.com.vn',
  'tapchicongsan.org.vn',
  'dangcongsan.vn',
  'chinhphu.vn',
  'quochoi.vn',
];

export const DEV_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

export const contentMatches = [
  // `*.` also matches the bare domain.
  ...DEFAULT_NEWS_SITES.map((d) => `https://*.${d}/*`),
  ...DEV_HOSTS,
];
