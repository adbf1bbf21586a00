// No user-facing string is written into a component: every word the reader sees
// comes from lib/i18n/messages.ts, so a language switch reaches all of it. This
// parses every .tsx of the UI and fails on JSX text, string children and
// user-facing attributes (aria-label, title, placeholder, alt, …) that contain a
// letter. Symbols ("×", " · ", "%") are not words and pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const UI_DIRS = ['components', 'entrypoints'];

/** Attributes a person reads or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const LETTER = /\p{L}/u;
const NON_ASCII_LETTER = /[^\P{L}a-zA-Z]/u;

/** Module paths are not text. */
const isModulePath = (parent: Node | null) => /^(Import|Export\w*)Declaration$/.test(parent?.type ?? '');

interface Finding {
  line: number;
  what: string;
  text: string;
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

function literalText(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral') {
    return (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join('…');
  }
  return null;
}

function attributeName(node: Node): string {
  const name = node.name as Node;
  return name.type === 'JSXNamespacedName'
    ? `${(name.namespace as Node).name}:${(name.name as Node).name}`
    : (name.name as string);
}

/** Hard-coded user-facing strings in one TSX source. */
function findHardCodedStrings(source: string, file = 'inline.tsx'): Finding[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'], sourceFilename: file });
  const out: Finding[] = [];
  const line = (n: Node) => n.loc?.start.line ?? 0;
  const visit = (node: Node, parent: Node | null) => {
    if (node.type === 'JSXText') {
      const text = (node.value as string).trim();
      if (LETTER.test(text)) out.push({ line: line(node), what: 'JSX text', text });
    } else if (
      node.type === 'JSXExpressionContainer' &&
      parent &&
      /^JSX(Element|Fragment)$/.test(parent.type)
    ) {
      const text = literalText(node.expression as Node);
      if (text !== null && LETTER.test(text)) out.push({ line: line(node), what: 'string child', text });
    } else if (node.type === 'JSXAttribute' && SPOKEN_ATTRIBUTES.has(attributeName(node))) {
      const value = node.value as Node | null;
      const text =
        value?.type === 'JSXExpressionContainer' ? literalText(value.expression as Node) : literalText(value);
      if (text !== null && LETTER.test(text)) {
        out.push({ line: line(node), what: `${attributeName(node)} attribute`, text });
      }
    }
    if ((node.type === 'StringLiteral' || node.type === 'TemplateElement') && !isModulePath(parent)) {
      // Values, keys and class names are ASCII; a word with a diacritic anywhere is text, even one passed as a prop.
      const text =
        node.type === 'StringLiteral' ? (node.value as string) : (node.value as { cooked: string }).cooked;
      if (NON_ASCII_LETTER.test(text) && !out.some((f) => f.line === line(node) && f.text.includes(text))) {
        out.push({ line: line(node), what: 'non-ASCII text', text });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'start' || key === 'end') continue;
      if (Array.isArray(child)) {
        for (const c of child) if (isNode(c)) visit(c, node);
      } else if (isNode(child)) {
        visit(child, node);
      }
    }
  };
  visit(ast.program as unknown as Node, null);
  return out;
}

function uiFiles(): string[] {
  return UI_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => join(ROOT, dir, f)),
  ).sort();
}

describe('the hard-coded string check itself', () => {
  it('finds each kind of hard-coded string', () => {
    const found = findHardCodedStrings(`
      export const A = ({ n }: { n: number }) => (
        <div title="Đóng thẻ" aria-label={'Close'}>
          Xin chào
          {'Settings'}
          <input placeholder={\`Search \${n}\`} />
          <img alt="RefLens logo" />
          <Choice options={[['vi', 'Tiếng Việt']]} />
        </div>
      );
      const label = \`Cài đặt \${1}\`;
    `);
    expect(found.map((f) => [f.what, f.text])).toEqual([
      ['title attribute', 'Đóng thẻ'],
      ['aria-label attribute', 'Close'],
      ['JSX text', 'Xin chào'],
      ['string child', 'Settings'],
      ['placeholder attribute', 'Search …'],
      ['alt attribute', 'RefLens logo'],
      ['non-ASCII text', 'Tiếng Việt'],
      ['non-ASCII text', 'Cài đặt '],
    ]);
  });

  it('lets translated strings, symbols and non-spoken attributes through', () => {
    const found = findHardCodedStrings(`
      export const B = ({ t, kind }: { t: (k: string) => string; kind: string }) => (
        <div class={\`card card-\${kind}\`} data-kind="document" role="dialog" aria-label={t('cardLabel')}>
          <button type="button" title={t('close')}>×</button>
          {' · '}
          {t('optSaved')} 42%
        </div>
      );
    `);
    expect(found).toEqual([]);
  });
});

describe('the UI sources', () => {
  const files = uiFiles();

  it('include the components and pages', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toContain(join('components', 'OptionsPanel.tsx'));
    expect(names).toContain(join('components', 'Card.tsx'));
    expect(names).toContain(join('entrypoints', 'options', 'main.tsx'));
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))(
    '%s has no hard-coded user-facing string',
    (_name, file) => {
      const found = findHardCodedStrings(readFileSync(file, 'utf8'), file);
      expect(found.map((f) => `line ${f.line}: ${f.what} "${f.text}"`)).toEqual([]);
    },
  );
});
