// @vitest-environment happy-dom
// The options page's component against fake ports: what each control saves,
// what "add a site" asks the browser for and says back (granted, refused,
// failed, invalid, too many), the language switch, and the data section.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataPorts } from '../components/OptionsData.tsx';
import { OptionsPanel, type OptionsPorts } from '../components/OptionsPanel.tsx';
import { formatDate } from '../lib/format/dates.ts';
import { translate } from '../lib/i18n/messages.ts';
import type { DatasetStatus } from '../lib/protocol.ts';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/settings.ts';
import { normalizeSettings } from '../lib/settings/settings-schema.ts';
import { DEFAULT_NEWS_SITES } from '../lib/sites.ts';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** Lets promises and the re-renders they cause settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

function fakePorts(initial: Partial<Settings> = {}) {
  let stored: Settings = normalizeSettings(initial);
  const saved: Settings[] = [];
  const ports = {
    load: vi.fn(async () => structuredClone(stored)),
    save: vi.fn(async (s: Settings) => {
      stored = structuredClone(s);
      saved.push(stored);
    }),
    requestSite: vi.fn(async (_host: string) => true),
    releaseSite: vi.fn(async (_host: string) => {}),
  } satisfies OptionsPorts;
  return { ports, saved, stored: () => stored };
}

async function mount(ports: OptionsPorts): Promise<void> {
  await act(async () => render(<OptionsPanel ports={ports} />, root));
  await settle();
}

const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`Nothing matches ${sel}`);
  return el;
};
const message = () => $('[data-testid=options-message]').textContent ?? '';

async function click(el: Element): Promise<void> {
  await act(async () => (el as HTMLElement).click());
  await settle();
}

async function typeSite(text: string): Promise<void> {
  const input = $<HTMLInputElement>('#add-site-input');
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => $<HTMLFormElement>('form.add-site').requestSubmit());
  await settle();
}

