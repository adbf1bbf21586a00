import { browser } from 'wxt/browser';
import type { CardHost } from '../../components/CardHost.tsx';
import { CARD_HOST_ATTRIBUTE, CARD_UI_SLOT } from '../../components/card-constants.ts';
import type { CardUi } from '../../components/card-ui.ts';
import type { Mention } from '../../lib/detect/index.ts';
import { todayIso } from '../../lib/format/dates.ts';
import { createHoverTiming } from '../../lib/hover/hover-timing.ts';
import { readArticleDate } from '../../lib/page/article-date.ts';
import { HighlightPainter, highlightsSupported } from '../../lib/page/highlights.ts';
import { type Mark, markAtPoint } from '../../lib/page/marks.ts';
import { startPageScanner } from '../../lib/page/page-scanner.ts';
import type { LookupQuery } from '../../lib/protocol.ts';
import { isSiteEnabled, SETTINGS_KEY, type Settings, untilSiteEnabled } from '../../lib/settings/settings.ts';
import { contentMatches } from '../../lib/sites.ts';
import { sendMessage } from '../shared/messaging.ts';
import './style.css';

// On the page's timeline (not in its DOM), for the benchmark: when this script's modules were evaluated.
performance.mark('reflens-eval');

const GRACE_MS = 300;

function queryFor(m: Mention): LookupQuery {
  switch (m.kind) {
    case 'document':
      return { kind: 'document', ref: m.ref, text: m.text };
    case 'person':
      return { kind: 'person', name: m.name, titles: m.titles, entity: m.entity };
    default:
      return { kind: m.kind, name: m.name, entity: m.entity };
  }
}

/**
 * Settings as the background validated them (the schema stays out of the content script).
 * The answers to overlapping asks are taken in order: a slow one never undoes a newer one.
 */
