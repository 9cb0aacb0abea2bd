import type { Preferences } from '../../../contract/schemas';

const osPrefersDark = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Sets html[data-theme] to the palette to show: the user's choice, or the OS's for 'system'. theme.css reads only
 * this attribute, so the dark palette is written once.
 */
export function applyTheme(theme: Preferences['theme']): void {
  document.documentElement.dataset.theme = theme === 'system' ? (osPrefersDark().matches ? 'dark' : 'light') : theme;
}

/** Applies the theme, and again whenever the OS switches between light and dark; returns how to stop. */
export function followTheme(theme: Preferences['theme']): () => void {
  applyTheme(theme);
  const query = osPrefersDark();
  const onChange = () => applyTheme(theme);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
