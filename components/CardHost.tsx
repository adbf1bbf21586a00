import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { Lang } from '../lib/i18n/messages.ts';
import type { CardData } from '../lib/protocol.ts';
import { Card } from './Card.tsx';
import { CARD_CSS } from './card-styles.ts';

export type Theme = 'auto' | 'light' | 'dark';

export interface CardHostOptions {
  doc: Document;
  lang: Lang;
  theme: Theme;
  onPointerInside(inside: boolean): void;
  onClose(): void;
  onOpenId(id: string): void;
  /** The reader clicked inside the card: keep it open until dismissed. */
  onPin(): void;
}

/** Something the card is placed against: the mark's range (its rects change on scroll and zoom). */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export interface CardHost {
  show(data: CardData, anchor: Anchor, opts?: { focus?: boolean; announce?: string }): void;
  hide(): void;
  isOpen(): boolean;
  /** Whether an event target is (inside) the card. */
  contains(target: EventTarget | null): boolean;
  configure(o: { lang?: Lang; theme?: Theme }): void;
}

export const CARD_HOST_ATTRIBUTE = 'data-reflens-card';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  transform: 'none',
  opacity: '1',
  visibility: 'visible',
  'pointer-events': 'auto',
  'z-index': '2147483647',
  contain: 'none',
};

/**
 * The card lives in a closed shadow root on a host attached to <html>, outside
 * <body>, so the page's body DOM is never changed and page scripts cannot reach in.
 */
export function createCardHost(o: CardHostOptions): CardHost {
  // An element name of our own: page rules aimed at div/span cannot select it.
  const host = o.doc.createElement('reflens-card');
  host.setAttribute(CARD_HOST_ATTRIBUTE, '');
  // Inline and !important: the only declarations a page's `!important` rules cannot beat.
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = o.doc.createElement('style');
  style.textContent = CARD_CSS;
  const wrap = o.doc.createElement('div');
  wrap.hidden = true;
  // Screen readers hear what opened without the card stealing focus on a mere hover.
  const live = o.doc.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  shadow.append(style, wrap, live);
  wrap.addEventListener('pointerenter', () => o.onPointerInside(true));
  wrap.addEventListener('pointerleave', () => o.onPointerInside(false));
  wrap.addEventListener('pointerdown', () => o.onPin());
  wrap.addEventListener('focusin', () => o.onPin());

  let lang = o.lang;
  let theme = o.theme;
  let stopAutoUpdate: (() => void) | null = null;
  let open = false;
  let current: { data: CardData; anchor: Anchor } | null = null;

  const applyTheme = () => {
    wrap.className = `wrap theme-${theme}`;
  };
  applyTheme();

  const place = (anchor: Anchor) => {
    const reference = {
      getBoundingClientRect: () => {
        // A mark wrapped over two lines: anchor to its first line, not the union box.
        const rects = Array.from(anchor.getClientRects());
        return (rects[0] as DOMRect | undefined) ?? anchor.getBoundingClientRect();
      },
      getClientRects: () => anchor.getClientRects(),
    };
    stopAutoUpdate?.();
    stopAutoUpdate = autoUpdate(reference, wrap, () => {
      void computePosition(reference, wrap, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, availableWidth }) {
              wrap.style.maxHeight = `${Math.max(120, availableHeight)}px`;
              wrap.style.maxWidth = `${Math.min(420, Math.max(200, availableWidth))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        wrap.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  };

  const paint = () => {
    if (!current) return;
    render(<Card data={current.data} lang={lang} onClose={o.onClose} onOpenId={o.onOpenId} />, wrap);
  };

  return {
    show(data, anchor, opts = {}) {
      if (!host.isConnected) o.doc.documentElement.append(host);
      current = { data, anchor };
      paint();
      wrap.hidden = false;
      open = true;
      place(anchor);
      if (opts.announce) live.textContent = opts.announce;
      if (opts.focus) {
        // Keyboard users land in the card, on its first control.
        const target = wrap.querySelector<HTMLElement>('button, a[href]') ?? wrap.querySelector<HTMLElement>('[role="dialog"]');
        target?.focus();
      }
    },
    hide() {
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      render(null, wrap);
      wrap.hidden = true;
      open = false;
      current = null;
      live.textContent = '';
      host.remove();
    },
    isOpen: () => open,
    contains: (target) => target === host,
    configure(c) {
      if (c.lang) lang = c.lang;
      if (c.theme) theme = c.theme;
      applyTheme();
      paint();
    },
  };
}
