// Guards the architecture and the catalogues (docs/ARCHITECTURE.md, "Conventions").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../lib/link';
import { LOCALE_CODES } from '../lib/i18n/locales';

const LANGS: readonly string[] = LOCALE_CODES;
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
  it('the shipped list and the _locales folders name the same languages', () => {
    expect(readdirSync('public/_locales').sort()).toEqual([...LANGS].sort());
  });
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
    const codes = new Set<string>(eligibilityFindings({}).map((f) => f.code));
    const source = readFileSync('lib/eligibility/rules.ts', 'utf8');
    for (const m of source.matchAll(/f\('([a-z-]+)'/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(10);
    for (const code of codes) expect(en[`finding_${code.replace(/-/g, '_')}`], code).toBeDefined();
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
      /^(problem_|verdict_|verdictDetail_|finding_|source_|graphProblem_|graphCloud_|question_)/;
    const unused = Object.keys(en).filter(
      (k) => !dynamic.test(k) && !source.includes(`'${k}'`) && !source.includes(`__MSG_${k}__`),
    );
    expect(unused).toEqual([]);
  });
});

describe('the repository explains itself', () => {
  // Every text a maintainer reads: code, tests, scripts, docs, CI.
  const tracked = [
    ...['lib', 'components', 'entrypoints', 'tests', 'scripts', 'docs', '.ci'].flatMap((d) =>
      files(d, /\.(ts|tsx|mjs|js|html|css|md|json)$|^run$/),
    ),
    ...['README.md', 'wxt.config.ts', 'vitest.config.ts', 'eslint.config.js', 'package.json'],
  ].filter((f) => !f.includes('/output/'));
  it('no file cites a design document that is not in the repository', () => {
    const outside = /\b(?:DESIGN|STYLE|TOOLCHAIN)\.md\b|\.\.\/shared\//;
    const citing = tracked.filter((f) => outside.test(readFileSync(f, 'utf8')));
    expect(citing).toEqual([]);
  });
  it('no line of code is over 120 characters (tests and fixtures may hold long literal inputs)', () => {
    const code = tracked.filter(
      (f) => !f.startsWith('tests/') && !f.endsWith('.md') && !f.endsWith('.json'),
    );
    const long = code.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > 120 ? [`${f}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });
  it('every docs/ file a text names exists', () => {
    const missing: string[] = [];
    for (const f of tracked)
      for (const m of readFileSync(f, 'utf8').matchAll(/\bdocs\/([\w./-]+\.(?:md|png))/g))
        if (!existsSync(`docs/${m[1]}`)) missing.push(`${f}: docs/${m[1]}`);
    expect(missing).toEqual([]);
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
  it('lib/link is self-contained: relative imports only, and the import-free host list', () => {
    for (const f of files('lib/link')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g))
        expect(m[1]!.startsWith('./') || m[1] === '../hosts', `${f}: ${m[1]}`).toBe(true);
    }
    // lib/hosts, the one definition of the hosts, is data: it imports nothing, so lib/link and
    // what it imports stay a closed whole.
    expect(readFileSync('lib/hosts.ts', 'utf8')).not.toMatch(/\bimport\b|\bfrom '/);
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
  it('component tests take the popup from tests/components/popup-loaded.ts (its lazy views loaded)', () => {
    for (const f of files('tests', /\.test\.tsx?$/))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/from '[./]*components\/popup\/Popup'/);
  });
  it('Chromium test files use no root-level hooks (tests/e2e/suite.mjs runs them in one process)', () => {
    for (const f of files('tests/e2e', /\.test\.mjs$/))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/^(before|after)(Each)?\(/m);
  });
  it('the manifest asks for no broad host access', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    expect(config).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|https:\/\/\*\//);
  });
});
