// Hover timing after Wikipedia Page Previews: a dwell before opening, a grace
// period while the pointer travels from the mark into the card, and tokens so
// that an answer arriving for an earlier hover is dropped.
// Timers are injected so the state machine is tested without a browser.

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverTimingOptions {
  /** Read at each hover, so a changed setting applies at once. */
  dwellMs: number | (() => number);
  graceMs: number;
  timers: Timers;
  /** Open the card for target `key`; `token` must be passed back to `isCurrent`. */
  open(key: number, token: number): void;
  close(): void;
}

export interface HoverTiming {
  /** Pointer is over mark `key` (or null: over nothing of ours). */
  overMark(key: number | null): void;
  /** Pointer entered / left the card. */
  overCard(inside: boolean): void;
  /** Open now (keyboard focus, tap). */
  openNow(key: number): void;
  closeNow(): void;
  /** Keep the open card until closeNow (click in the card, keyboard, tap). */
  pin(): void;
  isPinned(): boolean;
  isCurrent(token: number): boolean;
  openKey(): number | null;
}

export function createHoverTiming(o: HoverTimingOptions): HoverTiming {
  let hovered: number | null = null;
  let shown: number | null = null;
  let inCard = false;
  let pinned = false;
  let token = 0;
  let dwell: number | null = null;
  let grace: number | null = null;

  const clearDwell = () => {
    if (dwell !== null) o.timers.clear(dwell);
    dwell = null;
  };
  const clearGrace = () => {
    if (grace !== null) o.timers.clear(grace);
    grace = null;
  };
  const show = (key: number) => {
    clearDwell();
    clearGrace();
    pinned = false;
    shown = key;
    token += 1;
    o.open(key, token);
  };
  const hide = () => {
    clearDwell();
    clearGrace();
    pinned = false;
    // A card that disappears under the pointer gets no pointerleave: forget it was entered.
    inCard = false;
    if (shown !== null) {
      shown = null;
      token += 1;
      o.close();
    }
  };
  const scheduleClose = () => {
    if (shown === null || grace !== null || pinned) return;
    grace = o.timers.set(() => {
      grace = null;
      if (!inCard && hovered !== shown) hide();
    }, o.graceMs);
  };

  return {
    overMark(key) {
      if (key === hovered) return;
      hovered = key;
      clearDwell();
      if (key !== null && key === shown) {
        clearGrace();
        return;
      }
      // A pinned card stays put; hovering elsewhere does not replace it.
      if (key !== null && !pinned) {
        dwell = o.timers.set(
          () => {
            dwell = null;
            if (hovered === key) show(key);
          },
          typeof o.dwellMs === 'function' ? o.dwellMs() : o.dwellMs,
        );
      }
      if (shown !== null && !inCard) scheduleClose();
    },
    overCard(inside) {
      inCard = inside;
      if (inside) clearGrace();
      else scheduleClose();
    },
    openNow(key) {
      show(key);
      pinned = true;
    },
    closeNow() {
      hide();
    },
    pin() {
      if (shown === null) return;
      pinned = true;
      clearGrace();
    },
    isPinned() {
      return pinned;
    },
    isCurrent(t) {
      return t === token && shown !== null;
    },
    openKey() {
      return shown;
    },
  };
}
