import { useEffect, type ComponentType, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.js';
import { useUrlSearch } from '../../hooks.js';
import { can, type Action } from '../../permissions.js';
import { useSession } from '../../session.js';
import { IndicatorsAdmin } from './IndicatorsAdmin.js';
import { TargetsAdmin } from './TargetsAdmin.js';
import { UnitsAdmin } from './UnitsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';
import './admin.css';

/** `anyOf`: the tab is shown only to who may take one of these actions (the others need only the screen's). */
const TABS: readonly { id: AdminTab; Panel: ComponentType; anyOf?: readonly Action[] }[] = [
  { id: 'indicators', Panel: IndicatorsAdmin },
  { id: 'targets', Panel: TargetsAdmin },
  { id: 'units', Panel: UnitsAdmin },
  { id: 'users', Panel: UsersAdmin, anyOf: ['user.manage', 'token.manage'] },
];
export type AdminTab = 'indicators' | 'targets' | 'units' | 'users';

/** Administration: indicators, targets and their split, units, users and roles; one tab per concern (?tab=). */
export function AdminPage() {
  const { t } = useTranslation();
  const [search, navigate] = useUrlSearch();
  const { state } = useSession();
  const tabs = TABS.filter((tab) => !tab.anyOf || tab.anyOf.some((action) => can(state, action)));
  const raw = search.get('tab');
  const current: AdminTab = tabs.find((tab) => tab.id === raw)?.id ?? 'indicators';
  useEffect(() => {
    document.title = `${t('nav.admin')} · ${t('app.documentTitle')}`;
  }, [t]);
  const Panel = tabs.find((tab) => tab.id === current)?.Panel ?? IndicatorsAdmin;
  // The tab pattern's keys: arrows move between tabs (and open them), Home and End jump to the ends.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    navigate({ tab: tabs[next]!.id });
    document.getElementById(`admin-tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="main admin-page" tabIndex={-1}>
        <h1 className="page-title">{t('nav.admin')}</h1>
        <div role="tablist" className="tabs" aria-label={t('nav.admin')} onKeyDown={onTabKey}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`admin-tab-${tab.id}`}
              aria-selected={tab.id === current}
              aria-controls="admin-panel"
              tabIndex={tab.id === current ? 0 : -1}
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
