import type { ComponentChildren } from 'preact';
import type { DocumentEntry, OrganizationEntry, PersonEntry, Post, Source } from '../lib/dataset/schema.ts';
import { formatDate } from '../lib/format/dates.ts';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import type { CardData, RelatedLink } from '../lib/protocol.ts';
import { documentHeading } from '../lib/service/labels.ts';

interface CardProps {
  data: CardData;
  lang: Lang;
  onClose?: () => void;
  onOpenId?: (id: string) => void;
}

/** The hover card. Shared by the content script and the popup's detail view. */
export function Card({ data, lang, onClose, onOpenId }: CardProps) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  return (
    <div class={`card card-${data.kind}`} role="dialog" aria-label={t('cardLabel')} data-kind={data.kind} tabIndex={-1}>
      {onClose && (
        <button type="button" class="close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      )}
      <CardBody data={data} t={t} onOpenId={onOpenId} />
    </div>
  );
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

function CardBody({ data, t, onOpenId }: { data: CardData; t: T; onOpenId?: (id: string) => void }) {
  switch (data.kind) {
    case 'document':
      return <DocumentBody entry={data.entry} alternatives={data.alternatives} related={data.related} t={t} onOpenId={onOpenId} />;
    case 'document-from-page':
      return (
        <>
          <Kind t={t} kind="kindDocument" />
          <h2 class="title">{data.text}</h2>
          <p class="note">{t('fromPage')}</p>
          <dl>
            <Field label={t('fieldIssuer')}>{data.ref.issuer}</Field>
            <Field label={t('fieldIssued')}>{formatDate(data.ref.date)}</Field>
          </dl>
          {data.ref.subject && <p class="summary">{data.ref.subject}</p>}
        </>
      );
    case 'person':
      return <PersonBody entry={data.entry} date={data.date} posts={data.postsOnDate} titles={data.titlesInArticle} t={t} />;
    case 'person-from-page':
      return (
        <>
          <Kind t={t} kind="kindPerson" />
          <h2 class="title">{data.name}</h2>
          <p class="note">{t('fromPage')}</p>
          {data.titles.length > 0 && (
            <dl>
              <Field label={t('fieldTitlesInArticle')}>{data.titles.join('; ')}</Field>
            </dl>
          )}
        </>
      );
    case 'organization':
      return <OrganizationBody data={data} t={t} onOpenId={onOpenId} />;
    case 'none':
      return (
        <>
          <h2 class="title">{data.text}</h2>
          <p class="note">{t('notFound')}</p>
        </>
      );
  }
}

function Kind({ t, kind }: { t: T; kind: MessageKey }) {
  return <div class="kind">{t(kind)}</div>;
}

function Field({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
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

function DocumentBody({
  entry,
  alternatives,
  related,
  t,
  onOpenId,
}: {
  entry: DocumentEntry;
  alternatives: DocumentEntry[];
  related: RelatedLink[];
  t: T;
  onOpenId?: (id: string) => void;
}) {
  return (
    <>
      <div class="head-row">
        <Kind t={t} kind="kindDocument" />
        <span class={`badge status-${entry.status}`}>{t(STATUS_KEYS[entry.status])}</span>
      </div>
      <h2 class="title">{documentHeading(entry)}</h2>
      {entry.title && <p class="summary">{entry.title}</p>}
      <dl>
        <Field label={t('fieldIssuer')}>{entry.issuers.join(', ')}</Field>
        <Field label={t('fieldSigner')}>{entry.signer}</Field>
        <Field label={t('fieldIssued')}>{formatDate(entry.issuedDate)}</Field>
        <Field label={t('fieldEffective')}>{formatDate(entry.effectiveDate)}</Field>
      </dl>
      {entry.summary && <p class="summary">{entry.summary}</p>}
      {related.length > 0 && (
        <ul class="relations">
          {related.map((r) => (
            <li key={`${r.type}:${r.id}`}>
              {t(RELATION_KEYS[r.type] ?? 'relImplements')}{' '}
              <button type="button" class="link" onClick={() => onOpenId?.(r.id)}>
                {r.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {alternatives.length > 0 && <p class="note">{t('sameNumber', { n: alternatives.length + 1 })}</p>}
      <Sources sources={entry.sources} t={t} />
    </>
  );
}

function postLine(p: Post, t: T): string {
  const span = p.start || p.end ? ` (${formatDate(p.start) || '?'} – ${p.end ? formatDate(p.end) : t('present')})` : '';
  return `${p.title}${span}`;
}

function PersonBody({ entry, date, posts, titles, t }: { entry: PersonEntry; date: string; posts: Post[]; titles: string[]; t: T }) {
  return (
    <>
      <Kind t={t} kind="kindPerson" />
      <h2 class="title">{entry.name}</h2>
      <dl>
        <Field label={t('fieldPostOnDate', { date: formatDate(date) })}>
          {posts.length > 0 ? (
            <ul class="posts">
              {posts.map((p) => (
                <li key={`${p.title}:${p.start}`}>{postLine(p, t)}</li>
              ))}
            </ul>
          ) : (
            t('noPostOnDate')
          )}
        </Field>
        <Field label={t('fieldTitlesInArticle')}>{titles.join('; ')}</Field>
        <Field label={t('fieldBorn')}>{entry.birthYear ?? ''}</Field>
      </dl>
      <Sources sources={entry.sources} t={t} />
    </>
  );
}

function OrganizationBody({
  data,
  t,
  onOpenId,
}: {
  data: Extract<CardData, { kind: 'organization' }>;
  t: T;
  onOpenId?: (id: string) => void;
}) {
  const { entry } = data;
  const isPlace = entry.kind === 'province' || entry.kind === 'city';
  const links = (list: OrganizationEntry[]) =>
    list.map((o, i) => (
      <span key={o.id}>
        {i > 0 && ', '}
        <button type="button" class="link" onClick={() => onOpenId?.(o.id)}>
          {o.name}
        </button>
      </span>
    ));
  const period =
    entry.validFrom || entry.validTo
      ? `${formatDate(entry.validFrom) || '…'} – ${entry.validTo ? formatDate(entry.validTo) : t('present')}`
      : '';
  return (
    <>
      <Kind t={t} kind={isPlace ? 'kindPlace' : 'kindOrganization'} />
      <h2 class="title">{entry.name}</h2>
      <dl>
        <Field label={t('fieldAbbreviations')}>{entry.abbreviations.join(', ')}</Field>
        <Field label={t('fieldParent')}>{data.parent?.name}</Field>
        <Field label={t('fieldValid')}>{period}</Field>
        <Field label={t('fieldBecame')}>{data.successors.length > 0 ? links(data.successors) : null}</Field>
        <Field label={t('fieldFormedFrom')}>{data.predecessors.length > 0 ? links(data.predecessors) : null}</Field>
      </dl>
      <Sources sources={entry.sources} t={t} />
    </>
  );
}

function sourceLabel(s: Source): string {
  if (s.url) {
    try {
      return new URL(s.url).hostname.replace(/^www\./, '');
    } catch {
      return s.url;
    }
  }
  return s.file ?? '';
}

function Sources({ sources, t }: { sources: Source[]; t: T }) {
  // Several sources usually back one entry; the first two are enough on a card.
  const shown = sources.slice(0, 2);
  return (
    <p class="sources">
      {t('fieldSource')}:{' '}
      {shown.map((s, i) => (
        <span key={s.url ?? s.file}>
          {i > 0 && ' · '}
          {s.url ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer" title={s.quote}>
              {sourceLabel(s)}
            </a>
          ) : (
            <span title={s.quote}>{sourceLabel(s)}</span>
          )}
        </span>
      ))}
    </p>
  );
}
