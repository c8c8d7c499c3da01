import { describe, expect, it } from 'vitest';
import {
  directoryWarning,
  editDistance,
  isConsumerMailDomain,
  type DirectoryWarning,
} from '../lib/directory-sanity';

const CONFIRMED = [
  'contoso.com',
  'fabrikam.onmicrosoft.com',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
];

describe('directoryWarning', () => {
  it.each<[string, DirectoryWarning | null]>([
    // Consumer mail domains, in any case, with a trailing dot or a leading @
    ['gmail.com', { code: 'consumer-domain', domain: 'gmail.com' }],
    ['Outlook.com', { code: 'consumer-domain', domain: 'outlook.com' }],
    ['hotmail.co.uk', { code: 'consumer-domain', domain: 'hotmail.co.uk' }],
    ['hotmail.fr.', { code: 'consumer-domain', domain: 'hotmail.fr' }],
    ['@yahoo.com', { code: 'consumer-domain', domain: 'yahoo.com' }],
    ['live.nl', { code: 'consumer-domain', domain: 'live.nl' }],
    ['icloud.com', { code: 'consumer-domain', domain: 'icloud.com' }],
    ['proton.me', { code: 'consumer-domain', domain: 'proton.me' }],
    ['gmx.de', { code: 'consumer-domain', domain: 'gmx.de' }],
    ['skynet.be', { code: 'consumer-domain', domain: 'skynet.be' }],
    // An address: its domain is the likely intent, unless that is a mailbox provider
    ['anna@fabrikam.com', { code: 'address', domain: 'fabrikam.com' }],
    [' Anna.Smith@Contoso.com ', { code: 'address', domain: 'contoso.com' }],
    ['anna@gmail.com', { code: 'consumer-domain', domain: 'gmail.com' }],
    // One slip from a confirmed directory
    ['contosso.com', { code: 'typo', domain: 'contosso.com', confirmed: 'contoso.com' }],
    ['contoso.co', { code: 'typo', domain: 'contoso.co', confirmed: 'contoso.com' }],
    ['cotnoso.com', null], // a swap is two edits: too far for a short name
    [
      'fabrikan.onmicrosoft.co',
      { code: 'typo', domain: 'fabrikan.onmicrosoft.co', confirmed: 'fabrikam.onmicrosoft.com' },
    ],
    // Nothing wrong
    ['contoso.com', null],
    ['CONTOSO.COM', null],
    ['northwind.com', null],
    ['mail.contoso.com', null],
    ['orange.com', null],
    ['live-events.com', null],
    ['', null],
    // Tenant ids are pasted, not typed: one character off is another tenant, not a typo
    ['72f988bf-86f1-41af-91ab-2d7cd011db48', null],
  ])('%s', (typed, expected) => {
    expect(directoryWarning(typed, CONFIRMED)).toEqual(expected);
  });

  it('without confirmed directories, only consumer domains and addresses are flagged', () => {
    expect(directoryWarning('contosso.com')).toBeNull();
    expect(directoryWarning('anna@contoso.com')).toEqual({
      code: 'address',
      domain: 'contoso.com',
    });
  });
});

describe('isConsumerMailDomain', () => {
  it.each([
    ['gmail.com', true],
    ['googlemail.com', true],
    ['yahoo.co.jp', true],
    ['free.fr', true],
    ['free.com', false],
    ['home.nl', true],
    ['home.com', false],
    ['contoso.com', false],
  ])('%s → %s', (domain, expected) => {
    expect(isConsumerMailDomain(domain)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['contoso.com', 'contoso.com', 0],
    ['contoso.com', 'contosso.com', 1],
    ['contoso.com', 'contoso.co', 1],
    ['contoso.com', 'fabrikam.com', 3], // capped at max + 1
  ])('%s ↔ %s', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(d);
  });
});
