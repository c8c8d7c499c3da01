import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  choicesToStore,
  effectiveSettings,
  parsePolicy,
  POLICY_KEYS,
} from '../../lib/settings/managed';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TEMPLATE = { subject: 'Access to {packageName}', body: 'Open it whole:\n{link}' };

// One good value per key, as an administrator would write it in the policy.
const GOOD = {
  directoryHint: 'Contoso.onmicrosoft.com',
  cloud: 'usgov-high',
  organization: 'Contoso Ltd',
  emailLanguage: 'nl',
  templates: { fr: TEMPLATE },
  historySize: 0,
  graphClientId: CLIENT.toUpperCase(),
  graphTenant: TENANT,
  knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
};

describe('managed policy', () => {
  it.each(Object.entries(GOOD))('reads %s', (key, value) => {
    const policy = parsePolicy({ [key]: value });
    expect(policy.notes).toEqual([]);
    expect(Object.keys(policy.values)).toEqual([POLICY_KEYS[key as keyof typeof POLICY_KEYS]]);
  });

  it('reads every key at once, normalised', () => {
    expect(parsePolicy({ ...GOOD, locked: ['directoryHint', 'knownDirectories'] })).toEqual({
      values: {
        defaultHint: 'contoso.onmicrosoft.com',
        graphCloud: 'usgov-high',
        organization: 'Contoso Ltd',
        emailLanguage: 'nl',
        templates: { fr: TEMPLATE },
        historySize: 0,
        graphClientId: CLIENT,
        graphTenant: TENANT,
        knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' }],
      },
      locked: ['defaultHint', 'knownDirectories'],
      notes: [],
    });
  });

  it.each([
    [{ directoryHint: 42 }, [{ code: 'wrong-type', key: 'directoryHint' }]],
    [{ historySize: '20' }, [{ code: 'wrong-type', key: 'historySize' }]],
    [{ historySize: 2.5 }, [{ code: 'wrong-type', key: 'historySize' }]],
    [{ historySize: 900 }, [{ code: 'invalid-value', key: 'historySize' }]],
    [
      { knownDirectories: { directory: 'fabrikam.com' } },
      [{ code: 'wrong-type', key: 'knownDirectories' }],
    ],
    [{ templates: [TEMPLATE] }, [{ code: 'wrong-type', key: 'templates' }]],
    [{ directoryHint: 'contoso' }, [{ code: 'invalid-value', key: 'directoryHint' }]],
    [{ directoryHint: 'xn--cntoso-1ya.com' }, [{ code: 'invalid-value', key: 'directoryHint' }]],
    [{ directoryHint: 'anna@contoso.com' }, [{ code: 'invalid-value', key: 'directoryHint' }]],
    [{ directoryHint: '' }, [{ code: 'invalid-value', key: 'directoryHint' }]],
    [{ cloud: 'usgov' }, [{ code: 'invalid-value', key: 'cloud' }]],
    [{ emailLanguage: 'de' }, [{ code: 'invalid-value', key: 'emailLanguage' }]],
    [{ graphClientId: 'my-app' }, [{ code: 'invalid-value', key: 'graphClientId' }]],
    [{ graphTenant: 'organizations' }, [{ code: 'invalid-value', key: 'graphTenant' }]],
    [
      { templates: { en: { subject: 'x', body: 'no link' }, de: TEMPLATE, fr: TEMPLATE } },
      [
        { code: 'invalid-value', key: 'templates.en' },
        { code: 'invalid-value', key: 'templates.de' },
      ],
    ],
    [
      { knownDirectories: [{ directory: 'fabrikam.com' }, { directory: 'evil' }, 'x'] },
      [
        { code: 'invalid-value', key: 'knownDirectories[1]' },
        { code: 'invalid-value', key: 'knownDirectories[2]' },
      ],
    ],
    [{ defaultHint: 'contoso.com' }, [{ code: 'unknown-key', key: 'defaultHint' }]],
    [{ locked: 'directoryHint' }, [{ code: 'wrong-type', key: 'locked' }]],
    [
      { locked: ['directoryHint', 'colour', 3] },
      [
        { code: 'unknown-lock', key: 'colour' },
        { code: 'unknown-lock', key: '3' },
      ],
    ],
  ])('ignores %j alone, with a note', (raw, notes) => {
    const policy = parsePolicy({ ...raw, organization: 'Contoso' });
    expect(policy.notes).toEqual(notes);
    // The good key next to it survives.
    expect(policy.values.organization).toBe('Contoso');
  });

  it.each([null, 'x', [], 42])('treats %j as no policy', (raw) => {
    expect(parsePolicy(raw)).toEqual({ values: {}, locked: [], notes: [] });
  });

  describe('merged with the user’s settings', () => {
    const user = {
      defaultHint: 'fabrikam.com',
      historySize: 10,
      knownDirectories: [
        { directory: 'northwind.example', name: 'Northwind' },
        { directory: 'fabrikam.com', name: 'mine' },
      ],
    };

    it('an unlocked value is a default the user overrides', () => {
      const policy = parsePolicy({ directoryHint: 'contoso.com', organization: 'Contoso' });
      const s = effectiveSettings(user, policy, 'en');
      expect(s.defaultHint).toBe('fabrikam.com');
      expect(s.organization).toBe('Contoso');
      expect(effectiveSettings({}, policy, 'en').defaultHint).toBe('contoso.com');
    });

    it('a locked value wins, and is never written back', () => {
      const policy = parsePolicy({
        directoryHint: 'contoso.com',
        cloud: 'usgov-dod',
        locked: ['directoryHint', 'cloud', 'historySize'],
      });
      const s = effectiveSettings(user, policy, 'en');
      expect(s).toMatchObject({
        defaultHint: 'contoso.com',
        graphCloud: 'usgov-dod',
        cloud: 'usgov',
        // Locked without a value: the default, whatever the user stored.
        historySize: DEFAULT_SETTINGS.historySize,
      });
      expect(choicesToStore({ ...s, organization: 'Mine' }, policy, 'en')).toEqual({
        organization: 'Mine',
        knownDirectories: user.knownDirectories,
      });
    });

    it('known directories: the policy’s first, then the user’s own unless the list is locked', () => {
      const policy = parsePolicy({
        knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
      });
      expect(effectiveSettings(user, policy, 'en').knownDirectories).toEqual([
        { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
        { directory: 'northwind.example', name: 'Northwind', source: 'user' },
      ]);
      const lockedPolicy = parsePolicy({
        knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
        locked: ['knownDirectories'],
      });
      expect(effectiveSettings(user, lockedPolicy, 'en').knownDirectories).toEqual([
        { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
      ]);
    });

    it('a policy email language is the default, not the interface language', () => {
      const policy = parsePolicy({ emailLanguage: 'nl' });
      expect(effectiveSettings({}, policy, 'fr')).toMatchObject({
        emailLanguage: 'nl',
        emailLanguageChosen: true,
      });
      expect(effectiveSettings({ emailLanguage: 'en' }, policy, 'fr').emailLanguage).toBe('en');
      // Saving untouched settings pins nothing.
      expect(choicesToStore(effectiveSettings({}, policy, 'fr'), policy, 'fr')).toEqual({});
    });
  });

  it('the schema the browser reads names exactly the policy keys', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, { type: string }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(
      [...Object.keys(POLICY_KEYS), 'locked'].sort(),
    );
    for (const [key, value] of Object.entries(GOOD))
      expect(
        Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value,
      ).toBe(schema.properties[key]!.type);
  });
});
