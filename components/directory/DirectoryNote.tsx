import { useEffect, useState } from 'preact/hooks';
import { directoryStanding } from '../../lib/directory/known-directories';
import {
  cloudMismatch,
  type DirectoryCheck,
  type TenantCloud,
} from '../../lib/directory/openid-check';
import type { Settings } from '../../lib/settings/settings';
import { t, type MessageKey } from '../i18n';
import { browserDirectoryCheck, type DirectoryChecker } from './check-env';

const CLOUD_NAME: Record<TenantCloud, MessageKey> = {
  global: 'tenantCloud_global',
  gcc: 'tenantCloud_gcc',
  usgov: 'tenantCloud_usgov',
  'usgov-high': 'tenantCloud_usgov_high',
  'usgov-dod': 'tenantCloud_usgov_dod',
  china: 'tenantCloud_china',
};
const cloudName = (c: TenantCloud) => t(CLOUD_NAME[c]);

/**
 * What is known about a link's directory: whether it is one of the organisation's known partners
 * (offline), whether the user's own directory is opened in the wrong cloud, and, when the user
 * turned it on, what Microsoft's discovery document says about it. Renders nothing otherwise.
 */
export function DirectoryNote({
  host,
  directory,
  settings,
  check = browserDirectoryCheck,
}: {
  /** The link's official host (myaccess.microsoft.com or .us). */
  host: string;
  directory: string;
  settings: Pick<
    Settings,
    'knownDirectories' | 'directoryCheck' | 'defaultHint' | 'graphCloud' | 'cloud'
  >;
  check?: DirectoryChecker;
}) {
  const [result, setResult] = useState<DirectoryCheck | 'checking' | null>(null);
  const on = settings.directoryCheck;
  useEffect(() => {
    if (!on) return setResult(null);
    let live = true;
    setResult('checking');
    void check(directory).then(
      (r) => live && setResult(r),
      () => live && setResult({ kind: 'not-checked', reason: 'unexpected' }),
    );
    return () => void (live = false);
  }, [directory, on, check]);

  const standing = directoryStanding(directory, settings.knownDirectories);
  const linkCloud = host.endsWith('.us') ? 'usgov' : 'global';
  const ownMismatch = directory === settings.defaultHint && linkCloud !== settings.cloud;
  const lines: { key: string; text: string; warn: boolean }[] = [];
  if (standing.kind === 'known')
    lines.push({
      key: 'known',
      text: t('directoryKnown', [standing.name, directory]),
      warn: false,
    });
  if (standing.kind === 'unknown')
    lines.push({ key: 'unknown', text: t('directoryUnknown', directory), warn: true });
  if (ownMismatch)
    lines.push({
      key: 'own-cloud',
      text: t('ownCloudMismatch', [cloudName(settings.graphCloud), host]),
      warn: true,
    });
  if (result === 'checking')
    lines.push({ key: 'checking', text: t('directoryCheckChecking'), warn: false });
  else if (result?.kind === 'found' && result.personal)
    lines.push({ key: 'personal', text: t('directoryCheckPersonal'), warn: true });
  else if (result?.kind === 'found') {
    lines.push({
      key: 'found',
      text: t('directoryCheckFound', [result.tenantId, cloudName(result.cloud)]),
      warn: false,
    });
    if (cloudMismatch(host, result.cloud))
      lines.push({
        key: 'cloud-mismatch',
        text: t('directoryCloudMismatch', [host, cloudName(result.cloud)]),
        warn: true,
      });
  } else if (result?.kind === 'not-found')
    lines.push({ key: 'not-found', text: t('directoryCheckNotFound', directory), warn: true });
  else if (result?.kind === 'not-checked')
    lines.push({ key: 'not-checked', text: t('directoryCheckNotChecked'), warn: false });
  if (lines.length === 0) return null;

  return (
    <div
      class={lines.some((l) => l.warn) ? 'notice directory-note' : 'directory-note'}
      data-testid="directory-note"
      data-standing={standing.kind}
    >
      {lines.map((l) => (
        <p key={l.key} data-code={l.key} role={l.warn ? 'alert' : 'status'}>
          {l.text}
        </p>
      ))}
    </div>
  );
}
