// The settings page's parts, each at its own address (/settings/<tab>), in the order of the sub-navigation.

export const settingsTabs = ['policy', 'templates', 'users', 'tokens', 'accounts', 'amazon'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/**
 * The tab of an address; an unknown one is null. `/settings` alone is the policy: every role may read
 * it (`read`), and the tabs a role may not change say so rather than disappear.
 */
export function tabOfPath(path: string): SettingsTab | null {
  const rest = path.replace(/^\/settings\/?/, '').replace(/\/$/, '');
  if (rest === '') return settingsTabs[0];
  return (settingsTabs as readonly string[]).includes(rest) ? (rest as SettingsTab) : null;
}

export const tabPath = (tab: SettingsTab) => `/settings/${tab}`;
