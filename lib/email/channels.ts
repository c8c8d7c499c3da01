import type { Email } from './compose';

/** The ways to send the email, in the order the share panel offers them. */
export const CHANNELS = ['mailto', 'outlook', 'gmail'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Which Outlook on the web: worldwide (also GCC), GCC High, or DoD (its own host). */
export type OutlookCloud = 'worldwide' | 'usgov-high' | 'usgov-dod';

// The compose path below (`/mail/deeplink/compose`) is Outlook on the web's worldwide one; that the
// `.us` hosts serve the same path is assumed (unverified: Microsoft documents no compose URL there).
const OUTLOOK_HOST: Record<OutlookCloud, string> = {
  worldwide: 'outlook.office.com',
  'usgov-high': 'outlook.office365.us',
  'usgov-dod': 'outlook-dod.office365.us',
};

/**
 * The Outlook on the web for a link: a `.us` link is a GCC High or DoD tenant's (GCC on the
 * worldwide hosts is inferred: Microsoft's My Access link page names only "US Government" for
 * `.us`); the sender's own cloud setting tells DoD apart.
 */
export function outlookCloudFor(link: string, senderCloud: string): OutlookCloud {
  if (!link.startsWith('https://myaccess.microsoft.us/')) return 'worldwide';
  return senderCloud === 'usgov-dod' ? 'usgov-dod' : 'usgov-high';
}

export interface ChannelUrl {
  url: string | null;
  /** The body was cut to fit: the user is told, and offered the copy instead. */
  shortened: boolean;
}

// Mail clients and browsers cut longer mailto URLs silently.
export const MAX_URL = 1800;
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Recipients from what the user typed: split on commas, semicolons and spaces; only addresses. */
export function parseRecipients(input: string): { ok: string[]; rejected: string[] } {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  return { ok: parts.filter((p) => EMAIL.test(p)), rejected: parts.filter((p) => !EMAIL.test(p)) };
}

// RFC 6068: percent-encode with encodeURIComponent (never form encoding: space is %20, not +),
// line breaks as %0D%0A.
const enc = (s: string) => encodeURIComponent(s);
const crlf = (s: string) => s.replace(/\r\n?|\n/g, '\r\n');

function build(
  channel: Channel,
  to: string[],
  subject: string,
  body: string,
  outlook: OutlookCloud,
): string {
  const recipients = enc(to.join(','));
  switch (channel) {
    case 'mailto':
      return `mailto:${to.map(enc).join(',')}?subject=${enc(subject)}&body=${enc(crlf(body))}`;
    case 'outlook': {
      const compose = `https://${OUTLOOK_HOST[outlook]}/mail/deeplink/compose`;
      return `${compose}?to=${recipients}&subject=${enc(subject)}&body=${enc(crlf(body))}`;
    }
    case 'gmail':
      return `https://mail.google.com/mail/?view=cm&fs=1&to=${recipients}&su=${enc(subject)}&body=${enc(body)}`;
  }
}

/**
 * The compose URL for a channel. A body that makes the URL too long is cut at a paragraph (the
 * link is never cut: it stands whole in the shortened body too), or, failing that, not sent.
 */
export function composeUrl(
  channel: Channel,
  email: Email,
  recipients: string,
  link: string,
  outlook: OutlookCloud = 'worldwide',
): ChannelUrl {
  const { ok: to } = parseRecipients(recipients.replace(/[\r\n]/g, ' '));
  const subject = email.subject.replace(/[\r\n]+/g, ' ');
  const full = build(channel, to, subject, email.text, outlook);
  if (full.length <= MAX_URL) return { url: full, shortened: false };
  // Keep whole paragraphs up to and including the link's, then as many more as fit.
  const paragraphs = email.text.split(/\n{2,}/);
  const linkAt = paragraphs.findIndex((p) => p.includes(link));
  for (let keep = paragraphs.length - 1; keep > linkAt; keep--) {
    const url = build(
      channel,
      to,
      subject,
      `${paragraphs.slice(0, keep).join('\n\n')}\n\n…`,
      outlook,
    );
    if (url.length <= MAX_URL) return { url, shortened: true };
  }
  const minimal = build(channel, to, subject, link, outlook);
  if (minimal.length <= MAX_URL) return { url: minimal, shortened: true };
  return { url: null, shortened: false };
}
