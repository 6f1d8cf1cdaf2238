import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.js';
import { settingsTabs, tabPath } from './settings-tabs.js';
import type { SettingsTab } from './settings-tabs.js';

/** The settings' parts as links, so each has an address (Back, reload and shared links work). */
export function SettingsNav({ current }: { current: SettingsTab | null }) {
  const { t } = useTranslation();
  return (
    <nav className="settings-nav" aria-label={t('settings.nav.label')}>
      <ul>
        {settingsTabs.map((tab) => (
          <li key={tab}><AppLink href={tabPath(tab)} aria-current={tab === current ? 'page' : undefined}>{t(`settings.nav.${tab}`)}</AppLink></li>
        ))}
      </ul>
    </nav>
  );
}
