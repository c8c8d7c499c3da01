import { describe, expect, it } from 'vitest';
import {
  composeUrl,
  MAX_URL,
  outlookCloudFor,
  parseRecipients,
  type OutlookCloud,
} from '../../lib/email/channels';
import { composeEmail, escapeHtml } from '../../lib/email/compose';
import { checkTemplate, renderTemplate, type EmailTemplate } from '../../lib/email/template';
import { formatMessage, type Catalogue } from '../../lib/i18n/format-message';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { G } from '../fixtures/link-rows';

const LINK = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;
const LINK_US = `https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`;
const CATALOGUES: Record<string, Catalogue> = { en, fr, nl };
const defaultTemplate = (lang: string): EmailTemplate => ({
  subject: formatMessage(CATALOGUES[lang]!, 'emailSubject'),
  body: formatMessage(CATALOGUES[lang]!, 'emailBody'),
});
const compose = (lang: string, facts: Partial<Parameters<typeof composeEmail>[1]> = {}) => {
  const r = composeEmail(
    defaultTemplate(lang),
    { link: LINK, ...facts },
    formatMessage(CATALOGUES[lang]!, 'emailPackageFallback'),
  );
  if (!r.ok) throw new Error(r.code);
  return r.email;
};

describe('default templates', () => {
  it.each(['en', 'fr', 'nl'])(
    '%s: valid; say what the link is for, to open it whole, which account to sign in with, the switcher and the email that follows',
    (lang) => {
      expect(checkTemplate(defaultTemplate(lang))).toEqual([]);
      const email = compose(lang, {
        packageName: 'Sales partners',
        organization: 'Contoso Ltd',
        note: 'Thanks!',
      });
      expect(email.subject).toContain('Sales partners');
      expect(email.text).toContain(LINK);
      expect(email.text).toContain('Sales partners');
      expect(email.text).toContain('Contoso Ltd');
      expect(email.text).toContain('Thanks!');
      // A partner of a tenant-backed connected organisation signs in with their organisation's
      // account; one on a one-time passcode or a Microsoft account, with the address the email
      // went to: name both. Nothing says a sign-in is asked "even if already signed in".
      const words = {
        en: [
          'in full',
          'may ask you to sign in',
          'the account your organisation gave you, or the account of the email address this message was sent to',
          'top right of My Access',
          'by email; no separate invitation email',
        ],
        fr: [
          'en entier',
          'il peut vous être demandé de vous connecter',
          'le compte que votre organisation vous a donné, ou le compte de l’adresse e-mail à laquelle ce message a été envoyé',
          'en haut à droite de Mon accès',
          'aucun e-mail d’invitation distinct',
        ],
        nl: [
          'volledig',
          'kan worden gevraagd u aan te melden',
          'het account dat uw organisatie u heeft gegeven, of het account van het e-mailadres waarnaar dit bericht is verzonden',
          'rechtsboven in My Access',
          'geen aparte uitnodigingsmail',
        ],
      }[lang]!;
      for (const w of words) expect(email.text).toContain(w);
      expect(email.text).not.toMatch(/work account|compte professionnel|werkaccount/);
      expect(email.text).not.toMatch(
        /even if you are already|même si vous l’êtes|ook als u al bent/,
      );
      expect(email.html).toContain(`<a href="${LINK}">${LINK}</a>`);
    },
  );

  it.each(['en', 'fr', 'nl'])('%s: unknown facts leave no empty lines or blank names', (lang) => {
    const email = compose(lang);
    expect(email.text).not.toMatch(/\n{3,}/);
    expect(email.text).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(email.text).toContain(formatMessage(CATALOGUES[lang]!, 'emailPackageFallback'));
    expect(email.text.trim()).toBe(email.text);
  });

  it('mentions approval and expiry when known', () => {
    const email = compose('en', {
      approval: 'Your request needs approval by the Sales team.',
      expiry: 'Access expires after 90 days.',
    });
    expect(email.text).toContain('needs approval');
    expect(email.text).toContain('90 days');
  });
});

