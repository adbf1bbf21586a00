import { describe, expect, it } from 'vitest';
import { docKey, nameKey, symbolKey } from '../../lib/dataset/keys.ts';
import type { Dataset, DocumentEntry } from '../../lib/dataset/schema.ts';
import { MemoryReader } from '../../lib/store/memory-reader.ts';
import { aliasDocKey, documentOrder, keyBody, kindOf, RANK_SEP, termsOf } from '../../lib/store/terms.ts';
import { fixtureDataset } from '../search/fixture.ts';

describe('aliasDocKey', () => {
  it.each([
    ['Nghị quyết 57', 'Nghị quyết', 'nghi quyet|57'],
    ['NQ 57', 'Nghị quyết', 'nghi quyet|57'],
    ['NQ57', 'Nghị quyết', 'nghi quyet|57'],
    ['Nghị quyết số 57-NQ/TW', 'Nghị quyết', 'nghi quyet|57'],
    ['Nghị quyết 12 về Công an nhân dân', 'Nghị quyết', 'nghi quyet|12'],
    ['NĐ 168', 'Nghị định', 'nghi dinh|168'],
    ['Nghị định 06', 'Nghị định', 'nghi dinh|6'],
    // another type's short form is not this document's key
    ['NĐ 168', 'Nghị quyết', null],
    // names with a year are not type + number
    ['Luật Đất đai 2024', 'Luật', null],
    ['Luật ĐĐ 2024', 'Luật', null],
    ['Bộ luật Hình sự', 'Bộ luật', null],
  ])('%s (%s) → %s', (alias, type, key) => {
    expect(aliasDocKey(alias, type)).toBe(key);
  });
});

describe('documentOrder: the tie order the d: and s: keys sort in', () => {
  it('puts in force first, then newest first, undated last, expired after all that', () => {
    const docs = [
      { id: 'expired-new', status: 'expired', issuedDate: '2025-01-01' },
      { id: 'unknown-undated', status: 'unknown', issuedDate: null },
      { id: 'in-force-old', status: 'in_force', issuedDate: '1999-05-01' },
      { id: 'unknown-new', status: 'unknown', issuedDate: '2024-02-02' },
      { id: 'in-force-new', status: 'in_force', issuedDate: '2024-01-18' },
      { id: 'not-yet', status: 'not_yet_in_force', issuedDate: '2023-01-01' },
    ] as const;
    const sorted = [...docs].sort((a, b) => (documentOrder(a) < documentOrder(b) ? -1 : 1)).map((d) => d.id);
    expect(sorted).toEqual([
      'in-force-new',
      'in-force-old',
      'unknown-new',
      'not-yet',
      'unknown-undated',
      'expired-new',
    ]);
  });

  it('keeps a key with its order inside the range of the bare key, and below longer numbers', () => {
    const k = `d:nghi dinh|168${RANK_SEP}079758773`;
    expect(keyBody(k)).toBe('d:nghi dinh|168');
    expect(k.startsWith(`d:nghi dinh|168${RANK_SEP}`)).toBe(true);
    expect(k < 'd:nghi dinh|1680').toBe(true);
    expect(keyBody('n:to lam')).toBe('n:to lam');
  });
});

