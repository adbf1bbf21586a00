// Scans a page for mentions without long main-thread tasks and keeps scanning
// what the page adds later (infinite scroll, live blogs, SPA navigation).
// Everything it touches comes from the `win` it is given; it never mutates the DOM.
import { type Mark, type Markable, MarkSet } from './marks.ts';
import { createTextIndexer, type NodeSpan, type TextIndex } from './text-index.ts';

/** Detection worked in slices (lib/detect's `Detector.start`). */
export interface SlicedDetection<M> {
  /** Works until `keepGoing()` returns false or the work is done; true when done. */
  step(keepGoing: () => boolean): boolean;
  result(): M[];
}

export interface PageScannerOptions<M extends Markable> {
  win: Window;
  root: Element;
  /**
   * Mentions in one root's text: at once, as a run the scanner works in slices, or
   * answered elsewhere (the background). A long text goes in pieces either way: one
   * message carrying a 1 MB feed, or its ten thousand mentions coming back, costs the
   * page's main thread 50-90 ms of serialising in the browser's own code.
   */
  detect(text: string): M[] | SlicedDetection<M> | Promise<M[]>;
  /** Our own UI and anything else never to be read. */
  exclude(el: Element): boolean;
  onAdded(marks: Mark<M>[]): void;
  onRemoved(marks: Mark<M>[]): void;
  /** Longest slice of work before yielding to the page, ms. */
  sliceMs?: number;
  /** Quiet time after the last mutation before scanning what changed, ms. */
  settleMs?: number;
  /** Text longer than twice this is detected in pieces of at most this many characters. */
  chunkChars?: number;
  /** A remote detection failed (the page keeps working, without marks for that text). */
  onError?(err: unknown): void;
}

/**
 * Some detection phases work on the whole text at once (finding trigger points,
 * settling overlaps): on a 1 MB page one such phase took 75-180 ms, far past any
 * slice. A text that long is a feed of articles (infinite scroll, live blog), not
 * one article, so a text over two pieces' length is read in pieces, cut between
 * blocks. Short forms and names then resolve within their piece; an article cut in
 * two loses only the links between its halves. The first pieces are smaller (a
 * quarter, then a half): the detector's code is not yet compiled in a page's fresh
 * content-script world, and the first piece cost the most. Smaller pieces throughout
 * would not help: each detection run has a fixed cost (about 3 ms in Node), and a
 * 16-thousand-character piece still held the thread as long as a 32-thousand one.
 */
const CHUNK_CHARS = 32 * 1024;

/**
 * [from, to) pieces of `text`, cut after a block break: the whole text when it is at
 * most two pieces long, else pieces of about `size` (a quarter, then a half, first),
 * cut mid-block only where no break is near.
 */
