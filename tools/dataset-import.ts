// npm run dataset:import [-- --shared DIR]
// Regenerates the imported, reviewable source files in assets/data from the
// shared source snapshots. Hand-curated files (organizations.jsonl,
// seed-entries/) are never touched here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CensusLaw, CuratedRecord } from '../lib/dataset/documents.ts';
import { buildDocuments } from '../lib/dataset/documents.ts';
import { birthYearOf, emptyPostReport, parsePosts } from '../lib/dataset/infobox.ts';
import { toJsonl } from '../lib/dataset/jsonl.ts';
import { fold } from '../lib/dataset/keys.ts';
import type { MergeRecord, ProvinceRecord, SplitRecord } from '../lib/dataset/places.ts';
import { buildPlaces, parseGsoCsv } from '../lib/dataset/places.ts';
import type { PersonEntry } from '../lib/dataset/schema.ts';
import { slugify } from '../lib/dataset/slug.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets', 'data');

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Accepts the shared root (with data/sources inside) or the sources folder itself. */
function sourcesDir(): string | null {
  const given = argValue('--shared') ?? '/work/shared';
  for (const candidate of [join(given, 'data', 'sources'), given]) {
    if (existsSync(join(candidate, 'curated-documents'))) return candidate;
  }
  return null;
}

const dir = sourcesDir();
if (dir === null) {
  console.log(
    'dataset:import: no shared sources found (looked for curated-documents under --shared DIR or DIR/data/sources; default DIR is /work/shared).\n' +
      'Nothing was changed; the committed files in assets/data stay as they are.',
  );
  process.exit(0);
}

// Paths recorded in sources are relative to the shared root, so entries do not
// depend on where the snapshot happens to be mounted.
const rel = (p: string): string => `shared/data/sources/${p}`;
const read = (p: string): string => readFileSync(join(dir, p), 'utf8');
const readJson = <T>(p: string): T => JSON.parse(read(p)) as T;

/** "Commit: <hash> (2025-12-10)" → the date; a snapshot's retrieval date. */
function commitDate(readme: string, after = 'Commit'): string | undefined {
  const i = readme.indexOf(after);
  if (i < 0) return undefined;
  return /\((\d{4}-\d{2}-\d{2})\)/.exec(readme.slice(i))?.[1];
}

const warnings: string[] = [];

// Persons ---------------------------------------------------------------------
interface PoliticianRecord {
  title: string;
  id: string;
  infobox: Record<string, unknown>;
}
const PERSONS_FILE = 'vn-officials-politicalnet/politicians_data_normalized.expand.json';
const personsReadme = read('vn-officials-politicalnet/README.txt');
const personsRetrieved = commitDate(personsReadme);
const politicians = readJson<PoliticianRecord[]>(PERSONS_FILE);
const postReport = emptyPostReport();
const persons: PersonEntry[] = [];
const slugCount = new Map<string, number>();
for (const p of politicians) {
  const s = slugify(p.title);
  slugCount.set(s, (slugCount.get(s) ?? 0) + 1);
}
for (const p of politicians) {
  const title = p.title.normalize('NFC').trim();
  const name = title.replace(/\s*\(.*\)\s*$/, '').trim();
  const infoName =
    typeof p.infobox.name === 'string' ? p.infobox.name.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
  // The infobox name field sometimes carries a rank ("Thượng tướng, …") or markup; only a clean variant is an alias.
  const aliases =
    infoName && fold(infoName) !== fold(name) && infoName.length <= 300 && !/[[\]{}<>|,;()]/.test(infoName)
      ? [infoName]
      : [];
  const slug = slugify(title);
  // Two pages folding to one slug (diacritics only) keep apart by page id.
  const id = `person:${(slugCount.get(slug) ?? 0) > 1 ? `${slug}-${p.id}` : slug}`;
  const source: PersonEntry['sources'][number] = {
    url: `https://vi.wikipedia.org/wiki/${title.replace(/ /g, '_')}`,
    file: rel(PERSONS_FILE),
  };
  if (personsRetrieved) source.retrieved = personsRetrieved;
  persons.push({
    id,
    name,
    aliases,
    birthYear: birthYearOf(p.infobox.birth_date),
    posts: parsePosts(p.infobox, postReport).slice(0, 200),
    sources: [source],
  });
}
warnings.push(
  `persons: ${postReport.droppedUndated} posts without any date and ${postReport.droppedUnknownEnd} with an unreadable end were left out (either would read as current); ` +
    `${postReport.closedAtDeath} open ends were closed at the holder's date of death`,
);

