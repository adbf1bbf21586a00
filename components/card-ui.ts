// What the content script needs from the card's code once a reader hovers: the
// card host and the line said to screen readers. Loaded on demand (entrypoints/card-ui.ts),
// so the content script itself carries no UI library; this is the contract between them.

import { translate } from '../lib/i18n/messages.ts';
import type { CardData } from '../lib/protocol.ts';
import { documentHeading } from '../lib/service/labels.ts';
import type { Settings } from '../lib/settings/settings.ts';
import { createCardHost } from './CardHost.tsx';

/** One line for screen readers when a card opens. */
export function announcement(data: CardData, lang: Settings['lang']): string {
  switch (data.kind) {
    case 'document':
      return `${documentHeading(data.entry)}. ${data.entry.title ?? ''}`;
    case 'person':
    case 'organization':
      return data.entry.name;
    case 'person-from-page':
      return data.name;
    case 'document-from-page':
    case 'none':
      return `${data.text}. ${translate(lang, data.kind === 'none' ? 'notFound' : 'fromPage')}`;
  }
}

export const cardUi = { createCardHost, announcement };
export type CardUi = typeof cardUi;
