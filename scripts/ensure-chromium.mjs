// Makes sure a Chromium is there for the real-browser tests: installs Debian's when it can.
import { existsSync } from 'node:fs';
import { aptInstall, aptUpdate } from './apt.mjs';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) {
  console.log(`Chromium: ${found}`);
  process.exit(0);
}
if (process.env.CHROME_PATH) {
  console.error(
    `CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there. Fix the variable or unset it.`,
  );
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("Chromium not found: installing Debian's chromium package (under a minute)…");
  aptUpdate();
  // Of what Debian recommends, the fonts: the ones the popup's layout tests were measured with.
  aptInstall('chromium', 'fonts-liberation');
  if (findChromium()) process.exit(0);
}
console.error(
  [
    'The end-to-end tests need Chromium and none was found.',
    '  Debian/Ubuntu: sudo apt-get install chromium',
    '  Elsewhere: install Chromium or Chrome, then set CHROME_PATH=/path/to/chrome',
  ].join('\n'),
);
process.exit(1);
