import type { MyAccessPageReport, PortalPageReport } from './messages';

/** What the background knows of one tab: the latest report from its page. */
export type TabState = MyAccessPageReport | PortalPageReport;

export interface Badge {
  text: string;
  color: string;
  titleKey: 'badgeComplete' | 'badgeIncomplete' | 'badgeDangerous' | 'badgePortalPackage' | 'actionTitle';
}

/** The toolbar badge for a tab's state. Text and colour both change: colour is never the only signal. */
export function badgeFor(state: TabState | undefined): Badge {
  if (!state) return { text: '', color: '#0f6cbd', titleKey: 'actionTitle' };
  if (state.type === 'portal-page') {
    return state.accessPackageId
      ? { text: 'PKG', color: '#0f6cbd', titleKey: 'badgePortalPackage' }
      : { text: '', color: '#0f6cbd', titleKey: 'actionTitle' };
  }
  if (state.status === 'other') return { text: '', color: '#0f6cbd', titleKey: 'actionTitle' };
  if (state.status === 'complete') return { text: 'OK', color: '#107c10', titleKey: 'badgeComplete' };
  if (state.status === 'dangerous') return { text: '!!', color: '#c50f1f', titleKey: 'badgeDangerous' };
  return { text: '!', color: '#bc4b09', titleKey: 'badgeIncomplete' };
}
