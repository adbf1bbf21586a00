import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { Lang } from '../lib/i18n/messages.ts';
import type { CardData } from '../lib/protocol.ts';
import { Card } from './Card.tsx';
import { CARD_CSS } from './card-styles.ts';

export interface CardHostOptions {
  doc: Document;
  lang: Lang;
  onPointerInside(inside: boolean): void;
  onClose(): void;
  onOpenId(id: string): void;
}

/** Something the card is placed against: the mark's range (its rects change on scroll and zoom). */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

export interface CardHost {
  show(data: CardData, anchor: Anchor): void;
  hide(): void;
  isOpen(): boolean;
  contains(node: Node | null): boolean;
  destroy(): void;
}

/**
 * The card lives in a closed shadow root on a host attached to <html>, outside
 * <body>, so the page's body DOM is never changed and page scripts cannot reach in.
 */
export function createCardHost(o: CardHostOptions): CardHost {
  const host = o.doc.createElement('div');
  host.setAttribute('data-reflens-card', '');
  // Inline so that no page stylesheet can give the host a size, a transform or hide it.
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = o.doc.createElement('style');
  style.textContent = CARD_CSS;
  const wrap = o.doc.createElement('div');
  wrap.className = 'wrap';
  wrap.hidden = true;
  shadow.append(style, wrap);
  wrap.addEventListener('pointerenter', () => o.onPointerInside(true));
  wrap.addEventListener('pointerleave', () => o.onPointerInside(false));

  let stopAutoUpdate: (() => void) | null = null;
  let open = false;

  const place = (anchor: Anchor) => {
    const reference = {
      getBoundingClientRect: () => {
        // A mark wrapped over two lines: anchor to the line the card is nearest to, not the union box.
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

  return {
    show(data, anchor) {
      if (!host.isConnected) o.doc.documentElement.append(host);
      render(<Card data={data} lang={o.lang} onClose={o.onClose} onOpenId={o.onOpenId} />, wrap);
      wrap.hidden = false;
      open = true;
      place(anchor);
    },
    hide() {
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      render(null, wrap);
      wrap.hidden = true;
      open = false;
      host.remove();
    },
    isOpen: () => open,
    contains: (node) => node === host,
    destroy() {
      this.hide();
    },
  };
}
