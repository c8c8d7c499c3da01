import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../lib/settings/settings';
import { settingsStore } from '../lib/storage';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('settings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    ['corrupt', DEFAULT_SETTINGS],
    [{ defaultHint: 'Contoso.COM.', cloud: 'usgov' }, { defaultHint: 'contoso.com', cloud: 'usgov' }],
    // One corrupt field falls back alone; the other survives.
    [{ defaultHint: 42, cloud: 'usgov' }, { defaultHint: '', cloud: 'usgov' }],
    [{ defaultHint: 'contoso.com', cloud: 'mars' }, { defaultHint: 'contoso.com', cloud: 'global' }],
    [{ defaultHint: 'xn--cntoso-1ya.com', cloud: 'global' }, { defaultHint: '', cloud: 'global' }],
  ])('parseSettings(%j)', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  it('round-trips through extension storage, and survives corrupt stored data', async () => {
    await settingsStore.save({ defaultHint: 'fabrikam.com', cloud: 'usgov' });
    expect(await settingsStore.load()).toEqual({ defaultHint: 'fabrikam.com', cloud: 'usgov' });
    await fakeBrowser.storage.local.set({ settings: { defaultHint: ['bad'], cloud: 'usgov' } });
    expect(await settingsStore.load()).toEqual({ defaultHint: '', cloud: 'usgov' });
  });
});
