// Ids must stay readable in diffs and stable across re-imports, so they are
// derived from names rather than from positions or random values.
import { fold } from './keys.ts';

/** "Bùi Quang Huy (chính khách)" → "bui-quang-huy-chinh-khach". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
