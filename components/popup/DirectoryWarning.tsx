import type { DirectoryWarning as Warning } from '../../lib/directory-sanity';
import { t } from '../i18n';

/** Says why a directory is surely wrong, and offers the likely one when there is one. */
export function DirectoryWarning({
  warning,
  onUse,
}: {
  warning: Warning;
  /** Replaces what was typed; absent when the directory came with the link, not from a field. */
  onUse?: (domain: string) => void;
}) {
  const suggestion =
    warning.code === 'address'
      ? warning.domain
      : warning.code === 'typo'
        ? warning.confirmed
        : null;
  const text =
    warning.code === 'consumer-domain'
      ? t('directoryWarning_consumer_domain', warning.domain)
      : warning.code === 'address'
        ? t('directoryWarning_address', warning.domain)
        : t('directoryWarning_typo', [warning.domain, warning.confirmed]);
  return (
    <div class="notice" data-testid="directory-warning" data-code={warning.code}>
      <p role="status">{text}</p>
      {suggestion && onUse && (
        <button type="button" onClick={() => onUse(suggestion)}>
          {t('directoryUse', suggestion)}
        </button>
      )}
    </div>
  );
}
