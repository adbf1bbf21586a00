import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { isoFromVietnameseDate, readArticleDate } from '../../lib/page/article-date.ts';

function doc(html: string): Document {
  const w = new Window();
  w.document.write(html);
  return w.document as unknown as Document;
}

describe('article date', () => {
  it.each([
    [
      '<head><meta property="article:published_time" content="2023-03-20T09:00:00+07:00"></head><body>x</body>',
      '2023-03-20',
      'meta',
    ],
    [
      '<head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2022-10-05T07:00:00Z"}]}</script></head><body></body>',
      '2022-10-05',
      'json-ld',
    ],
    [
      '<head><script type="application/ld+json">{broken</script></head><body><time datetime="2024-01-02">2/1</time></body>',
      '2024-01-02',
      'time',
    ],
    [
      '<body><article><p>Thứ Bảy, 19/07/2025 05:47 GMT+7</p><p>Nội dung</p></article></body>',
      '2025-07-19',
      'dateline',
    ],
  ])('reads %#', (html, date, from) => {
    expect(readArticleDate(doc(html))).toEqual({ date, from });
  });

  it('gives null when the page says nothing', () => {
    expect(readArticleDate(doc('<body><p>Không có ngày.</p></body>'))).toBeNull();
  });

  it.each([
    ['ngày 16/3/2022', '2022-03-16'],
    ['ngày 16-3-2022', '2022-03-16'],
    ['ngày 16 tháng 3 năm 2022', '2022-03-16'],
    ['32/13/2022', null],
    ['không có', null],
  ])('parses %s', (text, iso) => {
    expect(isoFromVietnameseDate(text)).toBe(iso);
  });
});