describe('termsOf', () => {
  const d = fixtureDataset();
  const byId = (id: string) => {
    const e = [...d.documents, ...d.persons, ...d.organizations].find((x) => x.id === id);
    if (!e) throw new Error(id);
    return termsOf(e);
  };

  it('indexes a document under type + number, symbol, names and words', () => {
    const t = byId('doc:168/2024/NĐ-CP');
    expect(t.kind).toBe('document');
    expect(t.k).toEqual(
      expect.arrayContaining([
        `d:nghi dinh|168${RANK_SEP}079758773`, // in force, issued 2024-12-26
        `s:168/2024/nd-cp${RANK_SEP}079758773`,
        'n:nd 168',
        'w:nghi',
        'w:168',
        'w:2024',
        'w:giao',
      ]),
    );
    expect(t.label).toBe('Nghị định số 168/2024/NĐ-CP');
    expect(t.g).toBeUndefined();
  });

  it('marks laws, persons, bodies and places for the gazetteer', () => {
    expect(byId('doc:31/2024/QH15').g).toBe(1);
    expect(byId('person:to-lam').g).toBe(1);
    expect(byId('org:bo-cong-an').g).toBe(1);
    expect(byId('place:ha-giang@pre-2025')).toMatchObject({
      g: 1,
      kind: 'place',
      successors: ['place:tuyen-quang@2025'],
    });
  });

  it('indexes a body under its name, aliases and abbreviations', () => {
    expect(byId('org:bo-cong-an').k).toEqual(
      expect.arrayContaining(['n:bo cong an', 'n:bo cong an viet nam', 'n:bca']),
    );
  });

  it('tells places from bodies', () => {
    const [place] = d.organizations.filter((o) => o.kind === 'province');
    const [body] = d.organizations.filter((o) => o.kind === 'ministry');
    expect(place && kindOf(place)).toBe('place');
    expect(body && kindOf(body)).toBe('organization');
  });
});

describe('MemoryReader lookups', () => {
  const base = fixtureDataset();
  const unnumbered: DocumentEntry = {
    ...(base.documents[0] as DocumentEntry),
    id: 'doc:unnumbered',
    type: 'Nghị quyết',
    number: null,
    symbol: null,
    aliases: ['NQ57'],
  };
  const d: Dataset = { ...base, documents: [...base.documents, unnumbered] };
  const reader = new MemoryReader(d);
  const idsOf = async <T extends { id: string }>(p: Promise<Map<string, T[]>>) =>
    Object.fromEntries([...(await p)].map(([k, v]) => [k, v.map((e) => e.id).sort()]));

  it('by type + number, from the number and from aliases', async () => {
    expect(
      await idsOf(reader.documentsByKeys([docKey('NĐ', '168'), docKey('Nghị quyết', '57'), 'nope|1'])),
    ).toEqual({
      'nghi dinh|168': ['doc:168/2024/NĐ-CP'],
      'nghi quyet|57': ['doc:unnumbered'],
    });
    expect(await idsOf(reader.documentsByKeys([docKey('nq', '12')]))).toEqual({
      'nghi quyet|12': ['doc:12-NQ/TW@2012-01-16', 'doc:12-NQ/TW@2022-03-16', 'doc:12-NQ/ĐUCA'],
    });
  });

  it('by symbol: a Party symbol that repeats across terms gives every document', async () => {
    expect(
      await idsOf(reader.documentsBySymbols([symbolKey('12-NQ/TW'), symbolKey('168/2024/nđ – cp')])),
    ).toEqual({
      '12-nq/tw': ['doc:12-NQ/TW@2012-01-16', 'doc:12-NQ/TW@2022-03-16'],
      '168/2024/nd-cp': ['doc:168/2024/NĐ-CP'],
    });
  });

  it('by person name, never returning bodies or documents of the same name', async () => {
    expect(await idsOf(reader.personsByNames([nameKey('Tô Lâm'), nameKey('Bộ Công an')]))).toEqual({
      'to lam': ['person:to-lam'],
    });
  });

  it('by body or place name, alias or abbreviation', async () => {
    expect(
      await idsOf(
        reader.organizationsByNames([nameKey('BCA'), nameKey('Hà Giang'), nameKey('Tuyên Quang'), 'to lam']),
      ),
    ).toEqual({
      bca: ['org:bo-cong-an'],
      'ha giang': ['place:ha-giang@pre-2025'],
      'tuyen quang': ['place:tuyen-quang@2025', 'place:tuyen-quang@pre-2025'],
    });
  });

  it('by id, skipping unknown ids', async () => {
    const got = await reader.getByIds(['person:to-lam', 'org:none']);
    expect([...got.keys()]).toEqual(['person:to-lam']);
  });

  it('a batch is the reader itself, at the dataset version', async () => {
    expect(await reader.batch(async (r) => r.version)).toBe(3);
  });
});
