// npm run bench:detect
// Detection speed on long text assembled from the detection fixtures, with the
// dataset's full name lists (every person and body) and with only 100 names,
// against the floor of a bare charCodeAt pass, mark.js marking names in a DOM,
// and a naive alternation regex of all names. MB are 10^6 bytes of UTF-8.
// The detector is configured as the content script runs it (name lists and law
// names; documents are matched in the background, not here). The text mixes the
// citation-dense fixture articles with plain ones, one to one, as news pages mix
// them; the mention density is printed so the numbers can be read against it.
// The last line is machine-readable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { createDetector, type Gazetteer, gazetteerFromDataset } from '../lib/detect/index.ts';
import { buildTextIndex, spansFor } from '../lib/page/text-index.ts';
import { loadDatasetForTools } from './dataset-for-tools.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'detect');
const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt') && f !== 'README.txt');
const plain = fixtureFiles.filter((f) => f.startsWith('article-plain'));
const dense = fixtureFiles.filter((f) => !f.startsWith('article-plain'));
// One plain article after each citation-dense one.
const order = dense.flatMap((f, i) => [f, plain[i % plain.length] as string]);
const paragraphs = order
  .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split(/\n\s*\n/))
  .filter((p) => p.trim().length > 0);

function assemble(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length] as string;
    out.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return out.join('\n\n');
}

function mb(text: string): number {
  return Buffer.byteLength(text) / 1e6;
}

/** Median of `runs` timings of fn, in ms (after one warm-up). */
function time(fn: () => void, runs = 7): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const dataset = loadDatasetForTools();
// As the content script has it: names and law names, no documents.
const full: Gazetteer = { ...gazetteerFromDataset(dataset), documents: [] };
const small: Gazetteer = {
  ...full,
  persons: full.persons.slice(0, 50),
  organizations: full.organizations.slice(0, 50),
};
const nameCount = (g: Gazetteer) =>
  g.persons.reduce((n, p) => n + p.names.length, 0) + g.organizations.reduce((n, o) => n + o.names.length, 0);

const text = assemble(4_000_000);
const size = mb(text);
const detFull = createDetector(full);
const detSmall = createDetector(small);

let sink = 0;
const floorMs = time(() => {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  sink ^= h;
});
const fullMs = time(() => {
  sink ^= detFull.detect(text).length;
}, 5);
const smallMs = time(() => {
  sink ^= detSmall.detect(text).length;
}, 5);
const mentions = detFull.detect(text).length;
// Fewer names find fewer mentions, and the grammars' work is per mention: say how many.
const mentionsSmall = detSmall.detect(text).length;

// A naive single alternation of every name (what a hand-rolled highlighter does).
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const allNames = [...full.persons.flatMap((p) => p.names), ...full.organizations.flatMap((o) => o.names)]
  .filter((n) => n.length > 2)
  .sort((a, b) => b.length - a.length);
const naive = new RegExp(allNames.map(escapeRegExp).join('|'), 'gu');
const naiveText = text.slice(0, 1_000_000);
const naiveMs = time(() => {
  sink ^= [...naiveText.matchAll(naive)].length;
}, 3);

// mark.js in a DOM: the same text as paragraphs, marking the first 300 names.
const domText = text.slice(0, 200_000);
const html = domText
  .split('\n\n')
  .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('');
function freshDom() {
  const win = new Window();
  win.document.body.innerHTML = html;
  return win;
}
const markNames = allNames.slice(0, 300);
const require = (await import('node:module')).createRequire(import.meta.url);
const markSource = readFileSync(require.resolve('mark.js/dist/mark.js'), 'utf8');
let markMs = 0;
{
  const win = freshDom();
  // mark.js is a UMD script that reads window/document globals.
  const ctx = win as unknown as Record<string, unknown>;
  new (win as unknown as { Function: FunctionConstructor }).Function('window', 'document', markSource).call(
    ctx,
    win,
    win.document,
  );
  const Mark = ctx.Mark as new (el: unknown) => { mark(words: string[], opts: object): void };
  const t0 = performance.now();
  new Mark(win.document.body).mark(markNames, {
    separateWordSearch: false,
    accuracy: 'exactly',
    diacritics: false,
  });
  markMs = performance.now() - t0;
  await win.happyDOM.close();
}
// RefLens from the same DOM to its marked ranges: the text index, detection, and each
// mention's (text node, start, end) pieces — what the content script hands the Highlight
// API. Range objects themselves are not built here: happy-dom takes about a millisecond
// per Range (a browser takes microseconds), which would time happy-dom, not RefLens.
let domMs = 0;
{
  const win = freshDom();
  const doc = win.document as unknown as Document;
  domMs = time(() => {
    const index = buildTextIndex(doc.body as unknown as Node);
    const found = detFull.detect(index.text);
    let ranges = 0;
    for (const m of found) ranges += spansFor(index, m.start, m.end).length;
    sink ^= ranges;
  }, 3);
  await win.happyDOM.close();
}

const throughput = size / (fullMs / 1000);
const floorThroughput = size / (floorMs / 1000);
const domMb = mb(domText);
const markRate = domMb / (markMs / 1000);
const domRate = domMb / (domMs / 1000);
const f = (x: number, d = 1) => x.toFixed(d);
console.log(
  `text: ${f(size, 2)} MB assembled from ${paragraphs.length} fixture paragraphs; ${mentions} mentions found (${mentionsSmall} with 100 names)`,
);
console.log(
  `name lists: full ${nameCount(full)} names (${full.persons.length} persons, ${full.organizations.length} bodies/places); small ${nameCount(small)} names`,
);
console.log('');
console.log('what                                   MB/s     ms');
console.log(
  `bare charCodeAt pass (floor)          ${f(floorThroughput).padStart(7)} ${f(floorMs).padStart(7)}`,
);
console.log(`RefLens, full name lists              ${f(throughput).padStart(7)} ${f(fullMs).padStart(7)}`);
console.log(
  `RefLens, 100 names                    ${f(size / (smallMs / 1000)).padStart(7)} ${f(smallMs).padStart(7)}`,
);
console.log(
  `naive alternation regex, all names    ${f(mb(naiveText) / (naiveMs / 1000)).padStart(7)} ${f(naiveMs).padStart(7)}  (1 MB)`,
);
console.log(
  `mark.js, 300 names, DOM               ${f(markRate, 3).padStart(7)} ${f(markMs).padStart(7)}  (${f(domMb, 2)} MB)`,
);
console.log(
  `RefLens, DOM → marked ranges          ${f(domRate).padStart(7)} ${f(domMs).padStart(7)}  (${f(domMb, 2)} MB)`,
);
console.log('');
console.log(
  `ratio to the bare pass: ${f(fullMs / floorMs, 2)}×; speed-up over mark.js: ${f(domRate / markRate, 0)}×`,
);
if (sink === 42.5) console.log('');
console.log(
  `throughput_mb_s=${f(throughput)} floor_ratio=${f(fullMs / floorMs, 2)} speedup_vs_markjs=${f(domRate / markRate, 0)}`,
);
