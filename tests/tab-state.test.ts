import { describe, expect, it } from 'vitest';
import { badgeFor } from '../lib/tab-state';

describe('badgeFor', () => {
  it.each([
    [undefined, '', 'actionTitle'],
    [{ type: 'my-access-page', status: 'complete', canonical: 'x' }, 'OK', 'badgeComplete'],
    [{ type: 'my-access-page', status: 'incomplete', canonical: null }, '!', 'badgeIncomplete'],
    [{ type: 'my-access-page', status: 'dangerous', canonical: null }, '!!', 'badgeDangerous'],
    [{ type: 'my-access-page', status: 'other', canonical: null }, '', 'actionTitle'],
    [{ type: 'portal-page', accessPackageId: 'id', packageName: null, hidden: null, catalogName: null, link: null }, 'PKG', 'badgePortalPackage'],
    [{ type: 'portal-page', accessPackageId: null, packageName: null, hidden: null, catalogName: null, link: null }, '', 'actionTitle'],
  ] as const)('%j → %s', (state, text, titleKey) => {
    const badge = badgeFor(state);
    expect(badge.text).toBe(text);
    expect(badge.titleKey).toBe(titleKey);
  });
});
