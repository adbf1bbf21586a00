// npm run -s scan -- [--date YYYY-MM-DD] [--html] FILE...   ("-" reads stdin)
// Prints one JSON object per mention per line, nothing else on stdout. Offsets
// are JavaScript string offsets into the file's text as read (UTF-8 decoded,
// not re-normalised); with --html, into the readable text the content script
// would extract. Other tools parse this output: its shape is a contract.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { createDetector, gazetteerFromDataset } from '../lib/detect/index.ts';
import { readArticleDate } from '../lib/page/article-date.ts';
import { buildTextIndex } from '../lib/page/text-index.ts';
import { loadDatasetForTools } from './dataset-for-tools.ts';
import { scanLine } from './scan-format.ts';

function usage(message: string): never {
  process.stderr.write(`scan: ${message}\nusage: npm run -s scan -- [--date YYYY-MM-DD] [--html] FILE...\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let date: string | null = null;
let html = false;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] as string;
  if (a === '--date') {
    const v = args[++i];
    if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) usage('--date needs YYYY-MM-DD');
    date = v;
  } else if (a === '--html') html = true;
  else if (a === '--help' || a === '-h') usage('scans files for references');
  else files.push(a);
}
if (files.length === 0) usage('no FILE given');

const dataset = loadDatasetForTools();
const detector = createDetector(gazetteerFromDataset(dataset));

function read(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

/** The readable text of an HTML page, read as the content script reads it. */
function htmlText(source: string): { text: string; date: string | null } {
  const win = new Window();
  win.document.write(source);
  const doc = win.document as unknown as Document;
  const index = buildTextIndex(doc.body as unknown as Node);
  const found = readArticleDate(doc);
  const out = { text: index.text, date: found?.date ?? null };
  void win.happyDOM.close();
  return out;
}

let failed = false;
const out: string[] = [];
for (const file of files) {
  let text: string;
  let fileDate = date;
  try {
    text = read(file);
  } catch (err) {
    process.stderr.write(`scan: cannot read ${file}: ${(err as Error).message}\n`);
    failed = true;
    continue;
  }
  if (html) {
    const page = htmlText(text);
    text = page.text;
    fileDate ??= page.date;
  }
  for (const m of detector.detect(text, { date: fileDate })) out.push(JSON.stringify(scanLine(file, m)));
  if (out.length > 5000) process.stdout.write(`${out.splice(0).join('\n')}\n`);
}
if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
process.exit(failed ? 1 : 0);
