import { type CardHost, createCardHost } from '../../components/CardHost.tsx';
import { todayIso } from '../../lib/format/dates.ts';
import { createHoverTiming } from '../../lib/hover/hover-timing.ts';
import { readArticleDate } from '../../lib/page/article-date.ts';
import { type Mark, MarkSet, markAtPoint } from '../../lib/page/marks.ts';
import { buildTextIndex } from '../../lib/page/text-index.ts';
import type { LookupQuery } from '../../lib/protocol.ts';
import { contentMatches } from '../../lib/sites.ts';
import { sendMessage } from '../shared/messaging.ts';
import { createDetector, type Detector, type Mention } from '../../lib/detect/index.ts';
import './style.css';

const DWELL_MS = 300;
const GRACE_MS = 300;
const KINDS = ['document', 'person', 'organization', 'place'] as const;

export default defineContentScript({
  matches: contentMatches,
  runAt: 'document_idle',
  async main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in elements,
    // which is exactly the page mutation RefLens promises not to make.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;

    const gazetteer = await sendMessage('gazetteer', undefined);
    const detector: Detector = createDetector({ ...gazetteer, documents: [] });
    const articleDate = readArticleDate(document)?.date ?? null;

    const marks = new MarkSet<Mention>();
    let cardHost: CardHost | null = null;

    const scan = () => {
      performance.mark('reflens-scan-start');
      const index = buildTextIndex(document.body, (el) => el.hasAttribute('data-reflens-card'));
      const mentions = detector.detect(index.text, articleDate ? { date: articleDate } : {});
      marks.clear();
      marks.add(document, index, mentions);
      for (const kind of KINDS) {
        const ranges = marks.marks.filter((m) => m.mention.kind === kind).flatMap((m) => m.ranges);
        CSS.highlights.set(`reflens-${kind}`, new Highlight(...ranges));
      }
      // Measured on the page's timeline (not the DOM) so benchmarks and tests can read it.
      performance.measure('reflens-scan', 'reflens-scan-start');
    };

    const queryFor = (m: Mention): LookupQuery => {
      switch (m.kind) {
        case 'document':
          return { kind: 'document', ref: m.ref, text: m.text };
        case 'person':
          return { kind: 'person', name: m.name, titles: m.titles, entity: m.entity };
        default:
          return { kind: m.kind, name: m.name, entity: m.entity };
      }
    };

    const setActive = (mark: Mark<Mention> | undefined) => {
      if (mark) CSS.highlights.set('reflens-active', new Highlight(...mark.ranges));
      else CSS.highlights.delete('reflens-active');
    };

    const timing = createHoverTiming({
      dwellMs: DWELL_MS,
      graceMs: GRACE_MS,
      timers: {
        set: (fn, ms) => window.setTimeout(fn, ms),
        clear: (id) => window.clearTimeout(id),
      },
      open(key, token) {
        const mark = marks.get(key);
        if (!mark) return;
        void sendMessage('lookup', { query: queryFor(mark.mention), date: articleDate ?? todayIso() }).then(
          (data) => {
            // A later hover may have started while the background answered.
            if (!timing.isCurrent(token) || !mark.ranges[0]) return;
            setActive(mark);
            ensureHost().show(data, mark.ranges[0]);
          },
          (err: unknown) => console.warn('RefLens: lookup failed', err),
        );
      },
      close() {
        setActive(undefined);
        cardHost?.hide();
      },
    });

    const ensureHost = (): CardHost => {
      cardHost ??= createCardHost({
        doc: document,
        lang: 'vi',
        onPointerInside: (inside) => timing.overCard(inside),
        onClose: () => timing.closeNow(),
        onOpenId: (id) => {
          const key = timing.openKey();
          const mark = key === null ? undefined : marks.get(key);
          if (!mark?.ranges[0]) return;
          const anchor = mark.ranges[0];
          void sendMessage('lookup', { query: { kind: 'id', id }, date: articleDate ?? todayIso() }).then((data) =>
            ensureHost().show(data, anchor),
          );
        },
      });
      return cardHost;
    };

    scan();

    // Pointer moves arrive far faster than frames; one hit test per frame is enough.
    let pending: { x: number; y: number } | null = null;
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      if (pending === null) {
        requestAnimationFrame(() => {
          if (!pending) return;
          const { x, y } = pending;
          pending = null;
          timing.overMark(markAtPoint(document, marks, x, y)?.key ?? null);
        });
      }
      pending = { x: e.clientX, y: e.clientY };
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && timing.openKey() !== null) timing.closeNow();
    };
    document.addEventListener('pointermove', onMove, { passive: true });
    document.addEventListener('keydown', onKey, true);
    ctx.onInvalidated(() => {
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('keydown', onKey, true);
      timing.closeNow();
      for (const kind of [...KINDS, 'active']) CSS.highlights.delete(`reflens-${kind}`);
    });
  },
});
