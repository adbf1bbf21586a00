import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { DocumentEntry, OrganizationEntry, PersonEntry, Post, Source } from '../lib/dataset/schema.ts';
import { joinSymbol } from '../lib/detect/doc-ref.ts';
import { citationOf, citationOfRef } from '../lib/format/citation.ts';
import { formatDate, todayIso } from '../lib/format/dates.ts';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import type { CardData, DocRefQuery, RelatedLink } from '../lib/protocol.ts';
import { citedName, documentHeading } from '../lib/service/labels.ts';
import { heldOn } from '../lib/store/person-post.ts';

export interface CardProps {
  data: CardData;
  lang: Lang;
  onClose?: () => void;
  /** Show entry `id` in place of this card (the popup's detail view). */
  onOpenId?: (id: string) => void;
  /**
   * Fetch the card of entry `id`. Given it, links (relations, a parent body, a
   * merged province, the same-number switcher) open inside the card, with a back
   * button: the hover card must not jump away from the mark it belongs to.
   */
  load?: (id: string) => Promise<CardData>;
  /** Where the card's date comes from: the article, or today because the page gives none. */
  dateSource?: 'article' | 'today';
  /** Puts text on the clipboard; resolves false when the browser refused. */
  copy?: (text: string) => Promise<boolean>;
  /** Says something to screen readers (the host's live region). */
  announce?: (text: string) => void;
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface Frame {
  data: CardData;
  /** Documents sharing the number, most likely first, kept while the reader switches among them. */
  group: DocumentEntry[] | null;
}

function frameOf(data: CardData): Frame {
  return {
    data,
    group:
      data.kind === 'document' && data.alternatives.length > 0 ? [data.entry, ...data.alternatives] : null,
  };
}

let cardSerial = 0;

/** Places are organizations in the data but get their own colour on the card, as their marks do. */
function displayKind(d: CardData): string {
  return d.kind === 'organization' && (d.entry.kind === 'province' || d.entry.kind === 'city')
    ? 'place'
    : d.kind;
}

const defaultCopy = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
};

