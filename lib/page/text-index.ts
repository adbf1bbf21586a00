// Turns a DOM subtree into one string for detection, with a map from string
// offsets back to text nodes so mentions become Ranges without touching the DOM.
// Takes the root as a parameter (no globals) so it runs under happy-dom in tests.

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
]);

// Text in different blocks must not run together ("Nghị quyết 12" in one <p>,
// "ngày 16/3" in the next is not one citation), so blocks are separated by a newline.
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'INS',
  'DEL',
]);

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the joined string. */
  start: number;
}

export interface TextIndex {
  text: string;
  segments: TextSegment[];
}

function skipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('contenteditable') !== null && el.getAttribute('contenteditable') !== 'false')
    return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  return false;
}

/**
 * Walks `root` in document order, in slices: `step(budget)` returns after about
 * `budget()` says stop, so a 1 MB page is read without one long main-thread task.
 * Elements for which `exclude` returns true are skipped with their subtree;
 * text nodes for which `seen` returns true are skipped (already scanned).
 */
export function createTextIndexer(
  root: Node,
  opts: { exclude?: (el: Element) => boolean; seen?: (t: Text) => boolean } = {},
): { step(keepGoing: () => boolean): boolean; result(): TextIndex } {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let needBreak = false;
  // Explicit stack instead of recursion: resumable, and deep pages cannot overflow it.
  // An entry is a node to enter, or (as a negative marker) the end of a block.
  const stack: (Node | 'end-block')[] = [root];

  const step = (keepGoing: () => boolean): boolean => {
    let n = 0;
    while (stack.length > 0) {
      if ((++n & 15) === 0 && !keepGoing()) return false;
      const node = stack.pop() as Node | 'end-block';
      if (node === 'end-block') {
        needBreak = true;
        continue;
      }
      if (node.nodeType === 3) {
        const value = (node as Text).data;
        if (value.length === 0 || opts.seen?.(node as Text)) continue;
        if (needBreak && length > 0) {
          parts.push('\n');
          length += 1;
        }
        needBreak = false;
        segments.push({ node: node as Text, start: length });
        parts.push(value);
        length += value.length;
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (skipped(el) || opts.exclude?.(el)) {
          needBreak = true;
          continue;
        }
        const block = !INLINE_TAGS.has(el.tagName.toUpperCase());
        if (block) {
          needBreak = true;
          stack.push('end-block');
        }
      } else if (node.nodeType !== 9 && node.nodeType !== 11) {
        continue;
      }
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    return true;
  };
  return { step, result: () => ({ text: parts.join(''), segments }) };
}

/** The whole subtree at once (tests, small fragments). */
export function buildTextIndex(root: Node, exclude?: (el: Element) => boolean): TextIndex {
  const indexer = createTextIndexer(root, exclude ? { exclude } : {});
  indexer.step(() => true);
  return indexer.result();
}

/** Index of the segment containing `offset` (binary search; segments are sorted by start). */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as TextSegment).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface NodeSpan {
  node: Text;
  startOffset: number;
  endOffset: number;
  /** Where the span starts in the joined string. */
  at: number;
}

/** Whether a span still holds the text it was indexed with (the page may have changed it since). */
export function spanIntact(index: TextIndex, span: NodeSpan): boolean {
  const { node, startOffset, endOffset, at } = span;
  return (
    node.isConnected &&
    node.data.length >= endOffset &&
    node.data.slice(startOffset, endOffset) === index.text.slice(at, at + endOffset - startOffset)
  );
}

/** The text-node pieces covering [start, end) of the joined string (a mention may cross inline tags). */
export function spansFor(index: TextIndex, start: number, end: number): NodeSpan[] {
  const out: NodeSpan[] = [];
  if (index.segments.length === 0 || end <= start) return out;
  for (let i = segmentAt(index.segments, start); i < index.segments.length; i++) {
    const seg = index.segments[i] as TextSegment;
    if (seg.start >= end) break;
    const segEnd = seg.start + seg.node.data.length;
    const s = Math.max(start, seg.start);
    const e = Math.min(end, segEnd);
    if (e > s) out.push({ node: seg.node, startOffset: s - seg.start, endOffset: e - seg.start, at: s });
  }
  return out;
}
