import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.js';
import { useUrlSearch } from '../../hooks.js';
import { IndicatorsAdmin } from './IndicatorsAdmin.js';
import { TargetsAdmin } from './TargetsAdmin.js';
import { UnitsAdmin } from './UnitsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';

const TABS: readonly { id: AdminTab; Panel: ComponentType }[] = [
  { id: 'indicators', Panel: IndicatorsAdmin },
  { id: 'targets', Panel: TargetsAdmin },
  { id: 'units', Panel: UnitsAdmin },
  { id: 'users', Panel: UsersAdmin },
];
export type AdminTab = 'indicators' | 'targets' | 'units' | 'users';

function isTab(value: string | null): value is AdminTab {
  return TABS.some((tab) => tab.id === value);
}

/** Administration: indicators, targets and their split, units, users and roles; one tab per concern (?tab=). */
export function AdminPage() {
  const { t } = useTranslation();
  const [search, navigate] = useUrlSearch();
  const raw = search.get('tab');
  const current: AdminTab = isTab(raw) ? raw : 'indicators';
  useEffect(() => {
    document.title = `${t('nav.admin')} · ${t('app.documentTitle')}`;
  }, [t]);
  const Panel = TABS.find((tab) => tab.id === current)?.Panel ?? IndicatorsAdmin;
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page admin-page" tabIndex={-1}>
        <h1>{t('nav.admin')}</h1>
        <div role="tablist" className="tabs" aria-label={t('nav.admin')}>
          {TABS.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`admin-tab-${tab.id}`}
              aria-selected={tab.id === current}
              aria-controls="admin-panel"
              className={tab.id === current ? 'tab active' : 'tab'}
              onClick={() => navigate({ tab: tab.id })}
            >
              {t(`adminTabs.${tab.id}`)}
            </button>
          ))}
        </div>
        <section role="tabpanel" id="admin-panel" aria-labelledby={`admin-tab-${current}`}>
          <Panel />
        </section>
      </main>
    </div>
  );
}
