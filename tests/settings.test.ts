import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  parseStoredSettings,
  resolveSettings,
  userChoices,
} from '../lib/settings/settings';
import { settingsItem, settingsStore } from '../lib/storage';

const D = DEFAULT_SETTINGS;
const G = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';

describe('settings', () => {
  it.each([
    [undefined, D],
    ['corrupt', D],
    [
      { defaultHint: 'Contoso.COM.', cloud: 'usgov', historySize: 10, emailLanguage: 'fr' },
      {
        ...D,
        defaultHint: 'contoso.com',
        cloud: 'usgov',
        historySize: 10,
        emailLanguage: 'fr',
        emailLanguageChosen: true,
        graphCloud: 'usgov-high',
      },
    ],
    [
      {
        organization: 'Contoso\r\nBcc: x',
        templates: {
          en: { subject: 'Hi', body: '{link}' },
          fr: { subject: 'Hi', body: 'no link' },
          de: { subject: 'x', body: '{link}' },
        },
      },
      {
        ...D,
        organization: 'Contoso Bcc: x',
        templates: { en: { subject: 'Hi', body: '{link}' } },
      },
    ],
    // One corrupt field falls back alone; the others survive.
    [
      { defaultHint: 42, cloud: 'usgov', historySize: 10, emailLanguage: 'nl' },
      {
        ...D,
        cloud: 'usgov',
        historySize: 10,
        emailLanguage: 'nl',
        emailLanguageChosen: true,
        graphCloud: 'usgov-high',
      },
    ],
    [
      { defaultHint: 'contoso.com', cloud: 'mars' },
      { ...D, defaultHint: 'contoso.com' },
    ],
    [{ defaultHint: 'xn--cntoso-1ya.com', historySize: -1, emailLanguage: 'de' }, D],
    [{ historySize: 2.5 }, D],
    [{ historySize: 501 }, D],
    [{ historySize: 0 }, { ...D, historySize: 0 }],
    [
      { graphClientId: ` ${G.toUpperCase()} `, graphCloud: 'usgov-dod' },
      { ...D, graphClientId: G, graphCloud: 'usgov-dod', cloud: 'usgov' },
    ],
    [
      { graphClientId: 'my-app', graphCloud: 'china', cloud: 'usgov' },
      { ...D, cloud: 'usgov', graphCloud: 'usgov-high' },
    ],
    // One cloud: the Graph cloud decides, the link cloud follows it.
    [
      { graphClientId: 42, graphCloud: 'global', cloud: 'usgov' },
      { ...D, cloud: 'global', graphCloud: 'global' },
    ],
    [
      { graphTenant: 'Fabrikam.onmicrosoft.com', directoryCheck: true },
      { ...D, graphTenant: 'fabrikam.onmicrosoft.com', directoryCheck: true },
    ],
    [{ graphTenant: 'not a tenant', directoryCheck: 'yes' }, D],
    [
      {
        knownDirectories: [
          { directory: 'Fabrikam.com', name: ' Fabrikam  Ltd ' },
          { directory: 'fabrikam.com', name: 'again' },
          { directory: 'evil@fabrikam.com', name: 'x' },
          { directory: G.toUpperCase() },
          'contoso.com',
        ],
      },
      {
        ...D,
        knownDirectories: [
          { directory: 'fabrikam.com', name: 'Fabrikam Ltd', source: 'user' },
          { directory: G, name: G, source: 'user' },
        ],
      },
    ],
  ])('parseSettings(%j)', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it.each([
    ['fr-BE', 'fr'],
    ['nl', 'nl'],
    ['de-DE', 'en'],
    ['en-GB', 'en'],
  ])('the email language follows the interface (%s → %s) until one is chosen', (ui, lang) => {
    expect(parseSettings({}, ui)).toMatchObject({
      emailLanguage: lang,
      emailLanguageChosen: false,
    });
    expect(parseSettings({ emailLanguage: 'en' }, ui)).toMatchObject({
      emailLanguage: 'en',
      emailLanguageChosen: true,
    });
  });

  it('stores only what the user changed, so later defaults still reach them', () => {
    const baseline = resolveSettings({ user: {}, uiLanguage: 'fr' });
    expect(userChoices(baseline, baseline)).toEqual({});
    const changed = {
      ...baseline,
      defaultHint: 'contoso.com',
      knownDirectories: [
        { directory: 'policy.example', name: 'P', source: 'policy' as const },
        { directory: 'fabrikam.com', name: 'Fabrikam', source: 'user' as const },
      ],
    };
    expect(userChoices(changed, baseline)).toEqual({
      defaultHint: 'contoso.com',
      knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
    });
    // A picked language is kept even when it is the interface's; a locked key is never written.
    const picked = { ...baseline, emailLanguage: 'fr' as const, emailLanguageChosen: true };
    expect(userChoices(picked, baseline)).toEqual({ emailLanguage: 'fr' });
    expect(userChoices(changed, baseline, ['defaultHint'])).toEqual({
      knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
    });
  });

  it('reads version 4 objects (link cloud beside Graph cloud) key by key', () => {
    expect(parseStoredSettings({ cloud: 'usgov', historySize: 'x', organization: 'C' })).toEqual({
      graphCloud: 'usgov-high',
      organization: 'C',
    });
  });
});

describe('settings in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips, stores only the choices, and survives corrupt stored data', async () => {
    await settingsStore.save({
      ...D,
      defaultHint: 'fabrikam.com',
      graphCloud: 'usgov-high',
      historySize: 5,
      emailLanguage: 'fr',
      emailLanguageChosen: true,
    });
    expect(await settingsItem.getValue()).toEqual({
      defaultHint: 'fabrikam.com',
      graphCloud: 'usgov-high',
      historySize: 5,
      emailLanguage: 'fr',
    });
    expect(await settingsStore.load()).toEqual({
      ...D,
      defaultHint: 'fabrikam.com',
      cloud: 'usgov',
      graphCloud: 'usgov-high',
      historySize: 5,
      emailLanguage: 'fr',
      emailLanguageChosen: true,
    });
    await fakeBrowser.storage.local.set({
      settings: { defaultHint: ['bad'], cloud: 'usgov', historySize: 5, emailLanguage: 'fr' },
    });
    expect(await settingsStore.load()).toEqual({
      ...D,
      cloud: 'usgov',
      historySize: 5,
      emailLanguage: 'fr',
      emailLanguageChosen: true,
      graphCloud: 'usgov-high',
    });
  });

  it.each([
    [1, { defaultHint: 'contoso.com', cloud: 'usgov' }, {}],
    [
      2,
      { defaultHint: 'contoso.com', cloud: 'usgov', historySize: 50, emailLanguage: 'nl' },
      { emailLanguage: 'nl', emailLanguageChosen: true },
    ],
    [
      3,
      {
        defaultHint: 'contoso.com',
        cloud: 'usgov',
        historySize: 50,
        emailLanguage: 'en',
        organization: '',
        templates: {},
      },
      { emailLanguageChosen: true },
    ],
    [
      4,
      {
        defaultHint: 'contoso.com',
        cloud: 'usgov',
        historySize: 50,
        emailLanguage: 'fr',
        organization: 'Contoso',
        templates: {},
        graphClientId: G,
        graphCloud: 'usgov-dod',
      },
      {
        emailLanguage: 'fr',
        emailLanguageChosen: true,
        organization: 'Contoso',
        graphClientId: G,
        graphCloud: 'usgov-dod',
      },
    ],
  ])('migrates version %i settings without losing them', async (v, stored, more) => {
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v } });
    await settingsItem.migrate();
    expect(await settingsStore.load()).toEqual({
      ...D,
      defaultHint: 'contoso.com',
      cloud: 'usgov',
      graphCloud: 'usgov-high',
      ...more,
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 5 });
  });
});
