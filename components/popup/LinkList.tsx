import { BY_CONCERN, type Verdict } from '../../lib/link';
import { t, type MessageKey } from '../i18n';
import type { FoundLink } from './state';

// chrome.i18n has no plural forms: one key for a count of 1, one for more (French agrees in number).
const COUNT_KEYS: Record<Verdict, { one: MessageKey; other: MessageKey }> = {
  dangerous: { one: 'countDangerous_one', other: 'countDangerous_other' },
  repairable: { one: 'countRepairable_one', other: 'countRepairable_other' },
  valid: { one: 'countValid_one', other: 'countValid_other' },
  invalid: { one: 'countInvalid_one', other: 'countInvalid_other' },
};

/**
 * "3 links found: 1 dangerous, 1 incomplete, 1 genuine", worst first, in words; every copy of a
 * repeated link counts, and how many different ones there are is said when that differs.
 */
export function linksFoundText(links: readonly FoundLink[]): string {
  const count = (xs: readonly FoundLink[]) => xs.reduce((n, l) => n + l.count, 0);
  const parts = BY_CONCERN.flatMap((verdict) => {
    const n = count(links.filter((l) => l.verdict === verdict));
    // In English, French and Dutch only 1 takes the singular among the counts shown (never 0).
    return n === 0
      ? []
      : [t(n === 1 ? COUNT_KEYS[verdict].one : COUNT_KEYS[verdict].other, String(n))];
  });
  const total = count(links);
  const found = t('linksFound', [String(total), parts.join(', ')]);
  return total === links.length
    ? found
    : `${found} ${t(links.length === 1 ? 'linksDistinct_one' : 'linksDistinct_other', String(links.length))}`;
}

export function LinkList({
  links,
  selected,
  onSelect,
}: {
  links: FoundLink[];
  selected: number;
  onSelect: (i: number) => void;
}) {
  return (
    <section aria-labelledby="links-found">
      <p id="links-found" class="muted">
        {linksFoundText(links)}
      </p>
      <ul class="links">
        {links.map((link, i) => (
          <li key={`${i}:${link.link}`}>
            <button type="button" aria-pressed={i === selected} onClick={() => onSelect(i)}>
              <strong>{t(`verdict_${link.verdict}`)}</strong> — {link.canonical ?? link.link}
              {link.count > 1 && (
                <span class="count"> {t('linkRepeated', String(link.count))}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