async function change(input: HTMLInputElement, value?: string): Promise<void> {
  await act(async () => {
    if (value !== undefined) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (input.type === 'checkbox') {
      input.checked = !input.checked;
    } else {
      input.checked = true;
    }
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('the options page', () => {
  it('lists every default site switched on, in Vietnamese by default', async () => {
    const { ports } = fakePorts();
    await mount(ports);
    const sites = [...root.querySelectorAll<HTMLInputElement>('input[name=site]')];
    expect(sites.map((i) => i.value)).toEqual(DEFAULT_NEWS_SITES);
    expect(sites.every((i) => i.checked)).toBe(true);
    expect($('h1').textContent).toBe(translate('vi', 'optionsTitle'));
    expect(document.documentElement.lang).toBe('vi');
  });

  it('saves each control and says so', async () => {
    const { ports, stored } = fakePorts();
    await mount(ports);
    await change($<HTMLInputElement>('input[name=site][value="tuoitre.vn"]'));
    await change($<HTMLInputElement>('input[name=kind-person]'));
    await change($<HTMLInputElement>('input[name=highlight][value=background]'));
    await change($<HTMLInputElement>('input[name=dwell]'), '650');
    await change($<HTMLInputElement>('input[name=theme][value=dark]'));
    await change($<HTMLInputElement>('input[name=channel]'), ' https://data.example.vn/m.json ');
    expect(stored()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['tuoitre.vn'],
      kinds: { ...DEFAULT_SETTINGS.kinds, person: false },
      highlight: 'background',
      dwellMs: 650,
      theme: 'dark',
      channelUrl: 'https://data.example.vn/m.json',
    });
    expect(message()).toBe(translate('vi', 'optSaved'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    // Back on: the site leaves the list of switched-off ones.
    await change($<HTMLInputElement>('input[name=site][value="tuoitre.vn"]'));
    expect(stored().disabledSites).toEqual([]);
  });

  it('refuses a dwell outside 0–3000 with a message, saving nothing', async () => {
    const { ports } = fakePorts();
    await mount(ports);
    await change($<HTMLInputElement>('input[name=dwell]'), '5000');
    expect(ports.save).not.toHaveBeenCalled();
    expect(message()).toBe(translate('vi', 'optDwellInvalid'));
    expect($('input[name=dwell]').getAttribute('aria-invalid')).toBe('true');
  });

  it('switches every string to English, and back', async () => {
    const { ports } = fakePorts();
    await mount(ports);
    const viText = root.textContent ?? '';
    await change($<HTMLInputElement>('input[name=lang][value=en]'));
    expect($('h1').textContent).toBe('RefLens settings');
    expect(root.textContent).toContain(translate('en', 'optPrivacy'));
    expect(root.textContent).not.toContain(translate('vi', 'optPrivacy'));
    expect(message()).toBe('Saved');
    expect(document.documentElement.lang).toBe('en');
    await change($<HTMLInputElement>('input[name=lang][value=vi]'));
    expect(root.textContent?.replace(translate('vi', 'optSaved'), '')).toBe(viText);
  });

  it('follows settings changed elsewhere (the popup, another device)', async () => {
    const { ports } = fakePorts();
    let push: ((s: Settings) => void) | undefined;
    await mount({
      ...ports,
      subscribe: (fn) => {
        push = fn;
        return () => {};
      },
    });
    await act(async () => push?.(normalizeSettings({ disabledSites: ['vov.vn'], lang: 'en' })));
    expect($<HTMLInputElement>('input[name=site][value="vov.vn"]').checked).toBe(false);
    expect($('h1').textContent).toBe('RefLens settings');
  });
});

describe('adding a site', () => {
  it('asks for that host only, then adds it and says it runs there', async () => {
    const { ports, stored } = fakePorts();
    await mount(ports);
    await typeSite('https://www.baohatinh.vn/thoi-su');
    expect(ports.requestSite).toHaveBeenCalledExactlyOnceWith('baohatinh.vn');
    expect(stored().extraSites).toEqual(['baohatinh.vn']);
    expect(message()).toBe(translate('vi', 'optSiteAdded', { site: 'baohatinh.vn' }));
    expect($<HTMLInputElement>('input[name=site][value="baohatinh.vn"]').checked).toBe(true);
    expect($<HTMLInputElement>('#add-site-input').value).toBe('');
  });

  it('says clearly when the browser refuses, and records nothing', async () => {
    const { ports } = fakePorts();
    ports.requestSite.mockResolvedValueOnce(false);
    await mount(ports);
    await typeSite('baohatinh.vn');
    expect(ports.save).not.toHaveBeenCalled();
    expect(message()).toBe(translate('vi', 'optPermissionDenied', { site: 'baohatinh.vn' }));
    expect($('[data-testid=options-message]').className).toContain('tone-error');
    // What the reader typed stays, to try again.
    expect($<HTMLInputElement>('#add-site-input').value).toBe('baohatinh.vn');
  });

  it("reports a failed request with the browser's reason", async () => {
    const { ports } = fakePorts();
    ports.requestSite.mockRejectedValueOnce(
      new Error('Only permissions specified in the manifest may be requested.'),
    );
    await mount(ports);
    await typeSite('baohatinh.vn');
    expect(message()).toBe(
      translate('vi', 'optPermissionError', {
        site: 'baohatinh.vn',
        reason: 'Only permissions specified in the manifest may be requested.',
      }),
    );
  });

  it('asks nothing for input that is no site', async () => {
    const { ports } = fakePorts();
    await mount(ports);
    await typeSite('không phải trang');
    expect(ports.requestSite).not.toHaveBeenCalled();
    expect(message()).toBe(translate('vi', 'optSiteInvalid'));
  });

  it('switches a default site back on instead of asking for it', async () => {
    const { ports, stored } = fakePorts({ disabledSites: ['vnexpress.net'] });
    await mount(ports);
    await typeSite('e.vnexpress.net');
    expect(ports.requestSite).not.toHaveBeenCalled();
    expect(stored().disabledSites).toEqual([]);
    expect(message()).toBe(translate('vi', 'optSiteIsDefault', { site: 'vnexpress.net' }));
  });

  it('refuses a site the settings could not keep, before asking the browser', async () => {
    const extraSites = Array.from({ length: 350 }, (_, i) => `bao-dia-phuong-so-${i}.vn`);
    const { ports } = fakePorts({ extraSites });
    // Stored before the quota check existed (or written by hand): it loads, but nothing more can be added.
    expect(normalizeSettings({ extraSites }).extraSites).toHaveLength(350);
    await mount(ports);
    await typeSite('baohatinh.vn');
    expect(ports.requestSite).not.toHaveBeenCalled();
    expect(message()).toBe(translate('vi', 'optTooManySites'));
  });

  it('gives the access back when the settings cannot be saved', async () => {
    const { ports } = fakePorts();
    ports.save.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await mount(ports);
    await typeSite('baohatinh.vn');
    expect(ports.releaseSite).toHaveBeenCalledExactlyOnceWith('baohatinh.vn');
    expect(message()).toBe(translate('vi', 'optSaveFailed', { reason: 'QUOTA_BYTES quota exceeded' }));
    expect(root.querySelector('input[name=site][value="baohatinh.vn"]')).toBeNull();
  });

  it('removing an added site drops it and gives its access back', async () => {
    const { ports, stored } = fakePorts({ extraSites: ['baohatinh.vn'], disabledSites: ['baohatinh.vn'] });
    await mount(ports);
    const remove = $('button.remove');
    expect(remove.getAttribute('aria-label')).toBe(
      translate('vi', 'optRemoveSite', { site: 'baohatinh.vn' }),
    );
    await click(remove);
    expect(stored().extraSites).toEqual([]);
    expect(stored().disabledSites).toEqual([]);
    expect(ports.releaseSite).toHaveBeenCalledExactlyOnceWith('baohatinh.vn');
  });
});

describe('the data section', () => {
  const status = (over: Partial<DatasetStatus> = {}): DatasetStatus => ({
    version: 7,
    built: '2026-11-01',
    counts: { documents: 311, persons: 120, organizations: 95 },
    source: 'database',
    importState: 'done',
    error: null,
    errorCode: null,
    importProgress: null,
    ...over,
  });

  function dataPorts() {
    let learned = 3;
    let importing = 0;
    return {
      status: vi.fn(async () =>
        importing > 0
          ? status({
              importState: 'importing',
              source: 'bundle',
              importProgress: { done: 40 * importing--, total: 100 },
            })
          : status(),
      ),
      learnedCount: vi.fn(async () => learned),
      exportLearned: vi.fn(async () => ({ file: 'reflens-learned-2026-11-25.json', count: learned })),
      clearLearned: vi.fn(async () => {
        const n = learned;
        learned = 0;
        return n;
      }),
      reimport: vi.fn(async () => {
        importing = 2;
        return status({
          importState: 'importing',
          source: 'bundle',
          importProgress: { done: 0, total: 100 },
        });
      }),
    } satisfies DataPorts;
  }

  it('shows the dataset version, counts and where answers come from', async () => {
    const { ports } = fakePorts();
    await mount({ ...ports, data: dataPorts() });
    const text = $('[data-testid=data-status]').textContent ?? '';
    expect(text).toContain(
      translate('vi', 'datasetVersion', { version: 7, built: formatDate('2026-11-01') }),
    );
    expect(text).toContain(
      translate('vi', 'optDataCounts', { documents: 311, persons: 120, organizations: 95 }),
    );
    expect(text).toContain(translate('vi', 'optDataFromDatabase'));
    expect($('[data-testid=learned-count]').textContent).toBe(translate('vi', 'optLearnedCount', { n: 3 }));
  });

  it('exports, then clears only after a confirmation', async () => {
    const { ports } = fakePorts();
    const data = dataPorts();
    await mount({ ...ports, data });
    await click($('button[name=export-learned]'));
    expect(data.exportLearned).toHaveBeenCalledTimes(1);
    expect(message()).toBe(
      translate('vi', 'optLearnedExported', { n: 3, file: 'reflens-learned-2026-11-25.json' }),
    );
    await click($('button[name=clear-learned]'));
    expect(data.clearLearned).not.toHaveBeenCalled();
    expect(root.textContent).toContain(translate('vi', 'optLearnedClearConfirm', { n: 3 }));
    await click($('button.danger'));
    expect(data.clearLearned).toHaveBeenCalledTimes(1);
    expect(message()).toBe(translate('vi', 'optLearnedCleared', { n: 3 }));
    expect($('[data-testid=learned-count]').textContent).toBe(translate('vi', 'optLearnedCount', { n: 0 }));
    expect($<HTMLButtonElement>('button[name=export-learned]').disabled).toBe(true);
  });

  it('re-imports: shows progress until done, then says which version it holds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { ports } = fakePorts();
      const data = dataPorts();
      await act(async () => render(<OptionsPanel ports={{ ...ports, data }} />, root));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      await act(async () => $('button[name=reimport]').click());
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      expect($('[data-testid=data-status]').textContent).toContain(
        translate('vi', 'optImportProgress', { percent: 0 }),
      );
      expect($<HTMLButtonElement>('button[name=reimport]').disabled).toBe(true);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(600);
      });
      expect($('[data-testid=data-status]').textContent).toContain(
        translate('vi', 'optImportProgress', { percent: 80 }),
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1200);
      });
      expect(message()).toBe(translate('vi', 'optReimportDone', { version: 7 }));
      expect($<HTMLButtonElement>('button[name=reimport]').disabled).toBe(false);
      expect(data.reimport).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
