// The article's date decides which post a person held, so it is read from the
// page in order of reliability: structured metadata first, visible text last.

export interface ArticleDate {
  date: string;
  from: 'meta' | 'json-ld' | 'time' | 'dateline';
}

const META_NAMES = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'dc.date.issued',
  'date',
];

function isoFromString(s: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "Thứ Bảy, 19/07/2025 05:47", "20-3-2023", "ngày 5 tháng 6 năm 2024" → ISO date. */
export function isoFromVietnameseDate(s: string): string | null {
  const dmy = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (dmy) return valid(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const words = /(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)\s*(\d{4})/i.exec(s);
  if (words) return valid(Number(words[3]), Number(words[2]), Number(words[1]));
  return null;
}

function fromJsonLd(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block on a news page is common; try the next one
    }
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length > 0 && guard++ < 500) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const rec = item as Record<string, unknown>;
        if (typeof rec.datePublished === 'string') {
          const d = isoFromString(rec.datePublished);
          if (d) return d;
        }
        if (rec['@graph']) stack.push(rec['@graph']);
      }
    }
  }
  return null;
}

export function readArticleDate(doc: Document): ArticleDate | null {
  for (const name of META_NAMES) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const d = el && isoFromString(el.getAttribute('content') ?? '');
    if (d) return { date: d, from: 'meta' };
  }
  const ld = fromJsonLd(doc);
  if (ld) return { date: ld, from: 'json-ld' };
  const time = doc.querySelector('article time[datetime], time[datetime]');
  const t = time && isoFromString(time.getAttribute('datetime') ?? '');
  if (t) return { date: t, from: 'time' };
  // Vietnamese outlets print the date near the top of the article body.
  const line = isoFromVietnameseDate(leadingText(doc.querySelector('article') ?? doc.body, 600));
  if (line) return { date: line, from: 'dateline' };
  return null;
}

/** The first `max` characters of an element's text, without building the whole of it (a feed can be megabytes). */
function leadingText(root: Element | null, max: number): string {
  if (!root) return '';
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) out += n.nodeValue ?? '';
  return out.slice(0, max);
}
