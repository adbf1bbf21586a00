import { useEffect, useRef, useState } from 'preact/hooks';
import { type Lang, translate } from '../lib/i18n/messages.ts';
import type { CardData, DatasetStatus, SearchResult } from '../lib/protocol.ts';
import { Card } from './Card.tsx';
import { CARD_CSS } from './card-styles.ts';

interface Props {
  lang: Lang;
  search(query: string): Promise<SearchResult[]>;
  open(id: string): Promise<CardData>;
  status(): Promise<DatasetStatus>;
}

const KIND_ICON: Record<SearchResult['kind'], string> = {
  document: '📄',
  person: '👤',
  organization: '🏛',
  place: '📍',
};

/** The popup: search as you type, ↑/↓ through results, Enter for the card, Esc back. */
export function SearchPanel({ lang, search, open, status }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<CardData | null>(null);
  const [info, setInfo] = useState<DatasetStatus | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => {
    input.current?.focus();
    void status().then(setInfo, () => setInfo(null));
  }, [status]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setResults([]);
      return;
    }
    void search(query).then((r) => {
      // Typing is faster than answers; only the newest query may paint.
      if (ticket === latest.current) {
        setResults(r);
        setActive(0);
      }
    });
  }, [query, search]);

  const choose = async (r: SearchResult | undefined) => {
    if (r) setDetail(await open(r.id));
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose(results[active]);
    } else if (e.key === 'Escape' && detail) {
      e.preventDefault();
      setDetail(null);
      input.current?.focus();
    }
  };

  return (
    <div class="panel" onKeyDown={onKey}>
      <style>{CARD_CSS.replace(':host { all: initial; }', '')}</style>
      <style>{PANEL_CSS}</style>
      <label class="search">
        <span class="visually-hidden">{translate(lang, 'searchLabel')}</span>
        <input
          ref={input}
          type="search"
          value={query}
          placeholder={translate(lang, 'searchPlaceholder')}
          aria-controls="results"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      {detail ? (
        <div class="wrap detail">
          <Card data={detail} lang={lang} onClose={() => setDetail(null)} onOpenId={(id) => void open(id).then(setDetail)} />
        </div>
      ) : (
        <ul id="results" role="listbox" aria-label={translate(lang, 'searchLabel')}>
          {query.trim() !== '' && results.length === 0 && <li class="empty">{translate(lang, 'noResults')}</li>}
          {results.map((r, i) => (
            <li
              key={r.id}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onClick={() => void choose(r)}
              onMouseEnter={() => setActive(i)}
            >
              <span class="icon" aria-hidden="true">
                {KIND_ICON[r.kind]}
              </span>
              <span class="label">{r.label}</span>
              <span class="detail-text">{r.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <footer class="status">
        {info?.version
          ? translate(lang, 'datasetVersion', { version: info.version, built: info.built ?? '' })
          : translate(lang, 'datasetLoading')}
      </footer>
    </div>
  );
}

const PANEL_CSS = `
.panel { padding: 10px; display: flex; flex-direction: column; gap: 8px; }
.search input { width: 100%; box-sizing: border-box; font: inherit; padding: 8px 10px; border-radius: 6px; border: 1px solid #8c959f; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
#results { list-style: none; margin: 0; padding: 0; max-height: 380px; overflow: auto; }
#results li { display: grid; grid-template-columns: 24px 1fr; column-gap: 6px; padding: 6px 8px; border-radius: 6px; cursor: pointer; }
#results li.active { background: rgba(11, 92, 173, 0.12); }
#results .detail-text { grid-column: 2; font-size: 12px; opacity: 0.75; }
#results .empty { cursor: default; opacity: 0.7; }
.detail { position: static; max-width: none; }
.status { font-size: 12px; opacity: 0.7; }
`;
