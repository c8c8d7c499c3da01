import { WRAPPER_FAMILIES, type WrapperFamily } from '../lib/link';
import { t } from './i18n';

/** A wrapper family in words ("Microsoft Defender Safe Links", "Google redirect"), not its code. */
export function wrapperName(family: string): string {
  if (!Object.hasOwn(WRAPPER_FAMILIES, family)) return family;
  const f = WRAPPER_FAMILIES[family as WrapperFamily];
  return f.redirect ? t('wrapperRedirect', f.name) : f.name;
}
