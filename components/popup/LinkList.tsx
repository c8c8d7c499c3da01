import type { LinkAnalysis } from '../../lib/link';
import { t } from '../i18n';

export function LinkList({ links, selected, onSelect }: { links: LinkAnalysis[]; selected: number; onSelect: (i: number) => void }) {
  return (
    <section aria-label={t('linksFound', String(links.length))}>
      <p class="muted">{t('linksFound', String(links.length))}</p>
      <ul class="links">
        {links.map((link, i) => (
          <li key={`${i}:${link.link}`}>
            <button type="button" aria-pressed={i === selected} onClick={() => onSelect(i)}>
              <strong>{t(`verdict_${link.verdict}`)}</strong> — {link.canonical ?? link.link}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
