// Debian's packages for the browser suites: one `apt-get update` serves both browsers' installs.
import { execSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Written after an update: the other browser's install, minutes later, needs no second one.
const STAMP = join(tmpdir(), 'access-link-doctor-apt-update');
const FRESH_MS = 15 * 60 * 1000;

function updatedLately() {
  try {
    return Date.now() - statSync(STAMP).mtimeMs < FRESH_MS;
  } catch {
    return false;
  }
}

export function aptUpdate() {
  if (updatedLately()) return;
  execSync('apt-get update -qq', { stdio: 'inherit' });
  writeFileSync(STAMP, '');
}

/**
 * Installs `pkgs` without their recommended packages: the tests need the browser alone, not the
 * printing, notification, power and codec packages Debian recommends with it (Chromium: 19 packages
 * instead of 107, installed in 14 s instead of 60–81 s here; Firefox: 2 instead of 40).
 */
export function aptInstall(...pkgs) {
  execSync(
    `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${pkgs.join(' ')}`,
    { stdio: 'inherit' },
  );
}
