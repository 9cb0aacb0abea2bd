import { useTranslation } from 'react-i18next';
import type { DataProtection } from '../../../contract/diagnostics';

/** Encryption at rest in Settings: the data folder's own files, and the disk under it (which holds the database). */
export function DataProtectionFacts({ protection }: { readonly protection: DataProtection | undefined }) {
  const { t } = useTranslation();
  if (!protection) return null;
  const { upgrade } = protection;
  return (
    <>
      <h3 className="section-title" id="data-protection-title">
        {t('dataProtection.title')}
      </h3>
      <dl className="facts" aria-labelledby="data-protection-title">
        <dt>{t('dataProtection.files')}</dt>
        <dd data-testid="files-encrypted">
          {protection.filesEncrypted && protection.keyOrigin
            ? t('dataProtection.filesOn', { origin: t(`dataProtection.origin.${protection.keyOrigin}`) })
            : t('dataProtection.filesOff')}
          {upgrade
            ? ` ${upgrade.finished ? t('dataProtection.upgradeDone', { total: upgrade.total }) : t('dataProtection.upgrade', { done: upgrade.done, total: upgrade.total })}`
            : ''}
        </dd>
        <dt>{t('dataProtection.disk')}</dt>
        <dd data-testid="disk-encrypted">
          {t(`dataProtection.diskState.${protection.disk}`, { method: protection.diskMethod ?? '?' })}
        </dd>
      </dl>
    </>
  );
}
