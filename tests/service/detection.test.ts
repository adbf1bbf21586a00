import { describe, expect, it } from 'vitest';
import type { GazetteerPayload } from '../../lib/protocol.ts';
import { createDetectionService, MAX_DETECT_CHARS } from '../../lib/service/detection.ts';
import { gazetteer as fixture } from '../fixtures/detect/gazetteer.ts';

const payload = (version: number, persons = fixture.persons): GazetteerPayload => ({
  version,
  persons,
  organizations: fixture.organizations,
  lawNames: [],
});

describe('detection in the background', () => {
  it('detects, yielding between slices so other messages are answered', async () => {
    let yields = 0;
    let clock = 0;
    const service = createDetectionService({
      gazetteer: async () => payload(1),
      // Every clock read moves time on: each slice ends after a few checks.
      now: () => (clock += 3),
      yieldNow: async () => {
        yields++;
      },
    });
    const text = 'Đại tướng Tô Lâm dự. Nghị quyết số 12-NQ/TW của Bộ Chính trị. '.repeat(200);
    const found = await service.detect(text, '2023-03-20');
    expect(found.filter((m) => m.kind === 'person')).toHaveLength(200);
    expect(yields).toBeGreaterThan(5);
  });

  it('builds the detector once per dataset version', async () => {
    let version = 1;
    const persons = [{ id: 'p:a', names: ['Lương Tam Quang'] }];
    const service = createDetectionService({
      gazetteer: async () => (version === 1 ? payload(1, []) : payload(2, persons)),
      now: () => 0,
      yieldNow: async () => {},
    });
    expect(
      (await service.detect('Lương Tam Quang phát biểu.', null)).filter((m) => m.kind === 'person'),
    ).toEqual([]);
    version = 2;
    const after = await service.detect('Lương Tam Quang phát biểu.', null);
    expect(after.find((m) => m.kind === 'person')?.entity).toBe('p:a');
  });

  it('refuses a text too long for one request, with a clear error', async () => {
    const service = createDetectionService({
      gazetteer: async () => payload(1),
      now: () => 0,
      yieldNow: async () => {},
    });
    await expect(service.detect('a'.repeat(MAX_DETECT_CHARS + 1), null)).rejects.toThrow(/at most/);
  });
});
