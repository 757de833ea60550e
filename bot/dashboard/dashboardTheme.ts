/** The three themes Teams has (light, dark, high contrast), which the dashboard follows. */
export const DASHBOARD_THEMES = ['default', 'dark', 'contrast'] as const;

/** One of the Teams themes. */
export type DashboardTheme = (typeof DASHBOARD_THEMES)[number];

/** What each theme is called on the page's theme switch. */
export const THEME_LABELS: Record<DashboardTheme, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };

/** The theme a `?theme=` value asks for; anything unknown (or nothing) is the default, light theme. */
export function themeFrom(value: string | null | undefined): DashboardTheme {
  return (DASHBOARD_THEMES as readonly string[]).includes(value ?? '') ? (value as DashboardTheme) : 'default';
}

/** The class on <body> that selects a theme's colours in dashboard.css (the page script swaps it when Teams changes theme). */
export function themeClass(theme: DashboardTheme): string {
  return `app-theme-${theme}`;
}
