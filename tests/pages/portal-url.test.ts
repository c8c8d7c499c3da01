import { describe, expect, it } from 'vitest';
import {
  isAccessPackagePage,
  isCatalogPage,
  isIdentityGovernanceDashboard,
  parseAccessPackagePage,
} from '../../lib/pages/portal-url';
import { PORTAL_CORPUS } from '../fixtures/portal-urls';

// Every predicate over every URL of the corpus: true for its own, false for all the others.
const PREDICATES = { isAccessPackagePage, isCatalogPage, isIdentityGovernanceDashboard } as const;

describe('portal URL predicates', () => {
  for (const [name, predicate] of Object.entries(PREDICATES)) {
    describe(name, () => {
      for (const [owner, urls] of Object.entries(PORTAL_CORPUS)) {
        for (const url of urls) {
          const expected = owner === name;
          it(`${expected ? 'matches' : 'rejects'} ${url}`, () => {
            expect(
              predicate(url),
              expected
                ? `${name} should match a URL of its own corpus: fix the predicate`
                : `${name} matched a URL of ${owner}: tighten the predicate or move the URL`,
            ).toBe(expected);
          });
        }
      }
    });
  }
  it('every predicate has corpus URLs', () => {
    for (const name of Object.keys(PREDICATES))
      expect(PORTAL_CORPUS[name]?.length ?? 0).toBeGreaterThan(2);
  });
});

describe('parseAccessPackagePage', () => {
  it.each([
    [
      'https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/6F1D2C3A-1B2C-4D5E-8F90-A1B2C3D4E5F6/catalogId/0b7c7f2e-5a1d-4c3b-9e8f-112233445566/catalogName/General/entitlementName/Sales%20partners',
      {
        accessPackageId: '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        catalogId: '0b7c7f2e-5a1d-4c3b-9e8f-112233445566',
        tab: 'overview',
        tenant: null,
        cloud: 'global',
      },
    ],
    [
      'https://portal.azure.com/#@contoso.onmicrosoft.com/blade/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/policies/entitlementId/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      {
        accessPackageId: '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        catalogId: null,
        tab: 'policies',
        tenant: 'contoso.onmicrosoft.com',
        cloud: 'global',
      },
    ],
    [
      'https://portal.azure.us/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/requests/entitlementId/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      {
        accessPackageId: '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        catalogId: null,
        tab: 'requests',
        tenant: null,
        cloud: 'usgov',
      },
    ],
  ])('%s', (url, expected) => {
    expect(parseAccessPackagePage(url)).toEqual(expected);
  });
});
