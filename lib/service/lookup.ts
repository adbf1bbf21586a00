// Answers a card request from whichever reader is current (the bundle in memory
// while the database is importing, the database after). Pure: the background
// only hands it a reader, so the same answers are tested in Node.

import { docKey, nameKey, symbolKey } from '../dataset/keys.ts';
import type { DocumentEntry, OrganizationEntry, PersonEntry } from '../dataset/schema.ts';
import { joinSymbol } from '../detect/doc-ref.ts';
import type { GazetteerDoc } from '../detect/index.ts';
import type { CardData, DocRefQuery, LookupManyRequest, LookupRequest, RelatedLink } from '../protocol.ts';
import { matchDocument } from '../resolve/index.ts';
import { postsOn } from '../store/person-post.ts';
import type { ReferenceReader } from '../store/reader.ts';
import type { AnswerCache } from './answer-cache.ts';
import { documentHeading } from './labels.ts';

type Entry = DocumentEntry | PersonEntry | OrganizationEntry;

export function isDocument(e: Entry): e is DocumentEntry {
  return 'status' in e && 'issuers' in e;
}
export function isPerson(e: Entry): e is PersonEntry {
  return 'posts' in e;
}
export function isOrganization(e: Entry): e is OrganizationEntry {
  return 'abbreviations' in e;
}

function toGazetteerDoc(d: DocumentEntry): GazetteerDoc {
  return {
    id: d.id,
    type: d.type,
    number: d.number,
    symbol: d.symbol,
    issuedDate: d.issuedDate,
    issuers: d.issuers,
    aliases: d.aliases,
  };
}

/** Per status: documents issued on or before the article's date, and after it, that a card weighs. */
export const CANDIDATES_NEAR_DATE = { before: 30, after: 3 } as const;

async function candidateDocuments(
  reader: ReferenceReader,
  ref: DocRefQuery,
  text: string,
  date: string,
): Promise<DocumentEntry[]> {
  const found = new Map<string, DocumentEntry>();
  // Of the documents sharing a number or symbol, those issued nearest the article's date:
  // a national-size base has a "1/QĐ-UBND" for every province and year.
  const near = { date, ...CANDIDATES_NEAR_DATE };
  if (ref.number && ref.symbol) {
    // matchDocument keeps only documents with this exact symbol, so asking for every
    // document of the type and number would only read rows to throw away.
    for (const d of await reader.documentsNear(
      'symbol',
      symbolKey(joinSymbol(ref.number, ref.symbol)),
      near,
    )) {
      found.set(d.id, d);
    }
  } else if (ref.number) {
    for (const d of await reader.documentsNear('key', docKey(ref.docType, ref.number), near))
      found.set(d.id, d);
  } else {
    // Named documents (Luật Đất đai 2024, Bộ luật Hình sự) are found by name.
    const { results: hits } = await reader.search(text, { limit: 5, today: date });
    const ids = hits.filter((h) => h.kind === 'document').map((h) => h.id);
    const entries = await reader.getByIds(ids);
    const wanted = nameKey(text);
    for (const e of entries.values()) {
      if (!isDocument(e)) continue;
      const names = [e.title ?? '', ...e.aliases].map(nameKey);
      if (names.includes(wanted)) found.set(e.id, e);
    }
  }
  return [...found.values()];
}

async function relatedLinks(reader: ReferenceReader, entry: DocumentEntry): Promise<RelatedLink[]> {
  if (entry.relations.length === 0) return [];
  const targets = await reader.getByIds(entry.relations.map((r) => r.target));
  return entry.relations.flatMap((r) => {
    const t = targets.get(r.target);
    return t && isDocument(t) ? [{ type: r.type, id: t.id, label: documentHeading(t) }] : [];
  });
}

async function documentCard(
  reader: ReferenceReader,
  entry: DocumentEntry,
  alternatives: DocumentEntry[],
): Promise<CardData> {
  return { kind: 'document', entry, alternatives, related: await relatedLinks(reader, entry) };
}

function personCard(entry: PersonEntry, date: string, titles: string[]): CardData {
  return { kind: 'person', entry, date, postsOnDate: postsOn(entry, date), titlesInArticle: titles };
}

