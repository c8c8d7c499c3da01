// Guards the architecture and the catalogues (STYLE.md "For this project").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../lib/link';

const LANGS = ['en', 'fr', 'nl'];
type Catalogue = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

function files(dir: string, ext = /\.(ts|tsx|html|css)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}
const SOURCE = [...files('lib'), ...files('components'), ...files('entrypoints'), 'wxt.config.ts'];
const source = SOURCE.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('locales', () => {
  const en = catalogue('en');
  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s has exactly the English keys, each translated, with the same placeholders',
    (lang) => {
      const other = catalogue(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(other)) {
        expect(entry.message.trim(), `${lang}:${key}`).not.toBe('');
        expect(Object.keys(entry.placeholders ?? {}), `${lang}:${key}`).toEqual(
          Object.keys(en[key]!.placeholders ?? {}),
        );
      }
    },
  );

  it('every problem code has a message, and every problem message a code', () => {
    const problemKeys = Object.keys(en).filter((k) => k.startsWith('problem_'));
    expect(problemKeys.sort()).toEqual(
      PROBLEM_CODES.map((c) => `problem_${c.replace(/-/g, '_')}`).sort(),
    );
  });

  it('every eligibility finding has a message', async () => {
    const { eligibilityFindings } = await import('../lib/eligibility/rules');
    const codes = new Set(eligibilityFindings({}).map((f) => f.code));
    const source = readFileSync('lib/eligibility/rules.ts', 'utf8');
    for (const m of source.matchAll(/f\('([a-z-]+)'/g)) codes.add(m[1] as never);
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes)
      expect(en[`finding_${code.replace(/-/g, '_')}` as keyof typeof en], code).toBeDefined();
  });

  it('every Graph problem and cloud has a message, and every such message a code', async () => {
    const { GRAPH_CLOUDS } = await import('../lib/graph/clouds');
    const union = /export type GraphProblemCode =([^;]+);/.exec(
      readFileSync('lib/graph/problems.ts', 'utf8'),
    )![1]!;
    const codes = [...union.matchAll(/'([a-z-]+)'/g)].map(
      (m) => `graphProblem_${m[1]!.replace(/-/g, '_')}`,
    );
    expect(codes.length).toBeGreaterThan(15);
    expect(
      Object.keys(en)
        .filter((k) => k.startsWith('graphProblem_'))
        .sort(),
    ).toEqual(codes.sort());
    expect(
      Object.keys(en)
        .filter((k) => k.startsWith('graphCloud_'))
        .sort(),
    ).toEqual(GRAPH_CLOUDS.map((c) => `graphCloud_${c.replace(/-/g, '_')}`).sort());
    const { QUESTIONS } = await import('../lib/eligibility/answers');
    expect(
      Object.keys(en)
        .filter((k) => k.startsWith('question_'))
        .sort(),
    ).toEqual(QUESTIONS.map((q) => `question_${q}`).sort());
  });

  it('every other key is used somewhere in the code (no dead strings)', () => {
    const dynamic =
      /^(problem_|verdict_|verdictDetail_|language_|finding_|source_|graphProblem_|graphCloud_|question_)/;
    const unused = Object.keys(en).filter(
      (k) => !dynamic.test(k) && !source.includes(`'${k}'`) && !source.includes(`__MSG_${k}__`),
    );
    expect(unused).toEqual([]);
  });
});

describe('architecture', () => {
  // lib/ is pure; only these modules may reach the browser (storage adapter).
  const BROWSER_ALLOWED = ['lib/storage.ts'];
  it('lib/ has no browser API outside its adapters', () => {
    for (const f of files('lib').filter((f) => !BROWSER_ALLOWED.includes(f))) {
      const text = readFileSync(f, 'utf8');
      expect(
        /\bbrowser\.|\bchrome\.|from 'wxt\/browser'|\bdocument\.|\bwindow\./.test(text),
        f,
      ).toBe(false);
    }
  });
  it('lib/link is self-contained: relative imports only', () => {
    for (const f of files('lib/link')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g))
        expect(m[1]!.startsWith('./'), `${f}: ${m[1]}`).toBe(true);
    }
  });
  it('no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, eval or new Function', () => {
    for (const f of SOURCE) {
      const text = readFileSync(f, 'utf8');
      expect(
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|\beval\(|new Function\(/.test(
          text,
        ),
        f,
      ).toBe(false);
    }
  });
  it('tests never live under entrypoints/ (WXT would build them)', () => {
    expect(files('entrypoints').filter((f) => /\.test\./.test(f))).toEqual([]);
  });
  it('the manifest asks for no broad host access', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    expect(config).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|https:\/\/\*\//);
  });
});
