import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '../lib/format/dates.ts';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import type { CardData, SearchResponse, SearchResult } from '../lib/protocol.ts';
import { Card } from './Card.tsx';
import { CARD_CSS } from './card-styles.ts';

interface Props {
  lang: Lang;
  theme: 'auto' | 'light' | 'dark';
  search(query: string): Promise<SearchResponse>;
  open(id: string): Promise<CardData>;
  /** The status area under the results (dataset, sync, site switch). */
  footer?: ComponentChildren;
}

type Kind = SearchResult['kind'];
const KINDS: Kind[] = ['document', 'person', 'organization', 'place'];
export const KIND_ICON: Record<Kind, string> = {
  document: '📄',
  person: '👤',
  organization: '🏛',
  place: '📍',
};
const KIND_LABEL: Record<Kind, MessageKey> = {
  document: 'kindDocument',
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
};
const STATUS_LABEL: Record<NonNullable<SearchResult['status']>, MessageKey> = {
  in_force: 'statusIn_force',
  expired: 'statusExpired',
  not_yet_in_force: 'statusNot_yet_in_force',
  unknown: 'statusUnknown',
};

const EMPTY: SearchResponse = {
  results: [],
  counts: { document: 0, person: 0, organization: 0, place: 0 },
  capped: false,
};

/**
 * The popup: search as you type; ↑/↓ move through the results, Enter (or a
 * click) opens the same card the page shows on hover, Esc goes back. The input
 * is an ARIA combobox over a listbox, so screen readers follow the active result.
 */
export function SearchPanel({ lang, theme, search, open, footer }: Props) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<SearchResponse>(EMPTY);
  /** The query the shown results answer (tests and the live region wait for it). */
  const [answered, setAnswered] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<CardData | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const latest = useRef(0);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setAnswer(EMPTY);
      return;
    }
    void search(query).then(
      (r) => {
        // Typing is faster than answers; only the newest query may paint.
        if (ticket !== latest.current) return;
        setAnswer(r);
        setAnswered(query);
        setActive(0);
      },
      () => {
        if (ticket === latest.current) setAnswer(EMPTY);
      },
    );
  }, [query, search]);

  useEffect(() => {
    if (detail) detailRef.current?.querySelector<HTMLElement>('.card')?.focus();
  }, [detail]);

  const results = answer.results;
  const back = () => {
    setDetail(null);
    // After the list is back in the DOM.
    setTimeout(() => input.current?.focus(), 0);
  };
  const choose = (r: SearchResult | undefined) => {
    if (!r) return;
    const ticket = latest.current;
    void open(r.id).then((card) => {
      if (ticket === latest.current) setDetail(card);
    });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && detail) {
      e.preventDefault();
      back();
      return;
    }
    if (detail || e.target !== input.current) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(results[active]);
    }
  };

  const total = KINDS.reduce((n, k) => n + answer.counts[k], 0);
  const hasResults = !detail && results.length > 0;

  return (
    <main class={`wrap theme-${theme} panel`} onKeyDown={onKey}>
      <style>{CARD_CSS.replace(':host { all: initial; }', '')}</style>
      <style>{PANEL_CSS}</style>
      <h1 class="sr-only">{t('extName')}</h1>
      <label class="search" hidden={!!detail}>
        <span class="sr-only">{t('searchLabel')}</span>
        <input
          ref={input}
          type="search"
          {...combobox(hasResults)}
          aria-autocomplete="list"
          aria-controls={hasResults ? 'results' : undefined}
          aria-activedescendant={hasResults ? `result-${active}` : undefined}
          aria-describedby="search-hint"
          autocomplete="off"
          spellcheck={false}
          value={query}
          placeholder={t('searchPlaceholder')}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      <p id="search-hint" class="hint" hidden={!!detail || query.trim() !== ''}>
        {t('searchHint')}
      </p>
      {detail ? (
        <div class="detail" ref={detailRef}>
          <button type="button" class="link back" onClick={back}>
            ← {t('backToResults')}
          </button>
          <Card data={detail} lang={lang} onClose={back} onOpenId={(id) => void open(id).then(setDetail)} />
        </div>
      ) : (
        query.trim() !== '' && (
          <>
            <p class="counts" aria-live="polite">
              <span>{t(answer.capped ? 'resultsCountMore' : 'resultsCount', { n: total })}</span>
              {total > 0 && (
                <span class="chips">
                  <span class="sr-only">{t('countsLabel')}:</span>
                  {KINDS.filter((k) => answer.counts[k] > 0).map((k) => (
                    <span key={k} class={`chip chip-${k}`} data-kind={k}>
                      <span aria-hidden="true">{KIND_ICON[k]}</span> {t(KIND_LABEL[k])} {answer.counts[k]}
                      {answer.capped ? '+' : ''}
                    </span>
                  ))}
                </span>
              )}
            </p>
            {results.length === 0 ? (
              <p class="empty">{t('noResults')}</p>
            ) : (
              <div id="results" role="listbox" aria-label={t('searchLabel')} data-query={answered}>
                {results.map((r, i) => (
                  // Focus stays in the combobox (aria-activedescendant), which handles the keys;
                  // options take the mouse only, as the ARIA combobox pattern has it.
                  // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input
                  // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant
                  <div
                    key={r.id}
                    id={`result-${i}`}
                    role="option"
                    aria-selected={i === active}
                    class={i === active ? 'active' : ''}
                    data-id={r.id}
                    onClick={() => choose(r)}
                    onMouseEnter={() => setActive(i)}
                  >
                    <span class="icon" aria-hidden="true">
                      {KIND_ICON[r.kind]}
                    </span>
                    <span class="label">
                      {r.label}
                      <span class="sr-only">, {t(KIND_LABEL[r.kind])}</span>
                    </span>
                    {r.detail && <span class="detail-text">{r.detail}</span>}
                    <ResultMeta r={r} t={t} />
                  </div>
                ))}
              </div>
            )}
          </>
        )
      )}
      {footer}
    </main>
  );
}

