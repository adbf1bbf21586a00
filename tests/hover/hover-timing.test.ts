import { describe, expect, it } from 'vitest';
import { createHoverTiming, type HoverTiming } from '../../lib/hover/hover-timing.ts';

/** A manual clock: timers fire only when the test advances time. */
function clock() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      set(fn: () => void, ms: number) {
        const id = next++;
        pending.set(id, { at: now + ms, fn });
        return id;
      },
      clear(id: number) {
        pending.delete(id);
      },
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

function setup() {
  const c = clock();
  const events: string[] = [];
  const tokens: number[] = [];
  const timing: HoverTiming = createHoverTiming({
    dwellMs: 300,
    graceMs: 300,
    timers: c.timers,
    open: (key, token) => {
      events.push(`open:${key}`);
      tokens.push(token);
    },
    close: () => events.push('close'),
  });
  return { c, events, tokens, timing };
}

describe('hover timing', () => {
  it('opens only after the dwell', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(299);
    expect(events).toEqual([]);
    c.advance(1);
    expect(events).toEqual(['open:1']);
  });

  it('does not open when the pointer only passes over a mark', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(150);
    timing.overMark(null);
    c.advance(1000);
    expect(events).toEqual([]);
  });

  it('stays open while the pointer travels into the card within the grace period', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    timing.overMark(null);
    c.advance(200);
    timing.overCard(true);
    c.advance(5000);
    expect(events).toEqual(['open:1']);
    timing.overCard(false);
    c.advance(299);
    expect(events).toEqual(['open:1']);
    c.advance(1);
    expect(events).toEqual(['open:1', 'close']);
  });

  it('closes after the grace period when the pointer leaves the mark for nothing', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    timing.overMark(null);
    c.advance(300);
    expect(events).toEqual(['open:1', 'close']);
  });

  it('moving to another mark switches cards after its own dwell', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    timing.overMark(2);
    c.advance(300);
    expect(events).toEqual(['open:1', 'open:2']);
  });

  it('invalidates the token of an earlier hover so its late answer is dropped', () => {
    const { c, tokens, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    const first = tokens[0] as number;
    timing.overMark(2);
    c.advance(300);
    expect(timing.isCurrent(first)).toBe(false);
    expect(timing.isCurrent(tokens[1] as number)).toBe(true);
    timing.closeNow();
    expect(timing.isCurrent(tokens[1] as number)).toBe(false);
  });

  it('openNow skips the dwell (keyboard focus, tap) and closeNow closes (Esc)', () => {
    const { events, timing } = setup();
    timing.openNow(4);
    expect(events).toEqual(['open:4']);
    expect(timing.openKey()).toBe(4);
    timing.closeNow();
    expect(events).toEqual(['open:4', 'close']);
    expect(timing.openKey()).toBeNull();
  });

  it('a pinned card survives the pointer leaving and other marks, until closed', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    timing.pin();
    timing.overMark(null);
    c.advance(2000);
    timing.overMark(2);
    c.advance(2000);
    expect(events).toEqual(['open:1']);
    expect(timing.isPinned()).toBe(true);
    timing.closeNow();
    expect(timing.isPinned()).toBe(false);
    expect(events).toEqual(['open:1', 'close']);
  });

  it('a card opened from the keyboard is pinned', () => {
    const { c, events, timing } = setup();
    timing.openNow(3);
    timing.overMark(null);
    c.advance(1000);
    expect(events).toEqual(['open:3']);
  });

  it('a card closed under the pointer (Esc) does not keep the next card open after the pointer leaves', () => {
    const { c, events, timing } = setup();
    timing.overMark(1);
    c.advance(300);
    timing.overMark(null);
    timing.overCard(true);
    timing.closeNow(); // Esc: the card vanishes, so no pointerleave ever comes
    timing.overMark(2);
    c.advance(300);
    timing.overMark(null);
    c.advance(300);
    expect(events).toEqual(['open:1', 'close', 'open:2', 'close']);
  });
});
