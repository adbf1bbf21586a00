import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { MarkSet } from '../../lib/page/marks.ts';
import { buildTextIndex, createTextIndexer, spansFor } from '../../lib/page/text-index.ts';

function body(html: string): { doc: Document; body: HTMLElement } {
  const w = new Window();
  w.document.write(`<body>${html}</body>`);
  const doc = w.document as unknown as Document;
  return { doc, body: doc.body };
}

describe('text index', () => {
  it('joins inline text and separates blocks with a newline', () => {
    const { body: b } = body('<p>Thực hiện <b>Nghị quyết</b> 12</p><p>ngày 16/3/2022</p>');
    expect(buildTextIndex(b).text).toBe('Thực hiện Nghị quyết 12\nngày 16/3/2022');
  });

  it.each(['script', 'style', 'textarea', 'code', 'pre', 'noscript'])('skips <%s>', (tag) => {
    const { body: b } = body(`<p>Trước</p><${tag}>Nghị quyết 12</${tag}><p>Sau</p>`);
    expect(buildTextIndex(b).text).not.toContain('Nghị quyết');
  });

  it('skips contenteditable regions and inputs', () => {
    const { body: b } = body(
      '<div contenteditable="true">Nghị định 100</div><input value="Nghị định 100"><p>ok</p>',
    );
    expect(buildTextIndex(b).text).toBe('ok');
  });

  it('skips elements the caller excludes (our own card host)', () => {
    const { body: b } = body('<p>a</p><div data-x>b</div><p>c</p>');
    const text = buildTextIndex(b, (el) => el.hasAttribute('data-x')).text;
    expect(text).toBe('a\nc');
  });

  it('maps a mention crossing inline tags back to each text node piece', () => {
    const { body: b } = body('<p>Thực hiện <b>Nghị quyết</b> 12 tốt</p>');
    const index = buildTextIndex(b);
    const start = index.text.indexOf('Nghị quyết 12');
    const spans = spansFor(index, start, start + 'Nghị quyết 12'.length);
    expect(spans.map((s) => s.node.data.slice(s.startOffset, s.endOffset))).toEqual(['Nghị quyết', ' 12']);
  });

  it('finds the mark at a caret position inside any of its pieces', () => {
    const { doc, body: b } = body('<p>Theo <i>Nghị</i> quyết 12 và Điều 5</p>');
    const index = buildTextIndex(b);
    const start = index.text.indexOf('Nghị quyết 12');
    const marks = new MarkSet<{ kind: string; start: number; end: number }>();
    marks.add(doc, index, [{ kind: 'document', start, end: start + 13 }]);
    const italic = b.querySelector('i')?.firstChild as Text;
    expect(marks.at(italic, 2)?.key).toBe(0);
    const rest = italic.parentNode?.nextSibling as Text;
    expect(marks.at(rest, 1)?.key).toBe(0);
    expect(marks.at(rest, rest.data.indexOf('Điều'))).toBeUndefined();
    expect(marks.marks[0]?.ranges.map((r) => r.toString()).join('')).toBe('Nghị quyết 12');
  });

  it("makes a mark's Ranges only when they are first asked for, and once", () => {
    const { doc, body: b } = body('<p>Theo <i>Nghị</i> quyết 12 và Nghị định 100</p>');
    const index = buildTextIndex(b);
    let made = 0;
    const createRange = doc.createRange.bind(doc);
    doc.createRange = () => {
      made++;
      return createRange();
    };
    const marks = new MarkSet<{ kind: string; start: number; end: number }>();
    const at = (s: string) => ({
      kind: 'document',
      start: index.text.indexOf(s),
      end: index.text.indexOf(s) + s.length,
    });
    const [first, second] = marks.add(doc, index, [at('Nghị quyết 12'), at('Nghị định 100')]);
    expect(made).toBe(0);
    expect(first?.firstNode).toBe(b.querySelector('i')?.firstChild);
    expect(first?.ranges.map((r) => r.toString())).toEqual(['Nghị', ' quyết 12']);
    expect(first?.ranges).toBe(first?.ranges);
    expect(made).toBe(2);
    expect(second?.ranges.map((r) => r.toString())).toEqual(['Nghị định 100']);
    expect(made).toBe(3);
  });

  it('skips a mention whose text the caller says changed, and by default compares the text', () => {
    const { doc, body: b } = body('<p>Nghị quyết 12</p><p>Nghị định 100</p>');
    const index = buildTextIndex(b);
    const second = index.segments[1]?.node as Text;
    const mentions = [
      { kind: 'document', start: 0, end: 13 },
      { kind: 'document', start: 14, end: 27 },
    ];
    const told = new MarkSet<(typeof mentions)[number]>();
    expect(told.add(doc, index, mentions, (s) => s.node !== second).map((m) => m.mention.start)).toEqual([0]);
    second.data = 'Nghị định 101';
    const compared = new MarkSet<(typeof mentions)[number]>();
    expect(compared.add(doc, index, mentions).map((m) => m.mention.start)).toEqual([0]);
  });

  it('gives the same index when read in many small slices', () => {
    const html = Array.from(
      { length: 300 },
      (_, i) => `<p>Đoạn ${i} nhắc <b>Nghị định</b> ${i}/2024/NĐ-CP</p>`,
    ).join('');
    const { body: b } = body(html);
    const whole = buildTextIndex(b);
    const indexer = createTextIndexer(b);
    let slices = 0;
    let calls = 0;
    while (!indexer.step(() => ++calls % 3 !== 0)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(indexer.result().text).toBe(whole.text);
    expect(indexer.result().segments.length).toBe(whole.segments.length);
  });

  it('skips text nodes already scanned', () => {
    const { body: b } = body('<p>cũ</p><p>mới</p>');
    const old = b.querySelector('p')?.firstChild as Text;
    const indexer = createTextIndexer(b, { seen: (t) => t === old });
    indexer.step(() => true);
    expect(indexer.result().text).toBe('mới');
  });
});
