import type { PolicyNote, PolicyNoteCode } from '../../lib/settings/managed';
import { t, type MessageKey } from '../i18n';
import type { OptionsState } from './state';

const NOTE_TEXT: Record<PolicyNoteCode, MessageKey> = {
  'unknown-key': 'policyNote_unknown_key',
  'wrong-type': 'policyNote_wrong_type',
  'invalid-value': 'policyNote_invalid_value',
  'unknown-lock': 'policyNote_unknown_lock',
};

const noteText = (n: PolicyNote) => t(NOTE_TEXT[n.code], n.key);

/** What the organisation's policy sets, and which of its values were ignored (and why). */
export function PolicyNotes({ state }: { state: OptionsState }) {
  const { locked, notes, values } = state.policy.value;
  if (locked.length === 0 && notes.length === 0 && Object.keys(values).length === 0) return null;
  return (
    <section class="notice policy" data-testid="policy" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policyHeading')}</h2>
      <p>{t('policyIntro')}</p>
      {notes.length > 0 && (
        <ul data-testid="policy-notes">
          {notes.map((n) => (
            <li key={`${n.code}:${n.key}`} data-code={n.code}>
              {noteText(n)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
