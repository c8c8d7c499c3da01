import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeOf, eventually, fixture, G, withExtension } from './harness.mjs';

test('portal: an access package blade lights the badge; leaving it clears the badge', { timeout: 60_000 }, async () => {
  await withExtension(async ({ context, worker, serve }) => {
    await serve('https://entra.microsoft.com/**', fixture('portal-overview.html'));
    const page = await context.newPage();
    await page.goto(`https://entra.microsoft.com/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`);
    assert.equal(await eventually(() => badgeOf(worker, page), 'PKG'), 'PKG');
    await page.evaluate(() => (location.hash = '#view/Microsoft_AAD_ERM/DashboardBlade/~/elmEntitlement'));
    assert.equal(await eventually(() => badgeOf(worker, page), ''), '');
  });
});
