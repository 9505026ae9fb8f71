export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'og-marketplace:theme';

/** The theme on screen: public/first-paint.js applied the saved one, else the system preference, before paint. */
export function currentTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

/** Applies and remembers a theme. */
export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // private mode: the theme lasts for this visit only
  }
}
