// Owns the page's RefLens highlights. A style is a set of highlight names the
// content stylesheet knows (`reflens-u-*` underline, `reflens-b-*` background);
// switching style re-registers the same ranges under other names, with no DOM change.
//
// Only marks near the viewport are registered. Chromium re-validates every range
// of every highlight whenever one highlight changes, so a 1 MB page's ten thousand
// marks would make each frame that adds or removes one pay for all of them (we
// measured paint tasks of several hundred ms). The element holding each mark's
// text is watched with an IntersectionObserver instead; its marks are drawn while
// it is within a margin of the viewport and dropped when it scrolls far away.
import type { Mark, Markable } from './marks.ts';

export type MarkStyle = 'underline' | 'background' | 'none';

interface HighlightCtor {
  new (...ranges: Range[]): Set<Range>;
}
interface HighlightWindow {
  Highlight: HighlightCtor;
  CSS: { highlights: Map<string, Set<Range>> };
  IntersectionObserver?: typeof IntersectionObserver;
}

const PREFIX: Record<Exclude<MarkStyle, 'none'>, string> = {
  underline: 'reflens-u-',
  background: 'reflens-b-',
};
export const ACTIVE_HIGHLIGHT = 'reflens-active';
/** How far beyond the viewport marks are drawn ahead of scrolling (one and a half screens each way). */
const DRAW_MARGIN = '150% 0px 150% 0px';

export function highlightsSupported(win: Window): boolean {
  const w = win as unknown as Partial<HighlightWindow>;
  return typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS;
}

export class HighlightPainter<M extends Markable> {
  private readonly byKind = new Map<string, Set<Range>>();
  private style: MarkStyle;
  private readonly w: HighlightWindow;
  /** Marks grouped by the element their text sits in: the unit that is watched and drawn. */
  private readonly groups = new Map<Element, Set<Mark<M>>>();
  private readonly groupOf = new Map<Mark<M>, Element>();
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver | null;
  private readonly counts = new Map<string, number>();

  constructor(win: Window, style: MarkStyle) {
    this.w = win as unknown as HighlightWindow;
    this.style = style;
    const IO = this.w.IntersectionObserver;
    this.observer = IO ? new IO((entries) => this.onIntersect(entries), { rootMargin: DRAW_MARGIN }) : null;
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

  private draw(m: Mark<M>): void {
    const h = this.highlightFor(m.mention.kind);
    for (const r of m.ranges) h.add(r);
  }

  private undraw(m: Mark<M>): void {
    const h = this.byKind.get(m.mention.kind);
    if (h) for (const r of m.ranges) h.delete(r);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const group = this.groups.get(e.target);
      if (!group) continue;
      if (e.isIntersecting && !this.near.has(e.target)) {
        this.near.add(e.target);
        for (const m of group) this.draw(m);
      } else if (!e.isIntersecting && this.near.has(e.target)) {
        this.near.delete(e.target);
        for (const m of group) this.undraw(m);
      }
    }
  }

  add(marks: readonly Mark<M>[]): void {
    for (const m of marks) {
      if (this.groupOf.has(m)) continue;
      this.counts.set(m.mention.kind, (this.counts.get(m.mention.kind) ?? 0) + 1);
      const el = m.firstNode.parentElement;
      if (!el || !this.observer) {
        // Nothing to watch (detached text) or no observer (old engines): draw it now.
        this.draw(m);
        continue;
      }
      this.groupOf.set(m, el);
      let group = this.groups.get(el);
      if (!group) {
        group = new Set();
        this.groups.set(el, group);
        this.observer.observe(el);
      }
      group.add(m);
      if (this.near.has(el)) this.draw(m);
    }
  }

  remove(marks: readonly Mark<M>[]): void {
    for (const m of marks) {
      const el = this.groupOf.get(m);
      this.groupOf.delete(m);
      const n = this.counts.get(m.mention.kind) ?? 0;
      if (n > 0) this.counts.set(m.mention.kind, n - 1);
      this.undraw(m);
      if (!el) continue;
      const group = this.groups.get(el);
      group?.delete(m);
      if (group && group.size === 0) {
        this.groups.delete(el);
        this.near.delete(el);
        this.observer?.unobserve(el);
      }
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

  /** Marks of a kind the painter holds, drawn or waiting off-screen (benchmarks and tests read this). */
  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  private unregister(): void {
    if (this.style === 'none') return;
    for (const kind of this.byKind.keys()) this.w.CSS.highlights.delete(`${PREFIX[this.style]}${kind}`);
  }

  clear(): void {
    this.unregister();
    this.byKind.clear();
    this.observer?.disconnect();
    this.groups.clear();
    this.groupOf.clear();
    this.near.clear();
    this.counts.clear();
    this.w.CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}
