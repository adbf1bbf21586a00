// Provinces and centrally-run cities before and after the 1 July 2025
// reorganisation. A province that kept its name is still two entries: the
// pre-2025 unit and the post-2025 one differ in territory and in who governs it,
// so news from 2024 and from 2026 must resolve to different places.
import type { OrganizationEntry, Source } from './schema.ts';
import { slugify } from './slug.ts';

export interface ProvinceRecord {
  Code: string;
  Name: string;
  FullName: string;
  NameEn?: string;
}

export interface MergeRecord {
  level1_id: string;
  name: string;
  merges: { old_id: string; name: string; type?: string }[];
}

export interface SplitRecord {
  level1_id: string;
  name: string;
  splits: { new_id: string; name: string }[];
}

/** Row of the GSO letter 915/CTK-CSCL list: code → name as the letter writes it. */
export interface GsoRow {
  code: string;
  name: string;
  line: string;
}

export interface PlaceSourceFiles {
  pre: string;
  post: string;
  merges: string;
  splits: string;
  gso: string;
  retrieved: { pre: string; post: string; mapping: string };
}

/** Dated evidence for the switch-over; kept as data so tests can pass their own. */
export interface SwitchOver {
  lastDayOld: string;
  firstDayNew: string;
  source: Source;
}

export const PRE_SUFFIX = '@pre-2025';
export const POST_SUFFIX = '@2025';

export function placeId(name: string, post: boolean): string {
  return `place:${slugify(name)}${post ? POST_SUFFIX : PRE_SUFFIX}`;
}

export function parseGsoCsv(csv: string): GsoRow[] {
  const rows: GsoRow[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const m = /^\s*\d+\s*,\s*(\d{2})\s*,\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2]) rows.push({ code: m[1], name: m[2], line: line.trim() });
  }
  return rows;
}

const CITY_PREFIX = /^Thành phố\s+/u;
const PROVINCE_PREFIX = /^Tỉnh\s+/u;

function uniq(list: string[], exclude: string): string[] {
  const seen = new Set<string>([exclude]);
  const out: string[] = [];
  for (const s of list) {
    const t = s.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

export interface PlacesResult {
  places: OrganizationEntry[];
  warnings: string[];
}

/**
 * Builds the 63 + 34 place entries. The kind of a post-2025 unit follows the GSO
 * list of the reorganisation (which prefixes the six cities with "Thành phố"),
 * not the later province database, which already lists a later change of status.
 */
export function buildPlaces(
  pre: ProvinceRecord[],
  post: ProvinceRecord[],
  merges: MergeRecord[],
  splits: SplitRecord[],
  gso: GsoRow[],
  files: PlaceSourceFiles,
  switchOver: SwitchOver,
): PlacesResult {
  const warnings: string[] = [];
  const preIdByCode = new Map<string, string>();
  const postIdByCode = new Map<string, string>();
  for (const p of pre) preIdByCode.set(p.Code, placeId(p.Name, false));
  for (const p of post) postIdByCode.set(p.Code, placeId(p.Name, true));
  const gsoByCode = new Map(gso.map((r) => [r.code, r]));

  const successorsOf = new Map<string, string[]>();
  for (const s of splits) {
    const ids: string[] = [];
    for (const t of s.splits) {
      const id = postIdByCode.get(t.new_id);
      if (id) ids.push(id);
      else warnings.push(`splits.json: old ${s.level1_id} points to unknown new code ${t.new_id}`);
    }
    successorsOf.set(s.level1_id, ids);
  }
  const predecessorsOf = new Map<string, string[]>();
  for (const m of merges) {
    const ids: string[] = [];
    for (const t of m.merges) {
      const id = preIdByCode.get(t.old_id);
      if (id) ids.push(id);
      else warnings.push(`merges.json: new ${m.level1_id} lists unknown old code ${t.old_id}`);
    }
    predecessorsOf.set(m.level1_id, ids);
  }

  const places: OrganizationEntry[] = [];
  for (const p of pre) {
    const successors = [...new Set(successorsOf.get(p.Code) ?? [])].sort();
    if (successors.length === 0) warnings.push(`pre-2025 ${p.FullName} has no successor in splits.json`);
    places.push({
      id: placeId(p.Name, false),
      name: p.FullName,
      abbreviations: [],
      aliases: uniq([p.Name], p.FullName),
      kind: CITY_PREFIX.test(p.FullName) ? 'city' : 'province',
      parent: null,
      validFrom: null,
      validTo: switchOver.lastDayOld,
      successors,
      predecessors: [],
      sources: [
        { file: files.pre, retrieved: files.retrieved.pre, supports: ['name', 'aliases', 'kind'] },
        { file: files.splits, retrieved: files.retrieved.mapping, supports: ['successors'] },
        { ...switchOver.source, supports: ['validTo'] },
      ],
    });
  }
  for (const p of post) {
    const row = gsoByCode.get(p.Code);
    let kind: OrganizationEntry['kind'];
    let name = p.FullName;
    const sources: Source[] = [];
    if (row) {
      kind = CITY_PREFIX.test(row.name) ? 'city' : 'province';
      const dbKind = CITY_PREFIX.test(p.FullName) ? 'city' : 'province';
      if (dbKind !== kind) {
        warnings.push(
          `${p.FullName}: province database says ${dbKind}, GSO 915 list says ${kind}; kept ${kind}`,
        );
        name = `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.Name}`;
      }
      sources.push({
        file: files.gso,
        retrieved: files.retrieved.mapping,
        quote: row.line,
        supports: ['name', 'kind'],
      });
    } else {
      kind = CITY_PREFIX.test(p.FullName) ? 'city' : 'province';
      warnings.push(`${p.FullName}: not in the GSO 915 list; kind taken from the province database`);
    }
    const predecessors = [...new Set(predecessorsOf.get(p.Code) ?? [])].sort();
    if (predecessors.length === 0) warnings.push(`post-2025 ${p.FullName} has no predecessor in merges.json`);
    sources.unshift({
      file: files.post,
      retrieved: files.retrieved.post,
      supports: row ? ['name', 'aliases'] : ['name', 'aliases', 'kind'],
    });
    sources.push(
      { file: files.merges, retrieved: files.retrieved.mapping, supports: ['predecessors'] },
      { ...switchOver.source, supports: ['validFrom'] },
    );
    places.push({
      id: placeId(p.Name, true),
      name,
      abbreviations: [],
      aliases: uniq([p.Name, name.replace(CITY_PREFIX, '').replace(PROVINCE_PREFIX, '')], name),
      kind,
      parent: null,
      validFrom: switchOver.firstDayNew,
      validTo: null,
      successors: [],
      predecessors,
      sources,
    });
  }
  places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { places, warnings };
}
