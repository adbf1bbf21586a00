// Hover timing after Wikipedia Page Previews: a dwell before opening, a grace
// period while the pointer travels from the mark into the card, and tokens so
// that an answer arriving for an earlier hover is dropped.
// Timers are injected so the state machine is tested without a browser.

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverTimingOptions {
  dwellMs: number;
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
  isCurrent(token: number): boolean;
  openKey(): number | null;
}

export function createHoverTiming(o: HoverTimingOptions): HoverTiming {
  let hovered: number | null = null;
  let shown: number | null = null;
  let inCard = false;
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
    shown = key;
    token += 1;
    o.open(key, token);
  };
  const hide = () => {
    clearDwell();
    clearGrace();
    if (shown !== null) {
      shown = null;
      token += 1;
      o.close();
    }
  };
  const scheduleClose = () => {
    if (shown === null || grace !== null) return;
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
      if (key !== null) {
        dwell = o.timers.set(() => {
          dwell = null;
          if (hovered === key) show(key);
        }, o.dwellMs);
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
    },
    closeNow() {
      hide();
    },
    isCurrent(t) {
      return t === token && shown !== null;
    },
    openKey() {
      return shown;
    },
  };
}
