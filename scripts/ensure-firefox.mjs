// Makes sure a Firefox the add-on accepts is there for the Firefox suite: installs Debian's
// firefox-esr when it can (root and apt), and otherwise says what to install or set.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall, aptUpdate } from './apt.mjs';
import { atLeast, findFirefox, firefoxVersion, MIN_VERSION } from './firefox-path.mjs';

if (!MIN_VERSION) {
  console.error('wxt.config.ts declares no gecko strict_min_version: cannot check Firefox.');
  process.exit(1);
}

/** The found Firefox and its version, when it is new enough; else a line saying why not. */
function usable() {
  const path = findFirefox();
  if (!path) return { problem: 'no Firefox was found' };
  const version = firefoxVersion(path);
  if (!version) return { problem: `${path} did not report its version` };
  if (!atLeast(version, MIN_VERSION))
    return {
      problem: `${path} is Firefox ${version}, older than the add-on's minimum ${MIN_VERSION}`,
    };
  return { path, version };
}

let found = usable();
if (found.path) {
  console.log(`Firefox ${found.version}: ${found.path}`);
  process.exit(0);
}
if (process.env.FIREFOX_PATH) {
  console.error(
    `FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but ${found.problem}. Fix the variable or unset it.`,
  );
  process.exit(1);
}
let aptNote = '';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`${found.problem}: installing Debian's firefox-esr package (under a minute)…`);
  aptUpdate();
  // apt installs the highest candidate: on Debian 12 the security suite's ESR (153), not the main
  // suite's 140, which is older than the add-on's minimum. Without the security suite, say so.
  const policy = execSync('apt-cache policy firefox-esr', { encoding: 'utf8' });
  const candidate = /Candidate:\s*(\d+(?:\.\d+)*)/.exec(policy)?.[1];
  if (candidate && atLeast(candidate, MIN_VERSION)) aptInstall('firefox-esr');
  else
    aptNote =
      `apt offers firefox-esr ${candidate ?? 'not at all'}: ` +
      "add the security suite (e.g. bookworm-security) to apt's sources";
  found = usable();
  if (found.path) {
    console.log(`Firefox ${found.version}: ${found.path}`);
    process.exit(0);
  }
}
console.error(
  [
    `The Firefox tests need Firefox ${MIN_VERSION} or newer, and ${found.problem}.`,
    ...(aptNote ? [`  (${aptNote})`] : []),
    '  Debian 12: sudo apt-get install firefox-esr (from bookworm-security: 153 ESR or newer;',
    '    the main suite alone has 140, which is too old: check `apt-cache policy firefox-esr`)',
    `  Elsewhere: install Firefox ${MIN_VERSION} or newer (ESR or release), then set FIREFOX_PATH=/path/to/firefox`,
  ].join('\n'),
);
process.exit(1);
