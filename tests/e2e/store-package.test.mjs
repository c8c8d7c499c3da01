// What ships: the built manifests' content security policy, and the store packages' contents.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const OUTPUT = resolve(process.env.ALD_OUT_DIR ?? '.output');

/** Every file of a zip archive, by name (the central directory, then each entry's data). */
function zipEntries(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is not a zip`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + skip;
  }
  return entries;
}

for (const build of ['chrome-mv3', 'firefox-mv3']) {
  test(`${build}: extension pages run only packaged scripts (no eval, no remote code)`, () => {
    const manifest = JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));
    const csp =
      typeof manifest.content_security_policy === 'string'
        ? manifest.content_security_policy
        : manifest.content_security_policy?.extension_pages;
    assert.equal(typeof csp, 'string', 'a content security policy for the extension pages');
    const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1].trim();
    assert.equal(scripts, "'self'", `script-src is the extension itself only: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/, csp);
    assert.match(csp, /object-src 'none'/);
  });
}

test('the Firefox store packages ship no private key', { timeout: 120_000 }, (t) => {
  // Zipped in a folder of its own: `wxt zip` builds again, and the Firefox suite may be reading
  // .output/firefox-mv3 at the same time (npm test runs the suites side by side).
  const out = mkdtempSync(join(tmpdir(), 'ald-zip-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  execFileSync(
    process.execPath,
    [resolve('node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', 'firefox'],
    { stdio: 'ignore', env: { ...process.env, ALD_OUT_DIR: out } },
  );
  const zips = readdirSync(out).filter((f) => /-(?:firefox|sources)\.zip$/.test(f));
  assert.ok(
    zips.some((f) => f.endsWith('-sources.zip')),
    'the sources zip was made',
  );
  for (const zip of zips) {
    const entries = zipEntries(join(out, zip));
    // The scan reads contents: the sources must be there to be read.
    if (zip.endsWith('-sources.zip'))
      assert.ok(entries.has('package.json'), `${zip} holds the sources`);
    for (const [name, content] of entries) {
      assert.doesNotMatch(
        content.toString('latin1'),
        /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
        `${zip}: ${name} holds a private key`,
      );
    }
  }
});
