import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Screen =
  | { readonly name: 'calls' }
  | { readonly name: 'reviews' }
  | { readonly name: 'rubrics' }
  | { readonly name: 'sessions'; readonly sessionId?: string }
  | { readonly name: 'team' }
  | { readonly name: 'settings' }
  | {
      readonly name: 'call';
      readonly callId: string;
      readonly reviewing?: boolean;
      readonly sessionId?: string;
      /** Where the player starts (a transcript search hit). */
      readonly atMs?: number;
    };

const navItems = ['calls', 'reviews', 'sessions', 'team', 'rubrics', 'settings'] as const;

/** The frame around every screen: brand, main navigation, and the content region. */
export function AppShell({
  screen,
  onNavigate,
  banner,
  children,
}: {
  screen: Screen;
  onNavigate: (screen: Screen) => void;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            {navItems.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={
                    item === screen.name || (item === 'calls' && screen.name === 'call') ? 'page' : undefined
                  }
                  onClick={() => onNavigate({ name: item })}
                >
                  {t(`nav.${item}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main id="content" className="content" tabIndex={-1}>
        {banner}
        {children}
      </main>
    </div>
  );
}
