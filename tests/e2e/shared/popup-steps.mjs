// Steps and checks of the popup journeys that are the same in Chromium (tests/e2e/) and Firefox
// (tests/e2e-firefox/): both drive a Playwright page of the popup.
import assert from 'node:assert/strict';

/**
 * With the focus on the paste box holding a link without a directory hint: Tab to the hint field,
 * type contoso.com, Tab on to "Copy link" and press Enter.
 */
export async function repairByKeyboard(page) {
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fill-directoryHint');
  await page.keyboard.type('contoso.com');
  // Tab to the copy button and press it.
  for (
    let i = 0;
    i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Copy link';
    i++
  )
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

/** Every flavour of the clipboard's first item, type → text: run it in the page (`page.evaluate`). */
export async function clipboardFlavours() {
  const [item] = await navigator.clipboard.read();
  const out = {};
  for (const type of item.types) out[type] = await (await item.getType(type)).text();
  return out;
}

/** Asserts a copied email has `link` as plain text and as an HTML link, the note's `<soon>` escaped. */
export function assertEmailFlavours(flavours, link) {
  assert.deepEqual(Object.keys(flavours).sort(), ['text/html', 'text/plain']);
  assert.ok(flavours['text/plain'].includes(link));
  assert.ok(flavours['text/html'].includes(`<a href="${link}">${link}</a>`));
  assert.ok(flavours['text/html'].includes('see you &lt;soon&gt;'));
}