/**
 * ARIA 1.2 combobox attributes. Preact's types insist on a `list` (datalist)
 * attribute for role="combobox", which ARIA does not require and which would
 * point at the wrong element here.
 */
function combobox(expanded: boolean): Record<string, unknown> {
  return { role: 'combobox', 'aria-expanded': expanded ? 'true' : 'false' };
}

function ResultMeta({
  r,
  t,
}: {
  r: SearchResult;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}) {
  const parts: ComponentChildren[] = [];
  if (r.mergedFrom) parts.push(<span key="m">{t('resultMergedFrom', { from: r.mergedFrom })}</span>);
  if (r.kind === 'document' && r.date) parts.push(<span key="d">{formatDate(r.date)}</span>);
  if (r.status && r.status !== 'unknown') {
    parts.push(
      <span key="s" class={`badge status-${r.status}`}>
        {t(STATUS_LABEL[r.status])}
      </span>,
    );
  }
  if (parts.length === 0) return null;
  return <span class="meta">{parts}</span>;
}

const PANEL_CSS = `
.panel.wrap { position: static; max-width: none; min-height: 100vh; box-sizing: border-box; padding: 10px; display: flex; flex-direction: column; gap: 8px; background: var(--bg); }
.search input { width: 100%; box-sizing: border-box; font: inherit; color: var(--fg); background: var(--bg); padding: 8px 10px; border-radius: 6px; border: 1px solid var(--muted); }
.search input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.hint, .counts, .empty { margin: 0; font-size: 12px; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.chips { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.chip { border: 1px solid var(--border); border-radius: 999px; padding: 0 8px; color: var(--fg); }
#results { list-style: none; margin: 0; padding: 0; max-height: 360px; overflow: auto; }
#results [role=option] { display: grid; grid-template-columns: 24px 1fr; column-gap: 6px; padding: 6px 8px; border-radius: 6px; cursor: pointer; color: var(--fg); }
#results [role=option].active { background: var(--unk-bg); outline: 1px solid var(--accent); }
#results .label { font-weight: 600; }
#results .detail-text, #results .meta { grid-column: 2; font-size: 12px; color: var(--muted); }
#results .detail-text { overflow: hidden; text-overflow: ellipsis; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
#results .meta { display: flex; gap: 8px; align-items: center; }
.detail .card { box-shadow: none; }
.back { margin-bottom: 6px; font-size: 13px; }
`;
