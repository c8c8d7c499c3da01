import type { Email } from './compose';

export type Channel = 'mailto' | 'outlook' | 'gmail';

export interface ChannelUrl {
  url: string | null;
  /** The body was cut to fit: the user is told, and offered the copy instead. */
  shortened: boolean;
  /** Even a short body does not fit: copy the email instead. */
  tooLong: boolean;
  /** Recipients that are not email addresses (left out). */
  rejected: string[];
}

// Mail clients and browsers cut longer mailto URLs silently (DESIGN.md §7).
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
  usGov: boolean,
): string {
  switch (channel) {
    case 'mailto':
      return `mailto:${to.map(enc).join(',')}?subject=${enc(subject)}&body=${enc(crlf(body))}`;
    case 'outlook': {
      const host = usGov ? 'outlook.office365.us' : 'outlook.office.com';
      return `https://${host}/mail/deeplink/compose?to=${enc(to.join(','))}&subject=${enc(subject)}&body=${enc(crlf(body))}`;
    }
    case 'gmail':
      return `https://mail.google.com/mail/?view=cm&fs=1&to=${enc(to.join(','))}&su=${enc(subject)}&body=${enc(body)}`;
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
  usGov = false,
): ChannelUrl {
  const { ok: to, rejected } = parseRecipients(recipients.replace(/[\r\n]/g, ' '));
  const subject = email.subject.replace(/[\r\n]+/g, ' ');
  const full = build(channel, to, subject, email.text, usGov);
  if (full.length <= MAX_URL) return { url: full, shortened: false, tooLong: false, rejected };
  // Keep whole paragraphs up to and including the link's, then as many more as fit.
  const paragraphs = email.text.split(/\n{2,}/);
  const linkAt = paragraphs.findIndex((p) => p.includes(link));
  for (let keep = paragraphs.length - 1; keep > linkAt; keep--) {
    const url = build(
      channel,
      to,
      subject,
      `${paragraphs.slice(0, keep).join('\n\n')}\n\n…`,
      usGov,
    );
    if (url.length <= MAX_URL) return { url, shortened: true, tooLong: false, rejected };
  }
  const minimal = build(channel, to, subject, link, usGov);
  if (minimal.length <= MAX_URL) return { url: minimal, shortened: true, tooLong: false, rejected };
  return { url: null, shortened: false, tooLong: true, rejected };
}