export function chunksOf(text: string, size: number): [number, number][] {
  if (text.length <= 2 * size) return [[0, text.length]];
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    const piece = Math.floor(out.length === 0 ? size / 4 : out.length === 1 ? size / 2 : size);
    let to = Math.min(text.length, from + piece);
    if (to < text.length) {
      // End on a block break: the last one in the piece, else the next one if it is near.
      const last = text.lastIndexOf('\n', to - 1);
      const next = text.indexOf('\n', to);
      if (last >= from) to = last + 1;
      else if (next >= 0 && next < from + 2 * piece) to = next + 1;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** What scanning has cost the page's main thread so far. */
export interface ScanWork {
  /** Time spent working, ms (the pauses between slices not counted). */
  totalMs: number;
  /** The longest stretch of work without giving the thread back, ms. */
  longestMs: number;
  slices: number;
}

export interface PageScanner<M extends Markable> {
  readonly marks: MarkSet<M>;
  /** Resolves when the first full scan is done. */
  readonly ready: Promise<void>;
  readonly work: Readonly<ScanWork>;
  stop(): void;
}

export function startPageScanner<M extends Markable>(o: PageScannerOptions<M>): PageScanner<M> {
  const { win } = o;
  // Short slices: on a busy machine the page's thread is also preempted, and a task is measured by the clock.
  const sliceMs = o.sliceMs ?? 6;
  const chunkChars = o.chunkChars ?? CHUNK_CHARS;
  const settleMs = o.settleMs ?? 150;
  const marks = new MarkSet<M>();
  // Text nodes already read: a later scan of a changed subtree skips them ("nothing is scanned twice").
  const seen = new WeakSet<Text>();
  // When each text node last changed, on a counter of observed changes: a mark is made only on
  // text that has not changed since it was read, known without reading the text again.
  let changes = 0;
  const changedAt = new WeakMap<Text, number>();
  let stopped = false;

  const now = () => win.performance.now();
  const work: ScanWork = { totalMs: 0, longestMs: 0, slices: 0 };
  let resumed = 0;
  const settle = () => {
    const spent = now() - resumed;
    work.totalMs += spent;
    work.longestMs = Math.max(work.longestMs, spent);
    work.slices += 1;
  };
  // `scheduler.yield()` resumes ahead of other queued tasks (Chromium 129+), so a long
  // scan is not pushed back behind every timer on the page; setTimeout elsewhere.
  const sched = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const pause = (): Promise<void> =>
    typeof sched?.yield === 'function'
      ? sched.yield()
      : new Promise<void>((resume) => win.setTimeout(resume, 0));
  const yieldToPage = async (): Promise<void> => {
    settle();
    await pause();
    resumed = now();
  };

  /** Runs `run` in slices of `sliceMs`, yielding between them; false if stopped meanwhile. */
  const slices = async (step: (keepGoing: () => boolean) => boolean): Promise<boolean> => {
    for (;;) {
      const until = now() + sliceMs;
      if (step(() => now() < until)) return true;
      await yieldToPage();
      if (stopped) return false;
    }
  };

  const scanRoots = async (roots: Node[]): Promise<void> => {
    resumed = now();
    try {
      await scanEach(roots);
    } finally {
      settle();
    }
  };

  const scanEach = async (roots: Node[]): Promise<void> => {
    for (const root of roots) {
      if (stopped || !root.isConnected) continue;
      const readFrom = changes;
      const indexer = createTextIndexer(root, { exclude: o.exclude, seen: (t) => seen.has(t) });
      if (!(await slices(indexer.step))) return;
      const index = indexer.result();
      for (const seg of index.segments) seen.add(seg.node);
      if (index.text.trim() === '') continue;
      const pieces = chunksOf(index.text, chunkChars);
      const ask = (k: number) => {
        const [from, to] = pieces[k] as [number, number];
        return o.detect(from === 0 && to === index.text.length ? index.text : index.text.slice(from, to));
      };
      let asked: ReturnType<typeof ask> | null = null;
      for (let k = 0; k < pieces.length; k++) {
        const [from] = pieces[k] as [number, number];
        const detection = asked ?? ask(k);
        asked = null;
        let found: M[];
        if (Array.isArray(detection)) found = detection;
        else if (detection instanceof Promise) {
          // Waiting for the answer is not work on this thread.
          settle();
          let answer: M[] | null = null;
          try {
            answer = await detection;
          } catch (err) {
            // A page must never break because the background could not answer: no marks, said once.
            o.onError?.(err);
          }
          resumed = now();
          if (stopped) return;
          // The next piece is asked for before this one's marks are made: the background
          // reads while this thread draws.
          if (k + 1 < pieces.length) asked = ask(k + 1);
          if (answer === null) continue;
          found = answer;
        } else {
          if (!(await slices(detection.step))) return;
          found = detection.result();
        }
        const mentions =
          from === 0 ? found : found.map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
        if (!(await addMarks(index, mentions, readFrom))) return;
      }
    }
  };

  /** Marks are made in slices too: a 1 MB page can carry thousands of mentions. False if stopped. */
  const addMarks = async (index: TextIndex, mentions: M[], readFrom: number): Promise<boolean> => {
    // Unchanged since the scan began reading, and still on the page. Changes are counted when
    // observed, and every change made before this task has been (observers run after each task).
    const intact = (span: NodeSpan) => span.node.isConnected && (changedAt.get(span.node) ?? -1) < readFrom;
    for (let i = 0; i < mentions.length; ) {
      const until = now() + sliceMs;
      // Small batches, the clock read after each: the work is in making ranges, not in picking mentions.
      do {
        const batch = mentions.slice(i, i + 8);
        i += batch.length;
        // Marks are checked against the text as it is now: the page may have changed a node
        // while detection ran between slices (the observer has queued it for a rescan).
        const added = marks.add(win.document, index, batch, intact);
        if (added.length > 0) o.onAdded(added);
      } while (i < mentions.length && now() < until);
      if (i < mentions.length) await yieldToPage();
      if (stopped) return false;
    }
    return true;
  };

  // Mutations arrive in bursts; collect the changed subtrees and scan them once things settle.
  const pending = new Set<Node>();
  let timer: number | null = null;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = null;
    const roots = [...pending].filter((n) => {
      for (let p = n.parentNode; p; p = p.parentNode) if (pending.has(p)) return false;
      return true;
    });
    pending.clear();
    running = running.then(() => scanRoots(roots));
  };

  // The window is passed in (happy-dom in tests), so its constructor is read off it.
  const Observer = (win as Window & typeof globalThis).MutationObserver;
  const observer = new Observer((records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        const node = r.target as Text;
        changedAt.set(node, changes++);
        const removed = marks.removeNode(node);
        if (removed.length > 0) o.onRemoved(removed);
        seen.delete(node);
        if (node.parentNode) pending.add(node.parentNode);
        continue;
      }
      for (const n of Array.from(r.removedNodes)) {
        if (n.nodeType === 3) {
          const removed = marks.removeNode(n as Text);
          if (removed.length > 0) o.onRemoved(removed);
        } else if (n.nodeType === 1) {
          const walker = win.document.createTreeWalker(n, 4 /* NodeFilter.SHOW_TEXT */);
          const gone: Mark<M>[] = [];
          for (let t = walker.nextNode(); t; t = walker.nextNode()) gone.push(...marks.removeNode(t as Text));
          if (gone.length > 0) o.onRemoved(gone);
        }
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType === 1 && o.exclude(n as Element)) continue;
        if (n.nodeType === 1 || n.nodeType === 3) pending.add(n);
      }
    }
    if (pending.size > 0 && timer === null) timer = win.setTimeout(flush, settleMs);
  });

  // Observe from the start: what the page adds during the first scan is either
  // reached by it or queued here, and the `seen` set keeps it from being read twice.
  observer.observe(o.root, { childList: true, subtree: true, characterData: true });
  const ready = scanRoots([o.root]);
  running = ready;

  return {
    marks,
    ready,
    work,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== null) win.clearTimeout(timer);
    },
  };
}
