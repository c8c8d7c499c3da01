import { defineConfig } from 'wxt';
import { ALL_GRAPH_ORIGINS } from './lib/graph/clouds';
import testKey from './tests/e2e/test-extension-key.json';

// Host access: only the pages the content scripts read, through their `matches` (defined once, in
// lib/hosts.ts). Nothing else gets host access.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

export default defineConfig({
  // ALD_OUT_DIR lets several builds (and their browser tests) run side by side without sharing a folder.
  outDir: process.env.ALD_OUT_DIR ?? '.output',
  // Manifest V3 for Firefox too (WXT's default there is V2): the README's "Firefox" section says
  // why, from what the Firefox suite found. The build lands in firefox-mv3.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Content scripts call only storage.local, runtime.sendMessage and i18n, which return promises
    // natively in Chromium (MV3) and Firefox alike: they go without the polyfill, which would be
    // 3 kB of their 8 kB gzip budget. Extension pages and the background keep it.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias))
        config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  // Explicit imports only: every file shows what it depends on.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    // Extension pages run only their own packaged scripts: no remote code, no eval.
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `identity` only opens the sign-in window (no install warning); Graph and sign-in hosts are
    // optional, asked for when the admin signs in.
    permissions: ['storage', 'contextMenus', 'activeTab', 'identity'],
    // MV2 (only if built with --mv2) has no optional_host_permissions: origins go with optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ALL_GRAPH_ORIGINS }
      : { optional_host_permissions: ALL_GRAPH_ORIGINS }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Chromium reads the organisation's policy for this extension against this schema (Firefox
    // reads policies.json without one). The test build pins its id with a public key so a policy
    // can name it; store builds never carry a key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser !== 'firefox' && process.env.ALD_TEST_KEY === '1' ? { key: testKey.key } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Pinned so the sign-in redirect URI stays stable (README, "Microsoft Graph").
              id: 'access-link-doctor@accesslinkdoctor.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // The test server's TLS key is a private key: it never ships, not even in the sources zip.
    excludeSources: [
      'tests/e2e/output/**',
      'docs/screenshots/**',
      '.output/**',
      'coverage/**',
      'tests/fixtures/graph/tls/**',
    ],
  },
});
