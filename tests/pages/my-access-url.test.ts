import { describe, expect, it } from 'vitest';
import { isMyAccessUrl, parseMyAccessPage } from '../../lib/pages/my-access-url';
import { pageStatus } from '../../lib/pages/page-status';
import { G } from '../fixtures/link-rows';

// One page a row (URL, the route it opens, its status), kept one row per line.
// prettier-ignore
const PAGES: [url: string, route: string, status: string][] = [
  [`https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`, 'access-package', 'complete'],
  [`https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`, 'access-package', 'complete'],
  [`https://myaccess.microsoft.com/#/access-packages/${G}`, 'access-package', 'incomplete'],
  [`https://myaccess.microsoft.com/@contoso.com#/access-packages/6f1d2c3a-1b2c`, 'access-package', 'incomplete'],
  ['https://myaccess.microsoft.com/@contoso.com', 'home', 'incomplete'],
  ['https://myaccess.microsoft.com/@contoso.com#/access-packages', 'access-packages', 'incomplete'],
  ['https://myaccess.microsoft.com/#/access-packages', 'access-packages', 'other'],
  ['https://myaccess.microsoft.com/', 'home', 'other'],
  ['https://myaccess.microsoft.com/#/', 'home', 'other'],
  ['https://myaccess.microsoft.com/@contoso.com#/access-packages/active', 'active', 'other'],
  [`https://myaccess.microsoft.com/#/access-packages/active/${G}`, 'active', 'other'],
  ['https://myaccess.microsoft.com/@contoso.com#/request-history', 'requests', 'other'],
  ['https://myaccess.microsoft.com/#/request-approval', 'approvals', 'other'],
  ['https://myaccess.microsoft.com/?enableReviews=true#/access-reviews', 'reviews', 'other'],
  ['https://myaccess.microsoft.com/#/overview', 'overview', 'other'],
  [`https://myaccess.microsoft.com/@xn--cntoso-1ya.com#/access-packages/${G}`, 'access-package', 'dangerous'],
];

describe('My Access pages', () => {
  it.each(PAGES)('%s → %s, %s', (url, route, status) => {
    const page = parseMyAccessPage(url)!;
    expect(page.route).toBe(route);
    expect(pageStatus(page)).toBe(status);
    expect(page.fixedUrl).toBeNull();
  });

  it('clicking through My Access lists with a directory is not an incomplete link', () => {
    const page = parseMyAccessPage('https://myaccess.microsoft.com/@contoso.com#/access-packages')!;
    expect(pageStatus(page, { initial: false })).toBe('other');
    // ...but a package link that lost its directory is, however it was reached.
    expect(
      pageStatus(parseMyAccessPage(`https://myaccess.microsoft.com/#/access-packages/${G}`)!, {
        initial: false,
      }),
    ).toBe('incomplete');
  });

  it('offers the in-place fix for %23/', () => {
    const page = parseMyAccessPage(
      `https://myaccess.microsoft.com/@contoso.com%23/access-packages/${G}`,
    )!;
    expect(page.fixedUrl).toBe(`https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`);
    expect(page.route).toBe('access-package');
  });

  it.each([
    'https://myaccess.microsoft.com.evil.example/',
    'http://myaccess.microsoft.com/',
    'https://myapps.microsoft.com/',
    'https://myaccess.microsoft.com:8443/',
  ])('is not a My Access page: %s', (url) => {
    expect(isMyAccessUrl(url)).toBe(false);
    expect(parseMyAccessPage(url)).toBeUndefined();
  });
});