function settingsFromBackground(): {
  read(): Promise<Settings>;
  subscribe(onSettings: (s: Settings) => void): () => void;
} {
  let asked = 0;
  const read = () => sendMessage('settings', undefined);
  return {
    read,
    subscribe(onSettings) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
        const mine = ++asked;
        void read().then(
          (s) => {
            if (mine === asked) onSettings(s);
          },
          (err: unknown) => console.warn('RefLens: could not read the settings', err),
        );
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** The card's code, asked of the background once per frame, on the first hover (entrypoints/card-ui.ts). */
function cardUiLoader(): () => Promise<CardUi> {
  let loading: Promise<CardUi> | null = null;
  const slot = () => (globalThis as unknown as Record<string, CardUi | undefined>)[CARD_UI_SLOT];
  return () => {
    loading ??= (async () => {
      if (!slot()) await sendMessage('loadCardUi', undefined);
      const ui = slot();
      if (!ui) throw new Error('the card code did not load');
      return ui;
    })();
    // A failed load (the worker restarting, say) is tried again on the next hover.
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}

function inViewport(mark: Mark<Mention>, win: Window): boolean {
  const r = mark.ranges[0]?.getBoundingClientRect();
  return !!r && r.bottom > 0 && r.top < win.innerHeight && r.width > 0;
}

export default defineContentScript({
  matches: contentMatches,
  runAt: 'document_idle',
  // Articles embedded in frames (live blogs, AMP viewers) are read too.
  allFrames: true,
  // WXT tells an older copy of this script to stop with a DOM event; its extra window.postMessage
  // would reach the page's own message listeners, which must never see RefLens.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in elements,
    // which is exactly the page mutation RefLens promises not to make.
    if (!highlightsSupported(window) || !document.body) return;

    const fromBackground = settingsFromBackground();
    let settings = await fromBackground.read();
    const requested = (globalThis as { __reflensRequested?: boolean }).__reflensRequested === true;
    if (!requested && !isSiteEnabled(settings, location.hostname)) {
      // Switched off here: sleep, without reading the page, until the reader switches the site on (no reload).
      const enabled = await untilSiteEnabled(location.hostname, fromBackground.subscribe, ctx.signal);
      if (!enabled) return;
      settings = enabled;
    }
    // Injected twice (popup asked on a page where it already runs): one instance is enough.
    const g = globalThis as { __reflensRunning?: boolean };
    if (g.__reflensRunning) return;
    g.__reflensRunning = true;

    performance.mark('reflens-start');
    // A single-page app changes article without a load: the date is read again at a new URL.
    let article = readArticleDate(document);
    let articleHref = location.href;
    const articleDate = (): string | null => {
      if (location.href !== articleHref) {
        articleHref = location.href;
        article = readArticleDate(document);
      }
      return article?.date ?? null;
    };
    const painter = new HighlightPainter<Mention>(window, settings.highlight);
    let cardHost: CardHost | null = null;

    const wanted = (m: Mention) => settings.kinds[m.kind];
    const lookup = (query: LookupQuery) =>
      sendMessage('lookup', { query, date: articleDate() ?? todayIso() });

    performance.mark('reflens-scan-start');
    const scanner = startPageScanner<Mention>({
      win: window,
      root: document.body,
      // In the background, where the detector is built once and runs warm: the page's main
      // thread only reads its text and draws the marks (lib/service/detection.ts says why).
      detect: (text) => {
        // Each text read, with its length, on the page's timeline: tests check nothing is read twice.
        performance.mark('reflens-detect', { detail: { chars: text.length } });
        return sendMessage('detect', { text, date: articleDate() });
      },
      onError: (err) => console.warn('RefLens: detection failed', err),
      exclude: (el) => el.hasAttribute(CARD_HOST_ATTRIBUTE),
      onAdded: (marks) => {
        painter.add(marks.filter((m) => wanted(m.mention)));
      },
      onRemoved: (marks) => {
        painter.remove(marks);
        // The text the open card explains is gone (live blog update, SPA navigation).
        const open = timing.openKey();
        if (open !== null && marks.some((m) => m.key === open)) timing.closeNow();
      },
    });
    void scanner.ready.then(() => {
      // On the page's timeline, not in the DOM, so benchmarks and tests can read it; the
      // highlights only hold marks near the viewport, so the count of all marks rides along.
      const marks: Record<string, number> = {};
      for (const kind of ['document', 'person', 'organization', 'place']) marks[kind] = painter.count(kind);
      performance.measure('reflens-scan', {
        start: 'reflens-scan-start',
        detail: { marks, work: { ...scanner.work } },
      });
    });
    const marks = scanner.marks;

    let openedByKeyboard = false;
    const timing = createHoverTiming({
      dwellMs: () => settings.dwellMs,
      graceMs: GRACE_MS,
      timers: {
        set: (fn, ms) => window.setTimeout(fn, ms),
        clear: (id) => window.clearTimeout(id),
      },
      open(key, token) {
        const mark = marks.get(key);
        if (!mark) return;
        const focus = openedByKeyboard;
        openedByKeyboard = false;
        performance.mark('reflens-open');
        void Promise.all([lookup(queryFor(mark.mention)), loadCardUi()]).then(
          ([data, ui]) => {
            // A later hover may have started while the background answered.
            if (!timing.isCurrent(token) || !mark.ranges[0]) return;
            painter.setActive(mark);
            ensureHost(ui).show(data, mark.ranges[0], {
              focus,
              announce: ui.announcement(data, settings.lang),
              dateSource: article ? 'article' : 'today',
            });
            // Dwell end → card painted, on the page's timeline for the benchmark.
            requestAnimationFrame(() =>
              setTimeout(() => performance.measure('reflens-card', 'reflens-open'), 0),
            );
          },
          (err: unknown) => console.warn('RefLens: could not open the card', err),
        );
      },
      close() {
        painter.setActive(undefined);
        cardHost?.hide();
      },
    });

    const loadCardUi = cardUiLoader();
    const ensureHost = (ui: CardUi): CardHost => {
      cardHost ??= ui.createCardHost({
        doc: document,
        lang: settings.lang,
        theme: settings.theme,
        onClose: () => timing.closeNow(),
        load: (id) => lookup({ kind: 'id', id }),
      });
      return cardHost;
    };

    const prefetchCardUi = () => {
      // Failures are reported when the card is opened, where they matter.
      loadCardUi().catch(() => {});
    };

    const visibleMark = (m: Mark<Mention> | undefined) => (m && wanted(m.mention) ? m : undefined);

    // Pointer moves arrive far faster than frames; one hit test per frame is enough.
    let pending: { x: number; y: number } | null = null;
    // Whether the pointer is over the card, told from our own window-level listener:
    // a page that stops events on the way down would starve listeners inside the card.
    let pointerInCard = false;
    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const inCard = cardHost?.contains(e.target) ?? false;
      if (inCard !== pointerInCard) {
        pointerInCard = inCard;
        timing.overCard(inCard);
      }
      if (inCard || settings.highlight === 'none') return;
      if (pending === null) {
        requestAnimationFrame(() => {
          if (!pending) return;
          const { x, y } = pending;
          pending = null;
          const key = visibleMark(markAtPoint(document, marks, x, y))?.key ?? null;
          // The dwell hides the card code's first load: it is asked for as the pointer arrives.
          if (key !== null) prefetchCardUi();
          timing.overMark(key);
        });
      }
      pending = { x: e.clientX, y: e.clientY };
    };

    // Touch has no hover: a tap on a mark opens its card, a tap elsewhere closes it.
    const onDown = (e: PointerEvent) => {
      // A click or tap inside the card keeps it open until it is dismissed.
      if (cardHost?.contains(e.target)) {
        timing.pin();
        return;
      }
      if (e.pointerType === 'touch') {
        const mark = visibleMark(markAtPoint(document, marks, e.clientX, e.clientY));
        if (mark) {
          timing.openNow(mark.key);
          return;
        }
      }
      if (timing.isPinned()) timing.closeNow();
    };

    const step = (dir: 1 | -1) => {
      const list = marks.live().filter((m) => wanted(m.mention) && inViewport(m, window));
      if (list.length === 0) return;
      const current = timing.openKey();
      const at = list.findIndex((m) => m.key === current);
      const next = list[at < 0 ? (dir === 1 ? 0 : list.length - 1) : (at + dir + list.length) % list.length];
      if (next) {
        openedByKeyboard = true;
        timing.openNow(next.key);
      }
    };

    // Alt+Shift+N / Alt+Shift+P walk the marks in view; Esc closes. Physical keys, so
    // Vietnamese input methods (Telex, VNI) and other layouts do not change them.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && timing.openKey() !== null) {
        timing.closeNow();
        return;
      }
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
        e.preventDefault();
        step(e.code === 'KeyN' ? 1 : -1);
      }
    };

    // Page Previews' lesson: a link reached by Tab opens its card like a hover does.
    const onFocus = (e: FocusEvent) => {
      const el = e.target;
      if (cardHost?.contains(el)) {
        timing.pin();
        return;
      }
      if (!(el instanceof Element)) return;
      const mark = marks.live().find((m) => wanted(m.mention) && el.contains(m.firstNode));
      if (mark) {
        prefetchCardUi();
        timing.overMark(mark.key);
      }
    };

    // On the window, in the capture phase: pages that stop these events on their own
    // elements (share bars, drag handlers, key bindings) cannot hide them from RefLens.
    window.addEventListener('pointermove', onMove, { passive: true, capture: true });
    window.addEventListener('pointerdown', onDown, { passive: true, capture: true });
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('focusin', onFocus, true);

    // Settings changed in the options page apply here without a reload.
    const onSettings = (next: Settings) => {
      const before = settings;
      settings = next;
      if (!requested && !isSiteEnabled(next, location.hostname)) {
        timing.closeNow();
        painter.clear();
        return;
      }
      if (
        JSON.stringify(before.kinds) !== JSON.stringify(next.kinds) ||
        !isSiteEnabled(before, location.hostname)
      ) {
        painter.clear();
        painter.add(marks.live().filter((m) => wanted(m.mention)));
      }
      painter.setStyle(next.highlight);
      cardHost?.configure({ lang: next.lang, theme: next.theme });
    };
    const unsubscribe = fromBackground.subscribe(onSettings);

    ctx.onInvalidated(() => {
      g.__reflensRunning = false;
      scanner.stop();
      unsubscribe();
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('focusin', onFocus, true);
      timing.closeNow();
      painter.clear();
    });
  },
});
