// Time from opening the popup page to its first interactive render (the paste box focused and
// usable), from the navigation start, in Chromium: the popup marks `ald:popup-ready`.
import { withExtension } from '../../tests/e2e/harness.mjs';

export async function benchPopup(opens = 15) {
  return withExtension(async ({ context, extensionId }) => {
    const page = await context.newPage();
    const times = [];
    for (let i = 0; i < opens; i++) {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.waitForFunction(() => performance.getEntriesByName('ald:popup-ready').length > 0);
      times.push(
        await page.evaluate(() => performance.getEntriesByName('ald:popup-ready')[0].startTime),
      );
    }
    return times.sort((a, b) => a - b);
  });
}
