import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings } from '../lib/settings/settings';
import { settingsItem, settingsStore } from '../lib/storage';

const D = DEFAULT_SETTINGS;

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
      { ...D, cloud: 'usgov', historySize: 10, emailLanguage: 'nl', graphCloud: 'usgov-high' },
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
      { graphClientId: ' 5B7C0A2E-1D3F-4E6A-9B8C-7D6E5F4A3B2C ', graphCloud: 'usgov-dod' },
      { ...D, graphClientId: '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c', graphCloud: 'usgov-dod' },
    ],
    [
      { graphClientId: 'my-app', graphCloud: 'china', cloud: 'usgov' },
      { ...D, cloud: 'usgov', graphCloud: 'usgov-high' },
    ],
    [
      { graphClientId: 42, graphCloud: 'global', cloud: 'usgov' },
      { ...D, cloud: 'usgov', graphCloud: 'global' },
    ],
  ])('parseSettings(%j)', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('round-trips through extension storage, and survives corrupt stored data', async () => {
    await settingsStore.save({
      ...D,
      defaultHint: 'fabrikam.com',
      cloud: 'usgov',
      historySize: 5,
      emailLanguage: 'fr',
    });
    expect(await settingsStore.load()).toEqual({
      ...D,
      defaultHint: 'fabrikam.com',
      cloud: 'usgov',
      historySize: 5,
      emailLanguage: 'fr',
    });
    await fakeBrowser.storage.local.set({
      settings: { defaultHint: ['bad'], cloud: 'usgov', historySize: 5, emailLanguage: 'fr' },
    });
    expect(await settingsStore.load()).toEqual({
      ...D,
      cloud: 'usgov',
      historySize: 5,
      emailLanguage: 'fr',
      graphCloud: 'usgov-high',
    });
  });

  it.each([
    [1, { defaultHint: 'contoso.com', cloud: 'usgov' }],
    [2, { defaultHint: 'contoso.com', cloud: 'usgov', historySize: 50, emailLanguage: 'en' }],
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
    ],
  ])('migrates version %i settings without losing them', async (v, stored) => {
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v } });
    await settingsItem.migrate();
    expect(await settingsStore.load()).toEqual({
      ...D,
      defaultHint: 'contoso.com',
      cloud: 'usgov',
      graphCloud: 'usgov-high',
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 4 });
  });
});
