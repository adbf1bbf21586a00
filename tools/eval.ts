// npm run eval [-- --gold FILE] [--verbose]
// Scores the scanner on gold-annotated articles (default ../shared/eval/seeds-dev.json):
// precision, recall and F1 per kind on exact spans, and identity accuracy of the
// documents it found (the resolved symbol, year and issuer against the gold's).
// Skips with a message when the gold file is absent (a checkout without ../shared).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fold } from '../lib/dataset/keys.ts';
import { sameIssuer } from '../lib/detect/doc-ref.ts';
import { createDetector, gazetteerFromDataset } from '../lib/detect/index.ts';
import { loadDatasetForTools } from './dataset-for-tools.ts';
import { scanLine } from './scan-format.ts';

interface GoldRef {
  docType: string;
  number: string | null;
  symbol: string | null;
  year: number | null;
  issuer: string | null;
  name?: string;
}
interface GoldMention {
  start: number;
  end: number;
  type: 'document' | 'person' | 'organization';
  surface: string;
  resolved?: GoldRef;
  ambiguous?: boolean;
  name?: string;
  titles?: string[];
  canonical?: string;
}
interface GoldArticle {
  id: string;
  source: string;
  published: string | null;
  text: string;
  mentions: GoldMention[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const goldArg = args[args.indexOf('--gold') + 1];
const goldPath =
  args.includes('--gold') && goldArg
    ? resolve(goldArg)
    : resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'seeds-dev.json');
if (!existsSync(goldPath)) {
  console.log(`eval: skipped — no gold file at ${goldPath} (the shared folder is not beside this checkout).`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { articles: GoldArticle[] };
const detector = createDetector(gazetteerFromDataset(loadDatasetForTools()));

type Kind = 'document' | 'person' | 'organization';
const KINDS: Kind[] = ['document', 'person', 'organization'];
const tally = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
  Kind,
  { tp: number; fp: number; fn: number }
>;
let identityRight = 0;
let identityTotal = 0;
// How many of the documents found the dataset can answer for: one entry, or candidates only.
const inDataset = { found: 0, entity: 0, candidatesOnly: 0 };
const notInDataset: string[] = [];
const notes: string[] = [];

function bareName(name: string): string {
  return fold(name)
    .replace(/[()]/g, '')
    .replace(/ lan thu /g, ' ')
    .replace(/\s+/g, ' ');
}

function sameRef(pred: Record<string, unknown>, g: GoldRef, ambiguous: boolean): string | null {
  const p = pred.ref as GoldRef & { name?: string };
  if (ambiguous !== (pred.ambiguous === true)) return ambiguous ? 'should be ambiguous' : 'wrongly ambiguous';
  if (g.number === null && g.name)
    // "Nghị quyết Đại hội XIII" and "… Đại hội lần thứ XIII" are one name (the gold sets write both).
    return bareName(p.name ?? '') === bareName(g.name) ? null : `name ${p.name} ≠ ${g.name}`;
  if (p.docType !== g.docType) return `type ${p.docType} ≠ ${g.docType}`;
  if ((p.symbol ?? null) !== (g.symbol ?? null)) return `symbol ${p.symbol} ≠ ${g.symbol}`;
  if ((p.year ?? null) !== (g.year ?? null)) return `year ${p.year} ≠ ${g.year}`;
  const pi = p.issuer ?? null;
  const gi = g.issuer ?? null;
  if ((pi === null) !== (gi === null) || (pi && gi && !sameIssuer(pi, gi))) return `issuer ${pi} ≠ ${gi}`;
  return null;
}

for (const a of gold.articles) {
  const predicted = detector
    .detect(a.text, { date: a.published })
    .map((m) => scanLine(a.source, m))
    .filter((m) => m.kind !== 'place');
  const key = (k: string, s: number, e: number) => `${k}:${s}:${e}`;
  const goldBy = new Map(a.mentions.map((m) => [key(m.type, m.start, m.end), m]));
  const predBy = new Map(
    predicted.map((m) => [key(m.kind as string, m.start as number, m.end as number), m]),
  );
  for (const [k, p] of predBy) {
    const kind = p.kind as Kind;
    const g = goldBy.get(k);
    if (g) {
      tally[kind].tp++;
      if (kind === 'document') {
        inDataset.found++;
        if (p.entity) inDataset.entity++;
        else if (Array.isArray(p.candidates) && p.candidates.length > 0) inDataset.candidatesOnly++;
        else notInDataset.push(`${a.id} not in dataset  "${p.text}" @${p.start}`);
      }
      if (kind === 'document' && g.resolved) {
        identityTotal++;
        const why = sameRef(p, g.resolved, g.ambiguous === true);
        if (why === null) identityRight++;
        else notes.push(`${a.id} identity  ${g.surface} @${g.start}: ${why}`);
      }
    } else {
      tally[kind].fp++;
      notes.push(`${a.id} extra     ${kind} "${p.text}" @${p.start}`);
    }
  }
  for (const [k, g] of goldBy) {
    if (!predBy.has(k)) {
      tally[g.type].fn++;
      notes.push(`${a.id} missed    ${g.type} "${g.surface}" @${g.start}`);
    }
  }
}

const f = (x: number) => x.toFixed(3);
console.log(`eval: ${gold.articles.length} articles from ${goldPath}`);
console.log('kind          precision  recall  F1      (tp/fp/fn)');
const summary: Record<string, number> = {};
for (const k of KINDS) {
  const { tp, fp, fn } = tally[k];
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  summary[k] = f1;
  console.log(`${k.padEnd(13)} ${f(p).padEnd(10)} ${f(r).padEnd(7)} ${f(f1).padEnd(7)} (${tp}/${fp}/${fn})`);
}
const identity = identityTotal === 0 ? 1 : identityRight / identityTotal;
console.log(`document identity accuracy: ${f(identity)} (${identityRight}/${identityTotal})`);
const share = (n: number) => f(inDataset.found === 0 ? 1 : n / inDataset.found);
console.log(
  `documents found that the dataset answers for: ${share(inDataset.entity + inDataset.candidatesOnly)} (one entry ${share(inDataset.entity)}, candidates only ${share(inDataset.candidatesOnly)}; ${inDataset.found} found)`,
);
if (verbose) for (const n of [...notes, ...notInDataset]) console.log(n);
else if (notes.length > 0) console.log(`(${notes.length} differences; --verbose lists them)`);
console.log(
  `documents_f1=${f(summary.document ?? 0)} persons_f1=${f(summary.person ?? 0)} organizations_f1=${f(summary.organization ?? 0)} identity=${f(identity)}`,
);
