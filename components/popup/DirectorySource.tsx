import type { DirectorySource as Source } from '../../lib/tab-state';
import { t, type MessageKey } from '../i18n';

const LINES: Record<Exclude<Source, 'url'> | 'typed', MessageKey> = {
  page: 'directorySource_page',
  graph: 'directorySource_graph',
  admin: 'directorySource_admin',
  typed: 'directorySource_typed',
};

/**
 * Says where the directory of the package's link came from. A directory only the portal URL names
 * (`#@tenant/`) is a suggestion: it is offered to confirm, never used on its own.
 */
export function DirectorySource({
  source,
  hint,
  onUse,
}:
  | {
      /** 'typed': the admin entered it here. */
      source: Exclude<Source, 'url'> | 'typed';
      hint?: never;
      onUse?: never;
    }
  | {
      source: 'url';
      hint: string;
      onUse: (hint: string) => void;
    }) {
  if (source !== 'url')
    return (
      <p class="muted" data-testid="directory-source" data-source={source}>
        {t(LINES[source])}
      </p>
    );
  return (
    <div class="notice" data-testid="directory-source" data-source="url">
      <p>{t('directorySuggestion', hint)}</p>
      <button type="button" onClick={() => onUse(hint)}>
        {t('directorySuggestionUse', hint)}
      </button>
    </div>
  );
}