/** The hover card. Shared by the content script and the popup's detail view. */
export function Card({ data, lang, onClose, onOpenId, load, dateSource, copy, announce }: CardProps) {
  const t: T = (key, vars) => translate(lang, key, vars);
  const [nav, setNav] = useState<{ root: CardData; frames: Frame[] }>(() => ({
    root: data,
    frames: [frameOf(data)],
  }));
  const [busy, setBusy] = useState(false);
  const titleId = useRef(`reflens-card-title-${++cardSerial}`).current;
  // New `data` for a mounted card (the popup opened another entry): its navigation starts over.
  const frames = nav.root === data ? nav.frames : [frameOf(data)];
  const setFrames = (fn: (f: Frame[]) => Frame[]) =>
    setNav((n) => ({ root: data, frames: fn(n.root === data ? n.frames : [frameOf(data)]) }));
  const top = frames[frames.length - 1] as Frame;
  const root = frames[0] as Frame;

  const fetchCard = (id: string, then: (d: CardData) => void) => {
    if (!load) {
      onOpenId?.(id);
      return;
    }
    setBusy(true);
    load(id).then(
      (d) => {
        setBusy(false);
        then(d);
      },
      () => setBusy(false),
    );
  };
  const open =
    load || onOpenId ? (id: string) => fetchCard(id, (d) => setFrames((f) => [...f, frameOf(d)])) : undefined;
  const back = () => setFrames((f) => (f.length > 1 ? f.slice(0, -1) : f));

  const switchTo = (entry: DocumentEntry) => {
    const group = top.group;
    if (!group || top.data.kind !== 'document' || entry.id === top.data.entry.id) return;
    const others = group.filter((e) => e.id !== entry.id);
    const replace = (d: CardData) =>
      setFrames((f) => [
        ...f.slice(0, -1),
        { data: d.kind === 'document' ? { ...d, alternatives: others } : d, group },
      ]);
    if (load) fetchCard(entry.id, replace);
    else {
      // Without a loader (the popup), the entry is shown as it is; its relation labels are not at hand.
      const first = root.data.kind === 'document' && root.data.entry.id === entry.id ? root.data.related : [];
      replace({ kind: 'document', entry, alternatives: others, related: first });
    }
  };

  const doCopy = (text: string) => {
    void (copy ?? defaultCopy)(text).then((ok) => announce?.(t(ok ? 'cardCopied' : 'cardCopyFailed')));
  };

  return (
    <div
      class={`card card-${displayKind(top.data)}`}
      role="dialog"
      aria-labelledby={titleId}
      aria-busy={busy ? 'true' : undefined}
      data-kind={top.data.kind}
      tabIndex={-1}
    >
      <div class="toolbar">
        {frames.length > 1 && (
          <button type="button" class="back" onClick={back}>
            <span aria-hidden="true">←</span> {t('cardBack')}
          </button>
        )}
        {onClose && (
          <button type="button" class="close" aria-label={t('close')} title={t('close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <CardBody
        frame={top}
        t={t}
        titleId={titleId}
        open={open}
        switchTo={switchTo}
        dateSource={dateSource}
        copy={doCopy}
        copyLabel={t('cardCopyCitation')}
      />
    </div>
  );
}

interface BodyProps {
  frame: Frame;
  t: T;
  titleId: string;
  open: ((id: string) => void) | undefined;
  switchTo: (e: DocumentEntry) => void;
  dateSource: 'article' | 'today' | undefined;
  copy: (text: string) => void;
  copyLabel: string;
}

function CardBody({ frame, t, titleId, open, switchTo, dateSource, copy, copyLabel }: BodyProps) {
  const { data } = frame;
  const copyButton = (text: string) => (
    <button type="button" class="copy" onClick={() => copy(text)}>
      {copyLabel}
    </button>
  );
  switch (data.kind) {
    case 'document':
      return (
        <DocumentBody
          entry={data.entry}
          group={frame.group}
          related={data.related}
          t={t}
          titleId={titleId}
          open={open}
          switchTo={switchTo}
          footer={copyButton(citationOf(data.entry))}
        />
      );
    case 'document-from-page':
      return (
        <FromPageBody
          refq={data.ref}
          text={data.text}
          seenOn={data.seenOn ?? []}
          t={t}
          titleId={titleId}
          footer={copyButton(citationOfRef(data.ref, data.text))}
        />
      );
    case 'person':
      return (
        <PersonBody
          entry={data.entry}
          date={data.date}
          posts={data.postsOnDate}
          titles={data.titlesInArticle}
          dateSource={dateSource}
          t={t}
          titleId={titleId}
        />
      );
    case 'person-from-page':
      return (
        <>
          <Kind t={t} kind="kindPerson" />
          <h2 class="title" id={titleId}>
            {data.name}
          </h2>
          <p class="note">{t('fromPage')}</p>
          {data.titles.length > 0 && (
            <dl>
              <Field label={t('fieldTitlesInArticle')}>{data.titles.join('; ')}</Field>
            </dl>
          )}
        </>
      );
    case 'organization':
      return <OrganizationBody data={data} t={t} titleId={titleId} open={open} />;
    case 'none':
      return (
        <>
          <h2 class="title" id={titleId}>
            {data.text}
          </h2>
          <p class="note">{t('notFound')}</p>
        </>
      );
  }
}

function Kind({ t, kind }: { t: T; kind: MessageKey }) {
  return <div class="kind">{t(kind)}</div>;
}

function Field({ label, children }: { label: ComponentChildren; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Link({ id, label, open }: { id: string; label: string; open: ((id: string) => void) | undefined }) {
  if (!open) return <span>{label}</span>;
  return (
    <button type="button" class="link" onClick={() => open(id)}>
      {label}
    </button>
  );
}

const RELATION_KEYS: Record<string, MessageKey> = {
  replaces: 'relReplaces',
  replacedBy: 'relReplacedBy',
  amends: 'relAmends',
  amendedBy: 'relAmendedBy',
  guides: 'relGuides',
  guidedBy: 'relGuidedBy',
  implements: 'relImplements',
  implementedBy: 'relImplementedBy',
};

const STATUS_KEYS: Record<DocumentEntry['status'], MessageKey> = {
  in_force: 'statusIn_force',
  expired: 'statusExpired',
  not_yet_in_force: 'statusNot_yet_in_force',
  unknown: 'statusUnknown',
};

/** What tells documents of one number apart: their symbols, else their years, else their issuers. */
function switcherLabel(e: DocumentEntry, group: DocumentEntry[]): string {
  const symbol = e.symbol ?? e.number ?? e.type;
  const symbolsDiffer = new Set(group.map((g) => g.symbol)).size === group.length;
  const year = e.issuedDate?.slice(0, 4);
  if (symbolsDiffer) return year ? `${symbol} (${year})` : symbol;
  return [symbol, year, e.issuers[0]].filter(Boolean).join(' · ');
}

function DocumentBody({
  entry,
  group,
  related,
  t,
  titleId,
  open,
  switchTo,
  footer,
}: {
  entry: DocumentEntry;
  group: DocumentEntry[] | null;
  related: RelatedLink[];
  t: T;
  titleId: string;
  open: ((id: string) => void) | undefined;
  switchTo: (e: DocumentEntry) => void;
  footer: ComponentChildren;
}) {
  // Relations of one type share a line: "Thay thế: A, B".
  const byType = new Map<string, RelatedLink[]>();
  for (const r of related) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  return (
    <>
      <div class="head-row">
        <Kind t={t} kind="kindDocument" />
        <span class={`badge status-${entry.status}`}>{t(STATUS_KEYS[entry.status])}</span>
      </div>
      <h2 class="title" id={titleId}>
        {documentHeading(entry)}
      </h2>
      {group && group.length > 1 && (
        <fieldset class="switcher">
          <legend class="switcher-label">{t('sameNumber', { n: group.length })}:</legend>
          {group.map((e) => (
            <button
              type="button"
              key={e.id}
              class="chip"
              aria-pressed={e.id === entry.id ? 'true' : 'false'}
              onClick={() => switchTo(e)}
            >
              {switcherLabel(e, group)}
            </button>
          ))}
        </fieldset>
      )}
      {entry.title && entry.title !== documentHeading(entry) && <p class="summary">{entry.title}</p>}
      <dl>
        <Field label={t('fieldIssuer')}>{entry.issuers.join(', ')}</Field>
        <Field label={t('fieldSigner')}>{entry.signer}</Field>
        <Field label={t('fieldIssued')}>{formatDate(entry.issuedDate)}</Field>
        <Field label={t('fieldEffective')}>{formatDate(entry.effectiveDate)}</Field>
      </dl>
      {entry.summary && <p class="summary">{entry.summary}</p>}
      {byType.size > 0 && (
        <ul class="relations">
          {[...byType].map(([type, links]) => (
            <li key={type}>
              <span class="rel-type">{t(RELATION_KEYS[type] ?? 'relImplements')}</span>{' '}
              {links.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <Link id={r.id} label={r.label} open={open} />
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <Footer sources={entry.sources} t={t}>
        {footer}
      </Footer>
    </>
  );
}

function FromPageBody({
  refq,
  text,
  seenOn,
  t,
  titleId,
  footer,
}: {
  refq: DocRefQuery;
  text: string;
  seenOn: { url: string; seen: string }[];
  t: T;
  titleId: string;
  footer: ComponentChildren;
}) {
  const symbol = refq.number && refq.symbol ? joinSymbol(refq.number, refq.symbol) : refq.number;
  const first = seenOn[0];
  return (
    <>
      <div class="head-row">
        <Kind t={t} kind="kindDocument" />
        <span class="badge from-page">{t('fromPage')}</span>
      </div>
      <h2 class="title" id={titleId}>
        {symbol ? citedName(refq.docType, symbol) : text}
      </h2>
      <dl>
        <Field label={t('fieldIssuer')}>{refq.issuer}</Field>
        <Field label={t('fieldIssued')}>{formatDate(refq.date)}</Field>
        <Field label={t('fieldSubject')}>{refq.subject}</Field>
      </dl>
      {first && (
        <p class="note learned">
          {t('learnedFrom', { site: hostOf(first.url), date: formatDate(first.seen) })}
          {seenOn.length > 1 && ` ${t('learnedMore', { n: seenOn.length - 1 })}`}
        </p>
      )}
      <div class="footer">
        <span class="sources">
          {first && (
            <>
              {t('fieldSource')}:{' '}
              <a href={first.url} target="_blank" rel="noopener noreferrer">
                {hostOf(first.url)}
              </a>
            </>
          )}
        </span>
        {footer}
      </div>
    </>
  );
}

/** "2016 – 2024", "4/2016 – nay": the precision the source gives, years for a compact line. */
function span(p: Post, t: T, short = false): string {
  if (!p.start && !p.end) return '';
  const d = (s: string | null) => (short ? (s ?? '').slice(0, 4) : formatDate(s));
  return `${d(p.start) || '?'} – ${p.end ? d(p.end) : t('present')}`;
}

function PersonBody({
  entry,
  date,
  posts,
  titles,
  dateSource,
  t,
  titleId,
}: {
  entry: PersonEntry;
  date: string;
  posts: Post[];
  titles: string[];
  dateSource: 'article' | 'today' | undefined;
  t: T;
  titleId: string;
}) {
  const today = todayIso();
  const key = (p: Post) => `${p.title}:${p.start}:${p.end}`;
  // Posts held today that the article's date does not already show.
  const shown = new Set(posts.map(key));
  const now = date === today ? [] : entry.posts.filter((p) => heldOn(p, today) && !shown.has(key(p)));
  const timeline = [...entry.posts].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  return (
    <>
      <Kind t={t} kind="kindPerson" />
      <h2 class="title" id={titleId}>
        {entry.name}
      </h2>
      <dl class="stack">
        <Field
          label={
            <>
              {t('fieldPostOnDate', { date: formatDate(date) })}
              {dateSource && (
                <span class={`date-source date-${dateSource}`}>
                  {' '}
                  ({t(dateSource === 'today' ? 'fieldDateToday' : 'fieldDateArticle')})
                </span>
              )}
            </>
          }
        >
          {posts.length > 0 ? (
            <ul class="posts">
              {posts.map((p) => (
                <li key={key(p)}>
                  {p.title} <span class="span">({span(p, t)})</span>
                </li>
              ))}
            </ul>
          ) : (
            t('noPostOnDate')
          )}
        </Field>
        {now.length > 0 && (
          <Field label={t('fieldPostsNow')}>
            <ul class="posts">
              {now.map((p) => (
                <li key={key(p)}>{p.title}</li>
              ))}
            </ul>
          </Field>
        )}
        <Field label={t('fieldTitlesInArticle')}>{titles.join('; ')}</Field>
      </dl>
      {entry.birthYear !== null && (
        <p class="meta">
          {t('fieldBorn')}: {entry.birthYear}
        </p>
      )}
      {timeline.length > 0 && (
        <details class="timeline">
          <summary>{t('fieldTimeline', { n: timeline.length })}</summary>
          <ol>
            {timeline.map((p) => (
              <li key={key(p)}>
                <span class="span">{span(p, t, true)}</span> <span>{p.title}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <Footer sources={entry.sources} t={t} />
    </>
  );
}

/** The day after `iso` (a body that ceased on 30/6 became its successor on 1/7). */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function OrganizationBody({
  data,
  t,
  titleId,
  open,
}: {
  data: Extract<CardData, { kind: 'organization' }>;
  t: T;
  titleId: string;
  open: ((id: string) => void) | undefined;
}) {
  const { entry } = data;
  const isPlace = entry.kind === 'province' || entry.kind === 'city';
  const links = (list: OrganizationEntry[]) =>
    list.map((o, i) => (
      <span key={o.id}>
        {i > 0 && ', '}
        <Link id={o.id} label={o.name} open={open} />
      </span>
    ));
  const period =
    entry.validFrom || entry.validTo
      ? `${formatDate(entry.validFrom) || '…'} – ${entry.validTo ? formatDate(entry.validTo) : t('present')}`
      : '';
  const becameLabel = entry.validTo
    ? t('placeMergedInto', { date: formatDate(dayAfter(entry.validTo)) })
    : t('fieldBecame');
  const formedLabel = entry.validFrom
    ? t('placeFormedOn', { date: formatDate(entry.validFrom) })
    : t('fieldFormedFrom');
  return (
    <>
      <Kind t={t} kind={isPlace ? 'kindPlace' : 'kindOrganization'} />
      <h2 class="title" id={titleId}>
        {entry.name}
      </h2>
      {data.successors.length > 0 && (
        <p class="merged">
          {becameLabel}: {links(data.successors)}
        </p>
      )}
      {data.predecessors.length > 0 && (
        <p class="merged">
          {formedLabel}: {links(data.predecessors)}
        </p>
      )}
      <dl>
        <Field label={t('fieldAbbreviations')}>{entry.abbreviations.join(', ')}</Field>
        <Field label={t('fieldParent')}>
          {data.parent ? <Link id={data.parent.id} label={data.parent.name} open={open} /> : null}
        </Field>
        <Field label={t('fieldHead')}>
          {data.heads && data.heads.length > 0
            ? data.heads.map((h, i) => (
                <span key={h.id}>
                  {i > 0 && '; '}
                  <Link id={h.id} label={h.name} open={open} /> <span class="muted">({h.title})</span>
                </span>
              ))
            : null}
        </Field>
        <Field label={t('fieldValid')}>{period}</Field>
      </dl>
      <Footer sources={entry.sources} t={t} />
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A file of the public source data, named by its source set ("vn-officials-politicalnet", "corpus"). */
function fileLabel(file: string): string {
  const parts = file.split('/');
  const at = parts.indexOf('sources');
  if (at >= 0 && parts[at + 1]) return parts[at + 1] as string;
  const shared = parts.indexOf('shared');
  if (shared >= 0 && parts[shared + 1]) return parts[shared + 1] as string;
  return parts[parts.length - 1] as string;
}

interface SourceLink {
  label: string;
  url: string | undefined;
  quote: string | undefined;
}

/** One link per site: three quotes from one outlet are one source to a reader. */
export function sourcesByHost(sources: readonly Source[]): SourceLink[] {
  const seen = new Map<string, SourceLink>();
  for (const s of sources) {
    const label = s.url ? hostOf(s.url) : s.file ? fileLabel(s.file) : '';
    if (!label || seen.has(label)) continue;
    seen.set(label, { label, url: s.url, quote: s.quote });
  }
  return [...seen.values()];
}

const MAX_SOURCES = 3;

function Footer({ sources, t, children }: { sources: Source[]; t: T; children?: ComponentChildren }) {
  const all = sourcesByHost(sources);
  const shown = all.slice(0, MAX_SOURCES);
  return (
    <div class="footer">
      <span class="sources">
        {t('fieldSource')}:{' '}
        {shown.map((s, i) => (
          <span key={s.label}>
            {i > 0 && ' · '}
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.quote}>
                {s.label}
              </a>
            ) : (
              <span title={s.quote}>{s.label}</span>
            )}
          </span>
        ))}
        {all.length > shown.length && ` +${all.length - shown.length}`}
      </span>
      {children}
    </div>
  );
}