// Places ----------------------------------------------------------------------
const PRE = 'vn-provinces-thanglequoc/pre-2025-63/simplified_json_generated_data_vn_units.json';
const POST = 'vn-provinces-thanglequoc/post-2025-34/full_json_generated_data_vn_units.json';
const MERGES = 'dvhcvn-2025-mapping/merges.json';
const SPLITS = 'dvhcvn-2025-mapping/splits.json';
const GSO = 'dvhcvn-2025-mapping/input-docs/915_CTK-CSCL.csv';
const provincesReadme = read('vn-provinces-thanglequoc/README.txt');
const mappingReadme = read('dvhcvn-2025-mapping/README.txt');
const placesResult = buildPlaces(
  readJson<ProvinceRecord[]>(PRE),
  readJson<ProvinceRecord[]>(POST),
  readJson<{ data: MergeRecord[] }>(MERGES).data,
  readJson<{ data: SplitRecord[] }>(SPLITS).data,
  parseGsoCsv(read(GSO)),
  {
    pre: rel(PRE),
    post: rel(POST),
    merges: rel(MERGES),
    splits: rel(SPLITS),
    gso: rel(GSO),
    retrieved: {
      pre: /fc33b74\w*\s*\((\d{4}-\d{2}-\d{2})\)/.exec(provincesReadme)?.[1] ?? '2025-07-19',
      post: /cd58063\w*\s*\(HEAD,\s*(\d{4}-\d{2}-\d{2})/.exec(provincesReadme)?.[1] ?? '2026-08-02',
      mapping: commitDate(mappingReadme) ?? '2025-07-12',
    },
  },
  {
    lastDayOld: '2025-06-30',
    firstDayNew: '2025-07-01',
    // The switch-over date is stated by this page; the source files carry no dates.
    source: {
      url: 'https://www.vietnamplus.vn/thong-tin-chi-tiet-ve-34-tinh-thanh-pho-tren-ca-nuoc-tu-ngay-17-post1047526.amp',
      quote: 'Từ ngày 1/7/2025, 34 đơn vị hành chính cấp tỉnh chính thức đi vào hoạt động.',
    },
  },
);
warnings.push(...placesResult.warnings.map((w) => `places: ${w}`));

// Documents -------------------------------------------------------------------
const CURATED = 'curated-documents/documents.jsonl';
const CENSUS = 'vn-laws-ansvar-census/census.json';
const curatedReadme = read('curated-documents/README.txt');
const curatedDate = /Date of curation:\s*(\d{4}-\d{2}-\d{2})/.exec(curatedReadme)?.[1];
const curated = read(CURATED)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as CuratedRecord);
const census = readJson<{ laws: CensusLaw[] }>(CENSUS).laws;
// Census rows other sources contradict (each reason names them); see buildDocuments.
const CENSUS_CONTRADICTED: Record<string, string> = {
  'notarization-law-2024':
    'it gives the Law on Notarization the number 43/2024/QH15, but xaydungchinhsach.chinhphu.vn ' +
    '("Luật Công chứng số 46/2024/QH15") numbers it 46/2024/QH15, and the curated record of ' +
    '43/2024/QH15 (thuviennhadat.vn) has it amending the Law on Credit Institutions',
};
const docsResult = buildDocuments(
  curated,
  census,
  {
    file: rel(CENSUS),
    retrieved: commitDate(read('vn-laws-ansvar-census/README.txt')) ?? '2026-02-28',
  },
  CENSUS_CONTRADICTED,
);
if (curatedDate) {
  for (const d of docsResult.documents)
    for (const s of d.sources) if (s.url && !s.file) s.retrieved = curatedDate;
}
warnings.push(...docsResult.warnings.map((w) => `documents: ${w}`));

// Output ----------------------------------------------------------------------
writeFileSync(join(OUT, 'persons.jsonl'), toJsonl(persons));
writeFileSync(join(OUT, 'places.jsonl'), toJsonl(placesResult.places));
writeFileSync(join(OUT, 'documents.jsonl'), toJsonl(docsResult.documents));
writeFileSync(
  join(OUT, 'import-notes.txt'),
  `Notes from the last \`npm run dataset:import\` (regenerated; do not edit by hand).\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n`,
);
console.log(
  `dataset:import: ${persons.length} persons, ${placesResult.places.length} places, ${docsResult.documents.length} documents written to assets/data ` +
    `(${warnings.length} notes in assets/data/import-notes.txt)`,
);
