// Formats a message from a `_locales/<lang>/messages.json` catalogue the way browsers do, so that
// a chosen language (not only the browser's) can be used, and tests can read the real catalogue.

export type Catalogue = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/**
 * A substitution that ends with a full stop of its own ("Contoso Inc.", a sentence) right before
 * the message's full stop would leave "..": the message's one is dropped there.
 */
export function oneFullStop(text: string, substitutions?: string | readonly string[]): string {
  for (const s of typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []))
    if (s.endsWith('.') && !s.endsWith('..')) text = text.split(`${s}.`).join(s);
  return text;
}

export function formatMessage(
  catalogue: Catalogue,
  key: string,
  substitutions?: string | string[],
): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  const positional = (s: string) =>
    s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const text = entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? positional(ph.content) : whole;
    })
    .replace(/\$\$/g, '$');
  return oneFullStop(text, subs);
}
