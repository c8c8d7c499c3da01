import { defineConfig } from 'wxt';

// Hosts whose pages the content scripts read. Nothing else gets host access (DESIGN.md §7).
export const MY_ACCESS_MATCHES = ['https://myaccess.microsoft.com/*', 'https://myaccess.microsoft.us/*'];
export const PORTAL_MATCHES = [
  'https://portal.azure.com/*',
  'https://entra.microsoft.com/*',
  'https://portal.azure.us/*',
  'https://entra.microsoft.us/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: every file shows what it depends on (STYLE.md).
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'contextMenus', 'activeTab'],
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
    excludeSources: ['tests/e2e/output/**', 'docs/screenshots/**', '.output/**', 'coverage/**'],
  },
});