async function organizationCard(reader: ReferenceReader, entry: OrganizationEntry): Promise<CardData> {
  const ids = [...(entry.parent ? [entry.parent] : []), ...entry.successors, ...entry.predecessors];
  const linked = await reader.getByIds(ids);
  const orgs = (list: string[]) =>
    list.flatMap((id) => {
      const e = linked.get(id);
      return e && isOrganization(e) ? [e] : [];
    });
  return {
    kind: 'organization',
    entry,
    parent: orgs(entry.parent ? [entry.parent] : [])[0] ?? null,
    successors: orgs(entry.successors),
    predecessors: orgs(entry.predecessors),
  };
}

/** A person of that name who held a post on the date is more likely the one meant. */
function pickPerson(list: PersonEntry[], date: string): PersonEntry | undefined {
  return list.find((p) => postsOn(p, date).length > 0) ?? list[0];
}

/** Of bodies/places sharing a name, prefer the one that existed on the date. */
function pickOrganization(list: OrganizationEntry[], date: string): OrganizationEntry | undefined {
  const existed = (o: OrganizationEntry) =>
    (!o.validFrom || o.validFrom <= date) && (!o.validTo || o.validTo >= date);
  return list.find(existed) ?? list[0];
}

export async function lookup(reader: ReferenceReader, req: LookupRequest, today: string): Promise<CardData> {
  const date = req.date ?? today;
  const q = req.query;
  switch (q.kind) {
    case 'id': {
      const e = (await reader.getByIds([q.id])).get(q.id);
      if (!e) return { kind: 'none', text: q.id };
      if (isDocument(e)) return documentCard(reader, e, []);
      if (isPerson(e)) return personCard(e, date, []);
      return organizationCard(reader, e);
    }
    case 'document': {
      const candidates = await candidateDocuments(reader, q.ref, q.text, date);
      const match = matchDocument(q.ref, candidates.map(toGazetteerDoc), date);
      const byId = new Map(candidates.map((d) => [d.id, d]));
      const ordered = [match.entity, ...match.candidates]
        .filter((id): id is string => id !== null)
        .filter((id, i, all) => all.indexOf(id) === i)
        .flatMap((id) => {
          const d = byId.get(id);
          return d ? [d] : [];
        });
      const [best, ...rest] = ordered;
      if (best) return documentCard(reader, best, rest);
      // A full citation on the page says enough for a card of its own.
      if (q.ref.symbol || q.ref.date || q.ref.issuer)
        return { kind: 'document-from-page', ref: q.ref, text: q.text };
      return { kind: 'none', text: q.text };
    }
    case 'person': {
      let entry: PersonEntry | undefined;
      if (q.entity) {
        const e = (await reader.getByIds([q.entity])).get(q.entity);
        if (e && isPerson(e)) entry = e;
      }
      if (!entry) {
        const byName = await reader.personsByNames([nameKey(q.name)]);
        entry = pickPerson([...byName.values()].flat(), date);
      }
      return entry
        ? personCard(entry, date, q.titles)
        : { kind: 'person-from-page', name: q.name, titles: q.titles };
    }
    case 'organization':
    case 'place': {
      let entry: OrganizationEntry | undefined;
      if (q.entity) {
        const e = (await reader.getByIds([q.entity])).get(q.entity);
        if (e && isOrganization(e)) entry = e;
      }
      if (!entry) {
        const byName = await reader.organizationsByNames([nameKey(q.name)]);
        entry = pickOrganization([...byName.values()].flat(), date);
      }
      return entry ? organizationCard(reader, entry) : { kind: 'none', text: q.name };
    }
  }
}

/** A page sends at most this many mentions at once; more is a bug or abuse, refused plainly. */
export const MAX_LOOKUPS_PER_REQUEST = 500;

/**
 * A page's mentions in one go: one reader batch (in IndexedDB, one read-only
 * transaction at one version), recent answers from `cache`. Answers come in
 * the order of the queries.
 */
export async function lookupMany(
  reader: ReferenceReader,
  req: LookupManyRequest,
  today: string,
  cache?: AnswerCache<CardData>,
): Promise<CardData[]> {
  if (req.queries.length > MAX_LOOKUPS_PER_REQUEST) {
    throw new RangeError(
      `At most ${MAX_LOOKUPS_PER_REQUEST} lookups per request (got ${req.queries.length}).`,
    );
  }
  const date = req.date ?? today;
  return reader.batch(async (r) => {
    cache?.useVersion(r.version);
    return Promise.all(
      req.queries.map(async (query) => {
        const key = JSON.stringify([date, query]);
        const hit = cache?.get(key);
        if (hit) return hit;
        const card = await lookup(r, { query, date }, today);
        cache?.set(key, card);
        return card;
      }),
    );
  });
}
