// The dataset schema: the one contract between the sources in assets/data,
// the build, the bundle the extension ships, the import into IndexedDB and
// (later) the sync channel. Validated at build time and again on every import,
// because a dataset is untrusted input to the extension.
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real calendar date');

/** Where a fact comes from. `supports` names the fields the source backs; absent = the whole record. */
export const sourceSchema = z
  .object({
    url: z.string().url().max(2000).optional(),
    file: z.string().min(1).max(300).optional(),
    retrieved: isoDate.optional(),
    quote: z.string().min(1).max(400).optional(),
    supports: z.array(z.string().min(1).max(40)).max(30).optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.file !== undefined, 'a source needs a url or a file');
export type Source = z.infer<typeof sourceSchema>;

/**
 * A post's start or end as precise as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY.
 * Wikipedia infoboxes often give only a year or a month; rounding those to a day would
 * invent precision, and dropping them would turn a finished post into an open (current) one.
 * Plain string comparison still orders them against full dates.
 */
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY')
  .refine((s) => s.length < 10 || !Number.isNaN(Date.parse(s)), 'not a real calendar date');

const sources = z.array(sourceSchema).min(1, 'an entry without a source does not build').max(50);
const shortText = z.string().min(1).max(300);
const id = z.string().min(1).max(200);

export const DOC_STATUSES = ['in_force', 'expired', 'not_yet_in_force', 'unknown'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

export const RELATION_TYPES = [
  'replaces',
  'replacedBy',
  'amends',
  'amendedBy',
  'guides',
  'guidedBy',
  'implements',
  'implementedBy',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const documentSchema = z
  .object({
    id,
    /** Full Vietnamese type word, capitalised: "Nghị quyết", "Nghị định", "Luật". */
    type: shortText,
    /** Number as printed, leading zeros kept; null for named documents (Bộ luật Hình sự). */
    number: z.string().min(1).max(20).nullable(),
    /** Full symbol as officially written: "12-NQ/TW", "168/2024/NĐ-CP"; null if it has none. */
    symbol: z.string().min(1).max(80).nullable(),
    issuers: z.array(shortText).max(10),
    signer: shortText.nullable(),
    issuedDate: isoDate.nullable(),
    effectiveDate: isoDate.nullable(),
    status: z.enum(DOC_STATUSES),
    statusDate: isoDate.nullable(),
    /** Trích yếu. */
    title: z.string().min(1).max(1000).nullable(),
    summary: z.string().min(1).max(2000).nullable(),
    aliases: z.array(shortText).max(50),
    relations: z.array(z.object({ type: z.enum(RELATION_TYPES), target: id }).strict()).max(100),
    sources,
  })
  .strict();
export type DocumentEntry = z.infer<typeof documentSchema>;

export const postSchema = z
  .object({
    title: z.string().min(1).max(400),
    /** Name of the body the post belongs to, when the source states it separately. */
    body: shortText.nullable(),
    start: partialDate.nullable(),
    /** null = open end = current (as of the source). */
    end: partialDate.nullable(),
  })
  .strict();
export type Post = z.infer<typeof postSchema>;

export const personSchema = z
  .object({
    id,
    name: shortText,
    aliases: z.array(shortText).max(50),
    birthYear: z.number().int().min(1850).max(2030).nullable(),
    posts: z.array(postSchema).max(200),
    sources,
  })
  .strict();
export type PersonEntry = z.infer<typeof personSchema>;

export const ORG_KINDS = [
  'party',
  'state',
  'assembly',
  'government',
  'ministry',
  'agency',
  'department',
  'force',
  'front',
  'court',
  'local',
  'province',
  'city',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** Kinds counted as places (provinces and centrally-run cities) rather than bodies. */
export const PLACE_KINDS: readonly OrgKind[] = ['province', 'city'];

export const organizationSchema = z
  .object({
    id,
    name: shortText,
    abbreviations: z.array(z.string().min(1).max(40)).max(30),
    /** Other names it is printed under (old names, short forms that are not abbreviations). */
    aliases: z.array(shortText).max(50),
    kind: z.enum(ORG_KINDS),
    parent: id.nullable(),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    /** Ids of what this body or place became (merger, rename). */
    successors: z.array(id).max(20),
    /** Ids of what was merged into this one. */
    predecessors: z.array(id).max(20),
    sources,
  })
  .strict();
export type OrganizationEntry = z.infer<typeof organizationSchema>;

export const DATASET_FORMAT = 'reflens-dataset';
export const DATASET_FORMAT_VERSION = 1;

export const datasetMetaSchema = z
  .object({
    format: z.literal(DATASET_FORMAT),
    formatVersion: z.literal(DATASET_FORMAT_VERSION),
    /** Monotonic dataset version (a sync refuses to go back). */
    version: z.number().int().positive(),
    built: isoDate,
    notice: z.string().min(1).max(20000),
  })
  .strict();
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

export const datasetSchema = z
  .object({
    meta: datasetMetaSchema,
    documents: z.array(documentSchema),
    persons: z.array(personSchema),
    organizations: z.array(organizationSchema),
  })
  .strict();
export type Dataset = z.infer<typeof datasetSchema>;
