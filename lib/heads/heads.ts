// Who headed a body on a date, where the data knows it: the dataset has no "head"
// field, but officials' posts name the body they lead ("Bộ trưởng Bộ Công an",
// "Bí thư Tỉnh ủy Nghệ An", "Trưởng ban Tổ chức Trung ương"). A post whose title is
// a head's title followed by the body's own name (or one of its other names) makes
// its holder the head for the post's dates. Deputies ("Phó …", "Thứ trưởng …")
// and offices within a body ("Chánh Văn phòng Bộ Công an") never match, because
// the rest of their title is not the body's name.
import { nameKey } from '../dataset/keys.ts';
import type { OrganizationEntry, PersonEntry, Post } from '../dataset/schema.ts';
import type { CardData } from '../protocol.ts';
import { heldOn } from '../store/person-post.ts';

/**
 * Titles that head the body named after them, compared with their diacritics (folded,
 * "Thủ tướng" and "Thứ trưởng" would be one word). `drop` is how many words go before
 * the body's name: "Tổng Thanh tra Chính phủ" heads "Thanh tra Chính phủ", "Trưởng ban
 * Tổ chức Trung ương" heads "Ban Tổ chức Trung ương". Longest first: "Tổng Bí thư" before "Bí thư".
 */
const HEAD_TITLES: { words: string[]; drop: number }[] = [
  ['Tổng Bí thư'],
  ['Bí thư'],
  ['Bộ trưởng'],
  ['Chủ tịch'],
  ['Thủ tướng'],
  ['Chánh án'],
  ['Viện trưởng'],
  ['Thống đốc'],
  ['Chủ nhiệm'],
  ['Tổng Giám đốc'],
  ['Giám đốc'],
  ['Tư lệnh'],
  ['Tổng cục trưởng'],
  ['Cục trưởng'],
  ['Tổng Thanh tra', 1],
  ['Tổng Kiểm toán', 1],
  ['Trưởng', 1],
  ['Chánh', 1],
]
  .map(([t, drop]) => {
    const words = lowerWords(t as string);
    return { words, drop: (drop as number | undefined) ?? words.length };
  })
  .sort((a, b) => b.words.length - a.words.length);

function lowerWords(s: string): string[] {
  return s.normalize('NFC').toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
}

export interface HeadLink {
  id: string;
  name: string;
  /** The post as the source words it. */
  title: string;
}

export interface HeadIndex {
  /** Persons heading `org` on `date` (YYYY-MM-DD), in the order the data lists them. */
  headsOf(org: OrganizationEntry, date: string): HeadLink[];
}

/** The body a head's title names, as a name key, or null when the title is not a head's. */
export function headedBody(title: string): string | null {
  const words = title.normalize('NFC').replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  for (const head of HEAD_TITLES) {
    if (lower.length <= head.words.length) continue;
    if (head.words.every((w, i) => lower[i] === w)) return nameKey(words.slice(head.drop).join(' '));
  }
  return null;
}

export function createHeadIndex(persons: readonly PersonEntry[]): HeadIndex {
  const byBody = new Map<string, { person: PersonEntry; post: Post }[]>();
  for (const person of persons) {
    for (const post of person.posts) {
      const body = headedBody(post.title);
      if (!body) continue;
      const list = byBody.get(body);
      if (list) list.push({ person, post });
      else byBody.set(body, [{ person, post }]);
    }
  }
  return {
    headsOf(org, date) {
      const out: HeadLink[] = [];
      const seen = new Set<string>();
      for (const name of [org.name, ...org.aliases]) {
        for (const { person, post } of byBody.get(nameKey(name)) ?? []) {
          if (seen.has(person.id) || !heldOn(post, date)) continue;
          seen.add(person.id);
          out.push({ id: person.id, name: person.name, title: post.title });
        }
      }
      return out;
    },
  };
}

/**
 * Adds the heads to body cards, from one index per dataset version (built from
 * that version's officials when first needed). Any other card, or no version to
 * read from (the database still importing), comes back unchanged.
 */
export function createHeadCache(): (
  card: CardData,
  date: string,
  version: number | null,
  persons: () => Promise<readonly PersonEntry[]>,
) => Promise<CardData> {
  let cached: { version: number; index: Promise<HeadIndex> } | null = null;
  return async (card, date, version, persons) => {
    if (card.kind !== 'organization' || version === null) return card;
    if (!cached || cached.version !== version) cached = { version, index: persons().then(createHeadIndex) };
    try {
      const heads = (await cached.index).headsOf(card.entry, date);
      return heads.length > 0 ? { ...card, heads } : card;
    } catch {
      cached = null; // the next card tries again
      return card;
    }
  };
}
