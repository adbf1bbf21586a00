import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, type SyncResult, type SyncState } from '../../lib/sync/controller.ts';
import {
  describeSync,
  formatBytes,
  REASON_KEY,
  type SyncStatusView,
  syncReason,
} from '../../lib/sync/describe.ts';
import { SYNC_ERROR_CODES, type SyncError } from '../../lib/sync/errors.ts';

const AT = Date.UTC(2026, 2, 1, 8, 30);

function view(state: Partial<SyncState>, channelSet = true): SyncStatusView {
  return { state: { ...EMPTY_STATE, ...state }, channelSet, installedVersion: 1 };
}

function failedWith(code: SyncError['code'], params: SyncError['params'] = {}): SyncResult {
  return {
    at: AT,
    outcome: 'failed',
    trigger: 'manual',
    durationMs: 10,
    from: null,
    to: null,
    via: null,
    downloaded: 0,
    records: 0,
    resumedAt: 0,
    code,
    params,
    detail: 'x',
  };
}

describe('syncReason', () => {
  it.each(SYNC_ERROR_CODES.flatMap((c) => [[c, 'vi'] as const, [c, 'en'] as const]))(
    '%s has a plain sentence in %s with every placeholder filled',
    (code, lang) => {
      const params = {
        status: 503,
        seconds: 20,
        size: 70_000_000,
        cap: 67_108_864,
        declared: 1000,
        format: 'x 2',
        keyId: 'ed25519-ab',
        installed: 3,
        offered: 2,
        required: '0.2.0',
        ours: '0.1.0',
        detail: 'line 4',
      };
      const text = syncReason(code, params, lang);
      expect(text.length).toBeGreaterThan(15);
      expect(text).not.toMatch(/[{}]/);
      expect(REASON_KEY[code]).toBeDefined();
    },
  );

  it('says sizes in words a reader knows', () => {
    expect(syncReason('too-large', { size: 70_000_000, cap: 67_108_864 }, 'en')).toBe(
      'A file on the channel is larger than RefLens accepts (66.8 MB; limit 64 MB).',
    );
    expect(formatBytes(1536, 'vi')).toBe('2 KB');
    expect(syncReason('downgrade', { installed: 3, offered: 2 }, 'vi')).toContain(
      'phiên bản 2, cũ hơn phiên bản 3',
    );
  });
});

describe('describeSync', () => {
  it('shows download progress in bytes and apply progress in records', () => {
    const running = { trigger: 'manual' as const, startedAt: AT, phase: 'downloading' as const, target: 2 };
    const d = describeSync(
      view({
        running,
        progress: {
          phase: 'downloading',
          target: 2,
          bytes: 512 * 1024,
          totalBytes: 2 * 1024 * 1024,
          records: 0,
          totalRecords: 0,
        },
      }),
      'en',
    );
    expect(d).toMatchObject({
      busy: true,
      now: 'Downloading 512 KB of 2 MB',
      progress: { value: 524288, max: 2097152 },
    });
    const a = describeSync(
      view({
        running: { ...running, phase: 'applying' },
        progress: { phase: 'applying', target: 2, bytes: 1, totalBytes: 1, records: 500, totalRecords: 2104 },
      }),
      'vi',
    );
    expect(a.now).toBe('Đang ghi 500 / 2104 mục; vẫn tra cứu được bằng dữ liệu cũ.');
    expect(a.progress).toEqual({ value: 500, max: 2104 });
  });

  it('says a failure in plain words, that the old data stays, and when it tries again', () => {
    const d = describeSync(
      view({ last: failedWith('hash-mismatch'), nextRetryAt: AT + 60_000, attempt: 1 }),
      'en',
    );
    expect(d.tone).toBe('error');
    expect(d.last).toMatch(
      /^The update at .* did not go through: A file does not match the checksum in the signed manifest: it is damaged or was altered\. The data you had stays in use, intact\.$/,
    );
    expect(d.next).toMatch(/^Will try again at /);
    expect(d.busy).toBe(false);
  });

  it('reports success and up-to-date checks', () => {
    const ok = { ...failedWith('store'), outcome: 'updated' as const, code: null, from: 1, to: 2 };
    expect(describeSync(view({ last: ok }), 'en')).toMatchObject({
      tone: 'ok',
      last: expect.stringMatching(/^Updated to dataset version 2 at /),
    });
    const same = { ...ok, outcome: 'up-to-date' as const, from: 2, to: 2 };
    expect(describeSync(view({ last: same }), 'vi').last).toMatch(/^Dữ liệu đã mới nhất \(phiên bản 2\)/);
  });

  it('says when no channel is set, and when it waits for the network', () => {
    expect(describeSync(view({}, false), 'en').now).toBe('No update channel is set (see Settings).');
    expect(describeSync(view({ waitingOnline: true }), 'en')).toMatchObject({
      busy: true,
      now: 'Waiting for the network to sync…',
    });
  });
});
