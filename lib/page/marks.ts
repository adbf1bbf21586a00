// Detected mentions become DOM Ranges (for highlights and positioning) and a
// per-text-node index that answers "which mark is under this caret?" without
// scanning every mark on each pointer move.
import { type NodeSpan, spanIntact, spansFor, type TextIndex } from './text-index.ts';

export interface Markable {
  kind: string;
  start: number;
  end: number;
}

export interface Mark<M extends Markable> {
  key: number;
  mention: M;
  /** The text node the mark starts in (its element is what the painter watches). */
  readonly firstNode: Text;
  /** The mark's text as DOM Ranges, one per text node it spans; made on first use. */
  readonly ranges: Range[];
}

/**
 * Ranges are made when first asked for: the painter draws only marks near the viewport
 * and a pointer only ever reaches those, so a long page's far marks never cost a Range
 * (and the page's thread does not pay for them while it loads).
 */
class LazyMark<M extends Markable> implements Mark<M> {
  private made: Range[] | null = null;

  constructor(
    readonly key: number,
    readonly mention: M,
    readonly spans: readonly NodeSpan[],
    private readonly doc: Document,
  ) {}

  get firstNode(): Text {
    return (this.spans[0] as NodeSpan).node;
  }

  get ranges(): Range[] {
    this.made ??= this.spans.map((s) => {
      const r = this.doc.createRange();
      r.setStart(s.node, s.startOffset);
      r.setEnd(s.node, s.endOffset);
      return r;
    });
    return this.made;
  }
}

interface NodeHit {
  startOffset: number;
  endOffset: number;
  key: number;
}

export class MarkSet<M extends Markable> {
  /** Indexed by key; a removed mark leaves a hole so keys stay stable. */
  readonly marks: (LazyMark<M> | undefined)[] = [];
  private readonly byNode = new Map<Text, NodeHit[]>();

  /**
   * Marks for the mentions found in `index`. `intact` says whether a span's text node still
   * holds what was read (by default its text is compared; the page scanner knows from its
   * mutation observer instead, without reading the text again).
   */
  add(
    doc: Document,
    index: TextIndex,
    mentions: readonly M[],
    intact: (span: NodeSpan) => boolean = (span) => spanIntact(index, span),
  ): Mark<M>[] {
    const added: Mark<M>[] = [];
    for (const mention of mentions) {
      const spans: NodeSpan[] = spansFor(index, mention.start, mention.end);
      // Text changed since it was read: its rescan will mark it.
      if (spans.length === 0 || !spans.every(intact)) continue;
      const key = this.marks.length;
      for (const s of spans) {
        let list = this.byNode.get(s.node);
        if (!list) {
          list = [];
          this.byNode.set(s.node, list);
        }
        list.push({ startOffset: s.startOffset, endOffset: s.endOffset, key });
      }
      const mark = new LazyMark(key, mention, spans, doc);
      this.marks.push(mark);
      added.push(mark);
    }
    return added;
  }

  get(key: number): Mark<M> | undefined {
    return this.marks[key];
  }

  /** The mark covering `offset` in text node `node`, if any. */
  at(node: Node, offset: number): Mark<M> | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    for (const hit of list) {
      if (offset >= hit.startOffset && offset < hit.endOffset) return this.marks[hit.key];
    }
    return undefined;
  }

  /** The marks that touch a text node. */
  marksOn(node: Text): Mark<M>[] {
    return (this.byNode.get(node) ?? []).flatMap((h) => {
      const m = this.marks[h.key];
      return m ? [m] : [];
    });
  }

  /** Every live mark, in the order they were added (document order within a scan). */
  live(): Mark<M>[] {
    return this.marks.filter((m): m is LazyMark<M> => m !== undefined);
  }

  /** Drops the marks touching a text node whose text changed or that left the page. */
  removeNode(node: Text): Mark<M>[] {
    const hits = this.byNode.get(node);
    if (!hits) return [];
    const removed: Mark<M>[] = [];
    for (const hit of hits) {
      const mark = this.marks[hit.key];
      if (!mark) continue;
      this.marks[hit.key] = undefined;
      removed.push(mark);
      // A mark spanning several nodes is indexed under each of them.
      for (const s of mark.spans) {
        const list = this.byNode.get(s.node);
        if (list)
          this.byNode.set(
            s.node,
            list.filter((h) => h.key !== hit.key),
          );
      }
    }
    this.byNode.delete(node);
    return removed;
  }

  clear(): void {
    this.marks.length = 0;
    this.byNode.clear();
  }
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint.call(doc, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint.call(doc, x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function inside(rects: DOMRectList | DOMRect[], x: number, y: number): boolean {
  for (const r of Array.from(rects)) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The mark under the pointer. The caret API gives the nearest character even
 * when the pointer is in the margin past a line's end, so the hit is confirmed
 * against the mark's own boxes.
 */
export function markAtPoint<M extends Markable>(
  doc: Document,
  marks: MarkSet<M>,
  x: number,
  y: number,
): Mark<M> | undefined {
  const caret = caretAt(doc, x, y);
  if (caret && caret.node.nodeType === 3) {
    // The caret sits between characters: try the character after it, then the one before.
    const candidates = [marks.at(caret.node, caret.offset), marks.at(caret.node, caret.offset - 1)];
    for (const mark of candidates) {
      if (mark?.ranges.some((r) => inside(r.getClientRects(), x, y))) return mark;
    }
    return undefined;
  }
  return markUnderLayers(doc, marks, x, y);
}

/**
 * A transparent layer over the text (ad veils, click-catchers) takes the caret
 * hit-test. Look through the stack of elements at the point for text we marked.
 */
function markUnderLayers<M extends Markable>(
  doc: Document,
  marks: MarkSet<M>,
  x: number,
  y: number,
): Mark<M> | undefined {
  const stack = typeof doc.elementsFromPoint === 'function' ? doc.elementsFromPoint(x, y).slice(0, 8) : [];
  for (const el of stack) {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      const found = child.nodeType === 3 ? marks.marksOn(child as Text) : [];
      for (const mark of found) {
        if (mark.ranges.some((r) => inside(r.getClientRects(), x, y))) return mark;
      }
    }
  }
  return undefined;
}