describe('hostile input', () => {
  it.each([
    ['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['quotes', `"quoted" and 'single' & ampersand`],
    ['header injection', 'Sales\r\nBcc: everyone@evil.example'],
    ['right-to-left override', 'Sales \u202egnp.exe'],
    ['emoji', 'Sales 🚀 partners 👩🏽‍💻'],
  ])('%s in the package name and the note', (_, hostile) => {
    const email = compose('en', { packageName: hostile, note: hostile, organization: hostile });
    expect(email.subject).not.toMatch(/[\r\n]/);
    // Only our own tags reach the HTML; everything the user or page wrote is escaped text.
    expect(new Set(email.html.match(/<\/?([a-z]+)/g)!.map((t) => t.replace(/[</]/g, '')))).toEqual(
      new Set(['div', 'p', 'br', 'a']),
    );
    expect(email.html.match(/<a /g)).toHaveLength(1);
    expect(email.text).not.toMatch(/[\u202a-\u202e]/);
    for (const channel of ['mailto', 'outlook', 'gmail'] as const) {
      const { url } = composeUrl(channel, email, '', LINK);
      expect(url).not.toMatch(/[\r\n]/);
      expect(decodeURIComponent(url!.split('subject=')[1]?.split('&')[0] ?? '')).not.toMatch(
        /[\r\n]/,
      );
    }
    expect(email.text).toContain(LINK);
  });

  it('escapes HTML completely', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('a 10,000-character note is cut, never the link; the mailto falls back gracefully', () => {
    const email = compose('en', { note: 'x'.repeat(10_000) });
    expect(email.text.length).toBeLessThan(3000);
    const r = composeUrl('mailto', email, 'anna@fabrikam.com', LINK);
    expect(r.url!.length).toBeLessThanOrEqual(MAX_URL);
    expect(r.shortened).toBe(true);
    expect(decodeURIComponent(r.url!)).toContain(LINK);
  });

  it('a note cut inside an emoji does not leave half a character', () => {
    const email = compose('en', { note: '👍'.repeat(3000) });
    expect(email.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('refuses anything but a canonical My Access link', () => {
    for (const link of [
      `http://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(LINK)}`,
      'javascript:alert(1)',
      `https://myaccess.microsoft.com/#/access-packages/${G}`,
      `https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`,
    ]) {
      expect(composeEmail(defaultTemplate('en'), { link }, 'x')).toEqual({
        ok: false,
        code: 'link-not-canonical',
      });
    }
  });
});

describe('channels', () => {
  const email = {
    subject: 'Request access: Sales & Co',
    text: `Hello Anna,\n\nOpen:\n${LINK}\n\n100% #1 + more`,
    html: '',
  };

  it('mailto per RFC 6068: encodeURIComponent, %20 not +, CRLF line breaks, # encoded', () => {
    const { url } = composeUrl('mailto', email, 'anna@fabrikam.com, bob@fabrikam.com', LINK);
    expect(url).toBe(
      'mailto:anna%40fabrikam.com,bob%40fabrikam.com?subject=Request%20access%3A%20Sales%20%26%20Co&body=' +
        encodeURIComponent(`Hello Anna,\r\n\r\nOpen:\r\n${LINK}\r\n\r\n100% #1 + more`),
    );
    expect(url).toContain('%0D%0A');
    expect(url).toContain('%2523'.slice(0, 0) + '%23%2Faccess-packages');
    expect(url).not.toContain('+');
  });

  it('Outlook on the web, worldwide (also GCC), GCC High and DoD', () => {
    expect(composeUrl('outlook', email, 'anna@fabrikam.com', LINK).url).toMatch(
      /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=anna%40fabrikam\.com&subject=Request%20access/,
    );
    const us = { ...email, text: LINK_US };
    expect(composeUrl('outlook', us, '', LINK_US, 'usgov-high').url).toMatch(
      /^https:\/\/outlook\.office365\.us\/mail\/deeplink\/compose\?to=&subject=/,
    );
    expect(composeUrl('outlook', us, '', LINK_US, 'usgov-dod').url).toMatch(
      /^https:\/\/outlook-dod\.office365\.us\/mail\/deeplink\/compose\?to=&subject=/,
    );
  });

  it.each<[string, string, OutlookCloud]>([
    [LINK, 'global', 'worldwide'],
    // A .com link is worldwide (GCC tenants use the worldwide hosts), whatever the sender's cloud.
    [LINK, 'usgov-dod', 'worldwide'],
    [LINK_US, 'global', 'usgov-high'],
    [LINK_US, 'usgov-high', 'usgov-high'],
    [LINK_US, 'usgov-dod', 'usgov-dod'],
  ])('the Outlook for %s sent from %s: %s', (link, sender, expected) => {
    expect(outlookCloudFor(link, sender)).toBe(expected);
  });

  it('Gmail compose', () => {
    const { url } = composeUrl('gmail', email, 'anna@fabrikam.com', LINK);
    expect(url).toMatch(
      /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=anna%40fabrikam\.com&su=Request%20access%3A%20Sales%20%26%20Co&body=Hello%20Anna%2C/,
    );
  });

  it('leaves out what is not an email address, and CR/LF cannot smuggle headers', () => {
    expect(
      parseRecipients('anna@fabrikam.com; bob; carol@x.example\r\nBcc: eve@evil.example'),
    ).toEqual({
      ok: ['anna@fabrikam.com', 'carol@x.example', 'eve@evil.example'],
      rejected: ['bob', 'Bcc:'],
    });
    const r = composeUrl('mailto', email, 'anna@fabrikam.com\r\nbcc:eve@evil.example', LINK);
    expect(r.url).not.toMatch(/%0D%0Abcc|\r|\n/i);
  });

  it('says so when even the link alone is too long for a URL', () => {
    const long = { ...email, subject: 'x'.repeat(1900) };
    expect(composeUrl('mailto', long, '', LINK)).toEqual({ url: null, shortened: false });
  });
});

describe('templates', () => {
  it.each([
    [{ subject: 'Hi', body: 'Open {link}' }, []],
    [
      { subject: 'Hi {pakageName}', body: 'Open {link}' },
      [{ code: 'unknown-placeholder', field: 'subject', name: 'pakageName' }],
    ],
    [{ subject: 'Hi', body: 'Open the link' }, [{ code: 'missing-link' }]],
    [{ subject: '{link}', body: '{link}' }, [{ code: 'link-in-subject' }]],
    [{ subject: 'Hi', body: '{link} ' + 'x'.repeat(5000) }, [{ code: 'too-long', field: 'body' }]],
  ])('checkTemplate(%j)', (t, problems) => {
    expect(checkTemplate(t)).toEqual(problems);
  });

  it('drops lines whose fields are all empty, keeps lines with other text', () => {
    const v = { link: 'L', packageName: 'P', organization: '', note: '', approval: '', expiry: '' };
    expect(
      renderTemplate(
        'A {packageName}\n{note}\n{approval} {expiry}\nSigned: {organization}\n{link}',
        v,
      ),
    ).toBe('A P\nSigned: \nL');
  });
});
