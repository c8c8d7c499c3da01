/** @vitest-environment happy-dom */
// What every sentence the user reads must never do, in every language: a doubled full stop, a
// "Not checked: … (not checked)", a wrapper named by its code. Checked over the catalogues as they
// are and over the sentences the views compose from them (substitutions, a finding and its source).
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FindingItem } from '../components/eligibility/EligibilityPanel';
import { t, type MessageKey } from '../components/i18n';
import { Popup } from './components/popup-loaded';
import { wrapperName } from '../components/wrapper-name';
import type { Finding } from '../lib/eligibility/rules';
import { formatMessage, oneFullStop, type Catalogue } from '../lib/i18n/format-message';
import { LOCALE_CODES } from '../lib/i18n/locales';
import { WRAPPER_FAMILIES, type WrapperFamily } from '../lib/link';
import { G } from './fixtures/link-rows';
import { fakeEnv } from './components/fake-env';

const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const CATALOGUES = Object.fromEntries(LOCALE_CODES.map((l) => [l, catalogue(l)]));

/** Runs the views' `t` in `lang`, as the browser would with that interface language. */
function speak(lang: string) {
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) =>
    formatMessage(CATALOGUES[lang]!, key, subs);
}

const DOUBLE_STOP = /\.\s*\./;
// Substitutions as they come: names that end with their own full stop, sentences, plain words.
const ENDS_WITH_STOP = ['Contoso Inc.', 'Fabrikam Ltd.', 'Woodgrove Bank N.V.'];
const PLAIN = ['contoso.com', 'Sales reports', '3'];

afterEach(cleanup);

describe.each(LOCALE_CODES)('the %s wording', (lang) => {
  const messages = CATALOGUES[lang]!;
  beforeEach(() => speak(lang));

  it('no message has a doubled full stop', () => {
    const doubled = Object.entries(messages).filter(([, e]) => DOUBLE_STOP.test(e.message));
    expect(doubled.map(([k]) => k)).toEqual([]);
  });

  it('no sentence composed with a name that ends in a full stop has two', () => {
    const withPlaceholders = Object.keys(messages).filter((k) => messages[k]!.placeholders);
    expect(withPlaceholders.length).toBeGreaterThan(5);
    for (const key of withPlaceholders)
      for (const subs of [ENDS_WITH_STOP, PLAIN]) {
        for (const text of [formatMessage(messages, key, subs), t(key as MessageKey, subs)])
          expect(text, `${lang}:${key} with ${subs.join(', ')}`).not.toMatch(DOUBLE_STOP);
      }
  });

  it('no finding says "not checked" twice, whatever its source', () => {
    const notChecked = messages.source_none!.message.toLocaleLowerCase();
    const codes = Object.keys(messages)
      .filter((k) => k.startsWith('finding_'))
      .map((k) => k.slice('finding_'.length).replace(/_/g, '-'));
    const sources = Object.keys(messages)
      .filter((k) => k.startsWith('source_'))
      .map((k) => k.slice('source_'.length));
    expect(sources).toContain('none');
    for (const code of codes)
      for (const source of sources) {
        const finding = { code, severity: 'warning', source, args: ENDS_WITH_STOP };
        const { container, unmount } = render(<FindingItem finding={finding as Finding} />);
        const text = container.textContent.toLocaleLowerCase();
        expect(text.split(notChecked).length - 1, `${lang}:${code} from ${source}`).toBeLessThan(2);
        expect(text, `${lang}:${code} from ${source}`).not.toMatch(DOUBLE_STOP);
        unmount();
      }
  });

  it('a finding that says it was not checked says so once, and nothing after it', () => {
    const notChecked = messages.source_none!.message.toLocaleLowerCase();
    const unchecked = Object.keys(messages).filter(
      (k) =>
        k.startsWith('finding_') && messages[k]!.message.toLocaleLowerCase().includes(notChecked),
    );
    expect(unchecked.length).toBeGreaterThan(0);
    for (const key of unchecked) {
      const code = key.slice('finding_'.length).replace(/_/g, '-');
      const finding = { code, severity: 'warning', source: 'none', args: ['contoso.com'] };
      const { container, unmount } = render(<FindingItem finding={finding as Finding} />);
      const text = container.textContent.toLocaleLowerCase();
      expect(text.split(notChecked), key).toHaveLength(2);
      expect(text, key).not.toMatch(/\)\s*$/);
      unmount();
    }
  });

  it('a cut-off package ID is called incomplete', () => {
    expect(messages.noticeCutId!.message).not.toBe(messages.noticeMissingId!.message);
    expect(messages.problem_package_id_partial!.message).toMatch(/incomplete|incomplet|onvolledig/);
  });

  it('a typed directory that is not one gets no example that reads like an echo', () => {
    expect(messages.problem_fill_hint_invalid!.message).not.toMatch(/\(contoso\.com\)/);
  });

  it('names every wrapper family in words', () => {
    for (const family of Object.keys(WRAPPER_FAMILIES) as WrapperFamily[]) {
      const name = wrapperName(family);
      expect(name, family).not.toBe(family);
      expect(name, family).toContain(WRAPPER_FAMILIES[family].name);
    }
  });
});

describe('wrapper names', () => {
  it.each([
    ['en', 'safelinks', 'Microsoft Defender Safe Links'],
    ['en', 'urldefense', 'Proofpoint URL Defense'],
    ['en', 'mimecast', 'Mimecast'],
    ['en', 'google', 'Google redirect'],
    ['en', 'slack', 'Slack redirect'],
    ['fr', 'google', 'redirection Google'],
    ['nl', 'slack', 'Slack-omleiding'],
    ['fr', 'safelinks', 'Microsoft Defender Safe Links'],
    ['en', 'constructor', 'constructor'],
  ])('%s: %s is "%s"', (lang, family, words) => {
    speak(lang);
    expect(wrapperName(family)).toBe(words);
  });

  it('the popup lists the removed wrappers by name, outermost first', () => {
    const link = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
    const google = `https://www.google.com/url?q=${encodeURIComponent(link)}`;
    const wrapped = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(google)}&data=05%7C02&reserved=0`;
    const { container } = render(<Popup env={fakeEnv()} initialText={wrapped} />);
    const term = [...container.querySelectorAll('dt')].find(
      (d) => d.textContent === 'Wrappers removed',
    );
    expect(term?.nextElementSibling?.textContent).toBe(
      'Microsoft Defender Safe Links → Google redirect',
    );
  });
});

describe('oneFullStop', () => {
  it.each([
    ['Only Contoso Inc.. can request it.', ['Contoso Inc.'], 'Only Contoso Inc. can request it.'],
    ['Signed in to contoso.com.', ['contoso.com'], 'Signed in to contoso.com.'],
    ['Wait...', ['Wait..'], 'Wait...'],
    ['Fine.', undefined, 'Fine.'],
    [
      'See Contoso Inc. and Fabrikam Ltd..',
      ['Contoso Inc.', 'Fabrikam Ltd.'],
      'See Contoso Inc. and Fabrikam Ltd.',
    ],
  ])('%s → %s', (text, subs, expected) => {
    expect(oneFullStop(text, subs)).toBe(expected);
  });
});
