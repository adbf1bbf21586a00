import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { Lang } from '../lib/i18n/messages.ts';
import type { CardData } from '../lib/protocol.ts';
import { Card } from './Card.tsx';
import { CARD_HOST_ATTRIBUTE } from './card-constants.ts';
import { CARD_CSS } from './card-styles.ts';

export type Theme = 'auto' | 'light' | 'dark';

export interface CardHostOptions {
  doc: Document;
  lang: Lang;
  theme: Theme;
  onClose(): void;
  /** The card of entry `id`, for links inside the card (relations, parent body, same-number switcher). */
  load(id: string): Promise<CardData>;
}

/** Something the card is placed against: the mark's range (its rects change on scroll and zoom). */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export interface ShowOptions {
  /** Move the focus into the card (it was opened from the keyboard). */
  focus?: boolean;
  /** Said to screen readers when the card opens. */
  announce?: string;
  /** Where the card's date comes from (a person card says when it fell back to today). */
  dateSource?: 'article' | 'today';
}

export interface CardHost {
  show(data: CardData, anchor: Anchor, opts?: ShowOptions): void;
  hide(): void;
  isOpen(): boolean;
  /** Whether an event target is (inside) the card. */
  contains(target: EventTarget | null): boolean;
  configure(o: { lang?: Lang; theme?: Theme }): void;
}

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
  overflow: 'visible',
  background: 'none',
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

  let lang = o.lang;
  let theme = o.theme;
  let stopAutoUpdate: (() => void) | null = null;
  let open = false;
  let current: { data: CardData; anchor: Anchor; opts: ShowOptions; serial: number } | null = null;
  let serial = 0;
  // Where the focus was before a keyboard-opened card took it, to give it back on close.
  let returnFocus: HTMLElement | null = null;

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

  const announce = (text: string) => {
    // Cleared first so the same words twice are still announced.
    live.textContent = '';
    setTimeout(() => {
      live.textContent = text;
    }, 30);
  };

  const paint = () => {
    if (!current) return;
    render(
      <Card
        key={current.serial}
        data={current.data}
        lang={lang}
        onClose={o.onClose}
        load={o.load}
        dateSource={current.opts.dateSource}
        copy={(text) => copyText(o.doc, shadow, text)}
        announce={announce}
      />,
      wrap,
    );
  };

  return {
    show(data, anchor, opts = {}) {
      if (!host.isConnected) {
        o.doc.documentElement.append(host);
        // The top layer is above every z-index a page can set, and above its open
        // dialogs and popovers; `manual`, so the page's light-dismiss cannot close it.
        if (typeof host.showPopover === 'function') {
          host.setAttribute('popover', 'manual');
          host.showPopover();
        }
      }
      current = { data, anchor, opts, serial: ++serial };
      paint();
      wrap.hidden = false;
      open = true;
      place(anchor);
      if (opts.announce) announce(opts.announce);
      if (opts.focus) {
        const active = o.doc.activeElement;
        if (active !== host && active instanceof HTMLElement) returnFocus = active;
        // Keyboard users land on the card itself (its label is read), one Tab from its first control.
        wrap.querySelector<HTMLElement>('[role="dialog"]')?.focus();
      }
    },
    hide() {
      const hadFocus = shadow.activeElement !== null;
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      render(null, wrap);
      wrap.hidden = true;
      open = false;
      current = null;
      live.textContent = '';
      host.remove();
      if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
      returnFocus = null;
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

/**
 * The clipboard API needs a secure, focused page; news sites on plain http and
 * some embedded frames have neither, so the old selection-and-copy route follows.
 */
async function copyText(doc: Document, shadow: ShadowRoot, text: string): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0';
    shadow.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
