// Owns the page's RefLens highlights. A style is a set of highlight names the
// content stylesheet knows (`reflens-u-*` underline, `reflens-b-*` background);
// switching style re-registers the same ranges under other names, with no DOM change.
import type { Mark, Markable } from './marks.ts';

export type MarkStyle = 'underline' | 'background' | 'none';

interface HighlightCtor {
  new (...ranges: Range[]): Set<Range>;
}
interface HighlightWindow {
  Highlight: HighlightCtor;
  CSS: { highlights: Map<string, Set<Range>> };
}

const PREFIX: Record<Exclude<MarkStyle, 'none'>, string> = { underline: 'reflens-u-', background: 'reflens-b-' };
export const ACTIVE_HIGHLIGHT = 'reflens-active';

export function highlightsSupported(win: Window): boolean {
  const w = win as unknown as Partial<HighlightWindow>;
  return typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS;
}

export class HighlightPainter<M extends Markable> {
  private readonly byKind = new Map<string, Set<Range>>();
  private style: MarkStyle;
  private readonly w: HighlightWindow;

  constructor(win: Window, style: MarkStyle) {
    this.w = win as unknown as HighlightWindow;
    this.style = style;
  }

  private highlightFor(kind: string): Set<Range> {
    let h = this.byKind.get(kind);
    if (!h) {
      h = new this.w.Highlight();
      this.byKind.set(kind, h);
      if (this.style !== 'none') this.w.CSS.highlights.set(`${PREFIX[this.style]}${kind}`, h);
    }
    return h;
  }

  add(marks: readonly Mark<M>[]): void {
    for (const m of marks) {
      const h = this.highlightFor(m.mention.kind);
      for (const r of m.ranges) h.add(r);
    }
  }

  remove(marks: readonly Mark<M>[]): void {
    for (const m of marks) {
      const h = this.byKind.get(m.mention.kind);
      if (h) for (const r of m.ranges) h.delete(r);
    }
  }

  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    this.unregister();
    this.style = style;
    if (style === 'none') return;
    for (const [kind, h] of this.byKind) this.w.CSS.highlights.set(`${PREFIX[style]}${kind}`, h);
  }

  setActive(mark: Mark<M> | undefined): void {
    if (mark) this.w.CSS.highlights.set(ACTIVE_HIGHLIGHT, new this.w.Highlight(...mark.ranges));
    else this.w.CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }

  /** Ranges currently drawn for a kind (tests and benchmarks read this through the page). */
  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  private unregister(): void {
    if (this.style === 'none') return;
    for (const kind of this.byKind.keys()) this.w.CSS.highlights.delete(`${PREFIX[this.style]}${kind}`);
  }

  clear(): void {
    this.unregister();
    this.byKind.clear();
    this.w.CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}
