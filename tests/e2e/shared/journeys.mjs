// The journeys' inputs and expectations, the same in Chromium and Firefox: links, labels, the
// context-menu clicks a browser sends, the compose URLs sharing makes, the popup states axe scans.
import { G } from './fixtures.mjs';

export const OTHER_ID = '0b7c7f2e-5a1d-4c3b-9e8f-112233445566';
export const COMPLETE = `https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/${G}`;
export const MISSING_HINT = `https://myaccess.microsoft.com/#/access-packages/${G}`;
export const NOTICE = '[data-testid="ald-notice"]';
export const REPAIR = '[data-testid="ald-repair"]';
export const HINT_LABEL = "Organisation's domain or tenant ID";
export const ID_LABEL = 'Access package ID';
/** The notice's ways out: for now (nothing kept), and for good (kept, with undo). */
export const NOTICE_LATER = 'Not now';
export const NOTICE_NEVER = 'Don’t show again for this link';
export const NOT_A_DIRECTORY =
  'That is not a domain name or a tenant ID. Enter one such as contoso.onmicrosoft.com.';
export const PASTE_LABEL = 'Paste a link or a whole email';
export const LOOKALIKE = `https://myaccess.microsoft.com.evil.example/@contoso.com#/access-packages/${G}`;
export const SAFE_LINKS_EMAIL = `Hi Anna,\n\nplease request access here:\nhttps://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(MISSING_HINT)}&data=05%7C02%7Canna%40fabrikam.com&reserved=0\n\nBest regards,\nBob`;

/** The Entra blade of package G's overview (the part after the portal's origin). */
export const BLADE = `#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`;
/** What the portal content script reads from the Entra overview fixture. */
export const ENTRA_FACTS = {
  packageName: 'Sales partners',
  hidden: true,
  catalogName: 'General',
  link: COMPLETE,
};

/** Context-menu clicks as the browser reports them (OnClickData), and what the check must say. */
export const MENU_CLICKS = [
  {
    name: 'a link without its directory hint',
    info: {
      menuItemId: 'ald-check-link',
      linkUrl: MISSING_HINT,
      editable: false,
      pageUrl: 'https://outlook.office.com/mail/',
    },
    verdict: /Genuine but incomplete/,
  },
  {
    name: 'a selected text with a dangerous link',
    info: {
      menuItemId: 'ald-check-link',
      selectionText:
        'please open https://myaccess.microsoft.com@evil.example/#/access-packages/x today',
      editable: false,
      pageUrl: 'https://mail.example/',
    },
    verdict: /It really leads to: evil\.example/,
  },
  {
    name: 'a link whose text shows My Access but whose target goes elsewhere',
    info: {
      menuItemId: 'ald-check-link',
      linkUrl: 'https://evil.example/login',
      selectionText: `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
      editable: false,
      pageUrl: 'https://mail.example/',
    },
    verdict: /Dangerous[\s\S]*It really leads to: evil\.example/,
    code: 'text-target-mismatch',
  },
];

/** Sharing COMPLETE to anna@fabrikam.com: the channels in the order the tests press them. */
export const SHARE_TO = 'anna@fabrikam.com';
export const SHARE_NOTE = 'Welcome aboard & see you <soon>';
export const SHARE_CHANNELS = [
  {
    name: 'Email app',
    how: 'update',
    url: /^mailto:anna%40fabrikam\.com\?subject=Request%20access%3A%20an%20access%20package&body=Hello%2C%0D%0A%0D%0A/,
  },
  {
    name: 'Outlook on the web',
    how: 'create',
    url: /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=anna%40fabrikam\.com&subject=/,
  },
  {
    name: 'Gmail',
    how: 'create',
    url: /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=anna%40fabrikam\.com&su=/,
  },
];

/** Popup states axe-core scans (`?check=` text; '' is the empty popup). */
export const AXE_POPUP_STATES = [
  '',
  `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`,
  MISSING_HINT,
  `https://myaccess.microsoft.com@evil.example/#/access-packages/${G}`,
  `One https://myaccess.microsoft.com/@contoso.com#/access-packages/${G} two https://myaccess-microsoft.com/@contoso.com`,
];
