import { defineConfig } from 'wxt';
import { ALL_GRAPH_ORIGINS } from './lib/graph/clouds';

// Hosts whose pages the content scripts read. Nothing else gets host access (DESIGN.md §7).
export const MY_ACCESS_MATCHES = [
  'https://myaccess.microsoft.com/*',
  'https://myaccess.microsoft.us/*',
];
export const PORTAL_MATCHES = [
  'https://portal.azure.com/*',
  'https://entra.microsoft.com/*',
  'https://portal.azure.us/*',
  'https://entra.microsoft.us/*',
];

export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

export default defineConfig({
  // ALD_OUT_DIR lets several builds (and their browser tests) run side by side without sharing a folder.
  outDir: process.env.ALD_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: every file shows what it depends on (STYLE.md).
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    // Extension pages run only their own packaged scripts: no remote code, no eval.
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // `identity` only opens the sign-in window (no install warning); Graph and sign-in hosts are
    // optional, asked for when the admin signs in (DESIGN.md §7).
    permissions: ['storage', 'contextMenus', 'activeTab', 'identity'],
    // MV2 (the Firefox build) has no optional_host_permissions: origins go with optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ALL_GRAPH_ORIGINS }
      : { optional_host_permissions: ALL_GRAPH_ORIGINS }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Pinned so the sign-in redirect URI stays stable (DESIGN.md §6).
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
