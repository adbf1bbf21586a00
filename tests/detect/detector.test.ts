// The whole pipeline: offsets on the original text, article resolution, and the scanner's contract.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index.ts';
import { gazetteer } from '../fixtures/detect/gazetteer.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const detector = createDetector(gazetteer);

describe('detector', () => {
  it('reports offsets on the original text, whatever its encoding', () => {
    // Decomposed diacritics, a zero-width space and NBSP, as some CMSs produce them.
    const text =
      'Theo Nghi\u0323 quye\u0302\u0301t\u00a0so\u0302\u0301 12-NQ/TW cu\u0309a Bô\u0323 Chi\u0301nh tri\u0323\u200b, Đại tướng Tô Lâm…';
    for (const m of detector.detect(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    const kinds = detector.detect(text).map((m) => [m.kind, m.text.normalize('NFC').replace(/\u00a0/g, ' ')]);
    expect(kinds).toEqual([
      ['document', 'Nghị quyết số 12-NQ/TW'],
      ['organization', 'Bộ Chính trị'],
      ['person', 'Tô Lâm'],
    ]);
  });

  it('binds short forms across the article and matches the dataset entry', () => {
    const text =
      'Nghị quyết 12 đi vào cuộc sống.\n\nNghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị về đẩy mạnh xây dựng lực lượng.';
    const docs = detector.detect(text, { date: '2023-03-20' }).filter((m) => m.kind === 'document');
    expect(docs.map((d) => d.kind === 'document' && [d.text, d.ref.symbol, d.ref.year, d.entity])).toEqual([
      ['Nghị quyết 12', 'NQ/TW', 2022, 'd:12-NQ/TW@2022'],
      ['Nghị quyết số 12-NQ/TW', 'NQ/TW', 2022, 'd:12-NQ/TW@2022'],
    ]);
  });

  it('finds no mention in ordinary prose and never throws on the fixtures', () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'detect');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const found = detector.detect(text);
      if (f.startsWith('article-plain')) expect(found.filter((m) => m.kind !== 'place')).toEqual([]);
      for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('survives hostile input', () => {
    const nasty = [
      '',
      '\u0301\u0301\u0301',
      'Nghị quyết số',
      'Nghị quyết số 12-',
      '1'.repeat(10000),
      'Bộ '.repeat(5000),
      '\n'.repeat(100),
    ];
    for (const t of nasty) expect(() => detector.detect(t)).not.toThrow();
  });

  it('takes time in proportion to the text, even one long line with no brackets', () => {
    // Lookups bounded to a window: a search to the text's end (or start) at every trigger made a
    // 16× longer line cost about 80× as long (and a 32× longer one 280×); bounded, it is about 13×.
    const para = readFileSync(join(ROOT, 'tests', 'fixtures', 'detect', 'article-party.txt'), 'utf8')
      .replace(/\s+/g, ' ')
      .replace(/[()]/g, ',');
    const line = (n: number) => {
      let t = '';
      while (t.length < n) t += `${para} `;
      return t;
    };
    const time = (t: string) => {
      const t0 = performance.now();
      detector.detect(t);
      return performance.now() - t0;
    };
    const short = line(25_000);
    const long = line(400_000);
    time(short);
    const ratio = Math.min(time(long), time(long)) / Math.max(1, Math.min(time(short), time(short)));
    expect(ratio).toBeLessThan(40);
  });

  it('reads a copy of the text it has just read as it read the text, and as fast', () => {
    // What the detector remembers between words is kept per text, and strings compare by content:
    // a fresh copy of the last text (a page read again) must cost one comparison, not one per word.
    const para = readFileSync(join(ROOT, 'tests', 'fixtures', 'detect', 'article-state.txt'), 'utf8');
    let text = '';
    while (text.length < 200_000) text += `${para}\n\n`;
    const copies = [0, 1, 2].map(() => [...text].join(''));
    // The same length, other words: nothing remembered of the first text may leak into it.
    const other = text.replace(/Bộ/g, 'Sở');
    const expected = detector.detect(text);
    expect(createDetector(gazetteer).detect(other)).toEqual(detector.detect(other));
    const time = (t: string) => {
      const t0 = performance.now();
      expect(detector.detect(t)).toEqual(expected);
      return performance.now() - t0;
    };
    const same = Math.min(time(text), time(text));
    const copy = Math.min(...copies.map((c) => time(c)));
    expect(copy / Math.max(1, same)).toBeLessThan(3);
  });
});

describe('scan CLI', { timeout: 20_000 }, () => {
  it('prints one JSON object per mention with the contract fields', () => {
    const file = join(ROOT, 'tests', 'fixtures', 'detect', 'article-party.txt');
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'tools', 'scan.ts'), '--date', '2024-04-14', file],
      { encoding: 'utf8' },
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const text = readFileSync(file, 'utf8');
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      expect(l.file).toBe(file);
      expect(text.slice(l.start as number, l.end as number)).toBe(l.text);
      expect(['document', 'person', 'organization', 'place']).toContain(l.kind);
      expect('entity' in l).toBe(true);
    }
    const doc = lines.find((l) => l.text === 'Nghị quyết số 12-NQ/TW');
    expect(doc?.ref).toMatchObject({
      docType: 'Nghị quyết',
      number: '12',
      symbol: 'NQ/TW',
      year: 2022,
      issuer: 'Bộ Chính trị',
      date: '2022-03-16',
    });
    expect(Array.isArray(doc?.candidates)).toBe(true);
    const person = lines.find((l) => l.kind === 'person');
    expect(person).toMatchObject({ name: 'Lương Tam Quang' });
    expect(person?.titles).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('reads HTML as the content script would', () => {
    const html =
      '<html><head><meta property="article:published_time" content="2024-05-01"><script>var x="Nghị quyết số 99-NQ/TW"</script></head><body><p>Theo <b>Nghị quyết</b> số 12-NQ/TW của Bộ Chính trị.</p><textarea>Nghị quyết số 57-NQ/TW</textarea></body></html>';
    const out = execFileSync(process.execPath, [join(ROOT, 'tools', 'scan.ts'), '--html', '-'], {
      input: html,
      encoding: 'utf8',
    });
    const texts = out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(['Nghị quyết số 12-NQ/TW', 'Bộ Chính trị']);
  });

  it('exits with a clear message on a missing file', () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'tools', 'scan.ts'), '/nonexistent.txt'], {
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/cannot read/);
  });
});

describe('sliced detection', () => {
  it('gives the same mentions worked in slices as in one call, yielding on the way', () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'detect');
    const text = readdirSync(dir)
      .filter((x) => x.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n\n')
      .repeat(20);
    const whole = detector.detect(text, { date: '2025-03-01' });
    const run = detector.start(text, { date: '2025-03-01' });
    let slices = 0;
    let checks = 0;
    // Stop at every other check: the run must resume exactly where it left off.
    while (!run.step(() => ++checks % 2 === 1)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(run.result()).toEqual(whole);
  });
});
