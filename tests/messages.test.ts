import { describe, expect, it } from 'vitest';
import { parseRuntimeMessage } from '../lib/messages';

describe('parseRuntimeMessage accepts exactly the shapes it knows', () => {
  it.each([
    [{ type: 'my-access-page', status: 'complete', canonical: 'https://myaccess.microsoft.com/@a.com#/access-packages/x' }],
    [{ type: 'my-access-page', status: 'other', canonical: null }],
    [{ type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'global' }],
    [{ type: 'portal-page', accessPackageId: '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6', tenant: 'contoso.com', cloud: 'usgov' }],
    [{ type: 'portal-facts', packageName: 'Sales', hidden: true, catalogName: 'General', link: null }],
  ])('%j', (m) => {
    expect(parseRuntimeMessage(m)).toEqual(m);
  });

  it('drops unknown fields', () => {
    expect(parseRuntimeMessage({ type: 'my-access-page', status: 'other', canonical: null, extra: '<script>' })).toEqual({
      type: 'my-access-page',
      status: 'other',
      canonical: null,
    });
  });

  it.each([
    [null],
    ['check-text'],
    [[]],
    [{}],
    [{ type: 'unknown' }],
    [{ type: 'my-access-page', status: 'great', canonical: null }],
    [{ type: 'my-access-page', status: 'complete' }],
    [{ type: 'my-access-page', status: 'complete', canonical: 42 }],
    [{ type: 'my-access-page', status: 'complete', canonical: 'x'.repeat(5000) }],
    [{ type: 'portal-facts', packageName: null, hidden: 'yes', catalogName: null, link: null }],
    [{ type: 'portal-page', accessPackageId: null, tenant: null, cloud: 'china' }],
    [{ type: 'check-text', text: 'x' }],
    [{ type: 'portal-page', accessPackageId: { toString: (): string => 'x' }, tenant: null, cloud: 'global' }],
  ])('rejects %j', (m) => {
    expect(parseRuntimeMessage(m)).toBeUndefined();
  });
});
