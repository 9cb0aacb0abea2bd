import { useTranslation } from 'react-i18next';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** First-run state: what the library is for and the three ways to import. */
export function EmptyLibrary() {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('library.empty.title')}</h2>
      <p>{t('library.empty.body')}</p>
      <ul>
        <li>{t('library.empty.dragDrop')}</li>
        <li>{t('library.empty.dialog', { shortcut: isMac ? '⌘O' : 'Ctrl+O' })}</li>
        <li>
          {t('library.empty.cli', { command: '' })}
          <code>npm run cli -- import &lt;files&gt;</code>
        </li>
      </ul>
    </section>
  );
}
