import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chunksOf,
  type PageScanner,
  type SlicedDetection,
  startPageScanner,
} from '../../lib/page/page-scanner.ts';

interface M {
  kind: string;
  start: number;
  end: number;
  text: string;
}

// A stand-in detector: the scanner is what is under test here, not detection.
function detect(text: string): M[] {
  return [...text.matchAll(/NQ \d+/g)].map((m) => ({
    kind: 'document',
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

let scanner: PageScanner<M> | null = null;
afterEach(() => scanner?.stop());

function setup(html: string, sliced?: (text: string) => SlicedDetection<M>, chunkChars?: number) {
  const win = new Window();
  win.document.write(`<body>${html}</body>`);
  const w = win as unknown as globalThis.Window;
  const texts: string[] = [];
  const live = new Set<string>();
  const misplaced: string[] = [];
  scanner = startPageScanner<M>({
    win: w,
    root: w.document.body,
    detect: (t) => {
      texts.push(t);
      return sliced ? sliced(t) : detect(t);
    },
    exclude: (el) => el.hasAttribute('data-ui'),
    // Keyed by what was detected: a removed range's own text may already be the new text.
    onAdded: (ms) => {
      for (const m of ms) {
        live.add(m.mention.text);
        // Where the mark is must be what was detected there.
        if (m.ranges.map((r) => r.toString()).join('') !== m.mention.text) misplaced.push(m.mention.text);
      }
    },
    onRemoved: (ms) => {
      for (const m of ms) live.delete(m.mention.text);
    },
    settleMs: 10,
    ...(chunkChars ? { chunkChars } : {}),
  });
  return { w, texts, live, misplaced, scanner };
}

const settle = (w: globalThis.Window) => new Promise((ok) => w.setTimeout(ok, 60));

describe('page scanner', () => {
  it('scans the page once and marks what it finds', async () => {
    const { texts, live, scanner: s } = setup('<p>Theo NQ 12 và NQ 57.</p><div data-ui>NQ 99</div>');
    await s.ready;
    expect([...live].sort()).toEqual(['NQ 12', 'NQ 57']);
    expect(texts).toHaveLength(1);
  });

  it('scans only what the page adds later', async () => {
    const { w, texts, live, scanner: s } = setup('<p>Theo NQ 12.</p>');
    await s.ready;
    const p = w.document.createElement('p');
    p.textContent = 'Cập nhật: NQ 66 được ban hành.';
    w.document.body.append(p);
    await settle(w);
    expect(live.has('NQ 66')).toBe(true);
    expect(texts).toHaveLength(2);
    expect(texts[1]).not.toContain('NQ 12');
  });

  it('drops marks of text that changed or left, and reads the new text', async () => {
    const { w, live, scanner: s } = setup('<p id="a">Theo NQ 12.</p><p id="b">Và NQ 18.</p>');
    await s.ready;
    (w.document.getElementById('a')?.firstChild as unknown as globalThis.Text).data = 'Theo NQ 68.';
    w.document.getElementById('b')?.remove();
    await settle(w);
    expect([...live].sort()).toEqual(['NQ 68']);
  });

  it('does not read text inside excluded elements added later', async () => {
    const { w, texts, scanner: s } = setup('<p>x</p>');
    await s.ready;
    const ui = w.document.createElement('div');
    ui.setAttribute('data-ui', '');
    ui.textContent = 'NQ 1';
    w.document.body.append(ui);
    await settle(w);
    expect(texts).toHaveLength(1);
  });

  it('works a sliced detection run to the end, giving the page the thread between slices', async () => {
    let steps = 0;
    let pageRan = false;
    // One mention per step, and a budget that always says stop: one slice per mention.
    const sliced = (text: string): SlicedDetection<M> => {
      const all = detect(text);
      let i = 0;
      return {
        step(keepGoing) {
          steps++;
          i++;
          keepGoing();
          return i >= all.length;
        },
        result: () => all,
      };
    };
    const { w, live, scanner: s } = setup('<p>NQ 1, NQ 2, NQ 3, NQ 4.</p>', sliced);
    w.setTimeout(() => {
      pageRan = true;
    }, 0);
    await s.ready;
    expect([...live].sort()).toEqual(['NQ 1', 'NQ 2', 'NQ 3', 'NQ 4']);
    expect(steps).toBe(4);
    expect(pageRan).toBe(true);
    // Each slice gave the thread back, and the cost was counted.
    expect(s.work.slices).toBeGreaterThanOrEqual(4);
    expect(s.work.longestMs).toBeLessThanOrEqual(s.work.totalMs);
  });

  it('does not mark text the page changed while detection ran, and marks the new text after', async () => {
    let win: globalThis.Window | null = null;
    let changed = false;
    const sliced = (text: string): SlicedDetection<M> => ({
      step() {
        // The page rewrites the paragraph between two slices of detection.
        if (!changed && win) {
          changed = true;
          (win.document.getElementById('a')?.firstChild as unknown as globalThis.Text).data =
            'Sau đó: NQ 77.';
          return false;
        }
        return true;
      },
      result: () => detect(text),
    });
    const { w, live, scanner: s } = setup('<p id="a">Trước: NQ 12.</p>', sliced);
    win = w;
    await s.ready;
    expect(live.has('NQ 12')).toBe(false);
    await settle(w);
    expect([...live]).toEqual(['NQ 77']);
  });

  it('reads a very long text in pieces cut between blocks, with marks where the text is', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Đoạn ${i}: theo NQ ${i + 1}.</p>`).join('');
    const { texts, live, misplaced, scanner: s } = setup(paragraphs, undefined, 100);
    await s.ready;
    expect(misplaced).toEqual([]);
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(t.endsWith('\n') || t.endsWith('.')).toBe(true);
    expect(live.size).toBe(40);
    expect(live.has('NQ 40')).toBe(true);
  });
});

describe('chunksOf', () => {
  it.each([
    ['up to two pieces long: read whole', 'a\nb\nc', 10, [[0, 5]]],
    ['twenty characters, size ten: read whole', 'x'.repeat(20), 10, [[0, 20]]],
    [
      'a quarter, a half, then whole pieces, each ending on a break',
      'aa\nbbb\ncccc\nddddddddd\neeeeeeeee\nffffffffff\ngggggggggg\n',
      10,
      [
        [0, 3],
        [3, 7],
        [7, 12],
        [12, 22],
        [22, 32],
        [32, 43],
        [43, 54],
      ],
    ],
    [
      'no break near: cut at the size',
      'x'.repeat(45),
      8,
      [
        [0, 2],
        [2, 6],
        [6, 14],
        [14, 22],
        [22, 30],
        [30, 38],
        [38, 45],
      ],
    ],
  ])('%s', (_, text, size, want) => {
    const pieces = chunksOf(text as string, size as number);
    expect(pieces).toEqual(want);
    expect(pieces.map(([a, b]) => (text as string).slice(a, b)).join('')).toBe(text);
  });
});

describe('page scanner with detection answered elsewhere', () => {
  function remoteSetup(html: string, answer: (text: string) => Promise<M[]>) {
    const win = new Window();
    win.document.write(`<body>${html}</body>`);
    const w = win as unknown as globalThis.Window;
    const texts: string[] = [];
    const live: string[] = [];
    const errors: unknown[] = [];
    const log: string[] = [];
    scanner = startPageScanner<M>({
      win: w,
      root: w.document.body,
      chunkChars: 16,
      detect: (t) => {
        texts.push(t);
        log.push('ask');
        return answer(t);
      },
      exclude: () => false,
      onAdded: (ms) => {
        live.push(...ms.map((m) => m.mention.text));
        log.push('add');
      },
      onRemoved: () => {},
      onError: (e) => errors.push(e),
    });
    return { texts, live, errors, log, scanner };
  }

  it('sends a long text in pieces, asking for the next before drawing this one, and marks each at its place', async () => {
    const {
      texts,
      live,
      log,
      scanner: s,
    } = remoteSetup(
      '<p>NQ 12.</p><p>Theo NQ 18.</p><p>Một đoạn dài không có gì.</p><p>Rồi NQ 57.</p>',
      async (t) => detect(t),
    );
    await s.ready;
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).toContain('Rồi NQ 57.');
    expect(live).toEqual(['NQ 12', 'NQ 18', 'NQ 57']);
    // Each mark's range covers its own words in the page, not the piece's offsets.
    expect(s.marks.live().map((m) => m.ranges.map((r) => r.toString()).join(''))).toEqual([
      'NQ 12',
      'NQ 18',
      'NQ 57',
    ]);
    // The second piece was asked for before the first one's marks were made.
    expect(log.slice(0, 3)).toEqual(['ask', 'ask', 'add']);
  });

  it('reads the pieces after one whose answer failed', async () => {
    let calls = 0;
    const {
      live,
      errors,
      scanner: s,
    } = remoteSetup(
      '<p>NQ 12.</p><p>Theo NQ 18.</p><p>Một đoạn dài không có gì.</p><p>Rồi NQ 57.</p>',
      async (t) => {
        calls += 1;
        if (calls === 1) throw new Error('background restarting');
        return detect(t);
      },
    );
    await s.ready;
    expect(errors).toHaveLength(1);
    expect(live).toEqual(['NQ 18', 'NQ 57']);
  });

  it('keeps the page working, without marks, when the answer fails', async () => {
    const {
      live,
      errors,
      scanner: s,
    } = remoteSetup('<p>Theo NQ 12.</p>', async () => {
      throw new Error('background asleep');
    });
    await s.ready;
    expect(live).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
