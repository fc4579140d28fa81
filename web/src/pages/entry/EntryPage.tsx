import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementQuery, unitTreeQuery } from '../../api/queries.js';
import { AppHeader } from '../../components/AppHeader.js';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { isMonth } from '../../importing.js';
import { scopeFor } from '../../permissions.js';
import { useSession } from '../../session.js';
import { unitName } from '../../units.js';
import { lastMonth, writableUnits } from './entry-units.js';
import { EntryScreen } from './EntryScreen.js';
import './entry.css';

/** The data entry screen: pick one of your units and a month, then enter, save and submit its figures. */
export function EntryPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const agreement = useQuery(agreementQuery(currentLang(i18n.resolvedLanguage)));
  const scope = scopeFor(session.state, 'value.write');
  useEffect(() => {
    document.title = t('entry.pageTitle');
  }, [t]);
  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow entry-page" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('entry.title')}</h1>
            <p className="page-subtitle">{t('entry.intro')}</p>
          </div>
        </div>
        {scope && session.state.user ? (
          <EntryChooser
            scope={scope}
            user={session.state.user.username}
            party={session.state.user.party}
            assigned={session.state.user.units}
          />
        ) : (
          <p className="notice">{t('entry.noPermission')}</p>
        )}
      </main>
    </div>
  );
}

interface EntryChooserProps {
  scope: 'all' | 'assigned';
  user: string;
  party: string | null;
  assigned: readonly string[];
}

function EntryChooser({ scope, user, party, assigned }: EntryChooserProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const [search, setSearch] = useUrlSearch();
  const tree = useQuery(unitTreeQuery(lang));
  const units = useMemo(
    () => (tree.data ? writableUnits(tree.data, scope, assigned) : []),
    [tree.data, scope, assigned],
  );
  const unit = units.find((u) => u.code === search.get('unit')) ?? units[0];
  const periodParam = search.get('period') ?? '';
  const month = isMonth(periodParam) ? periodParam : lastMonth();

  if (tree.error) return <ProblemNotice error={tree.error} onRetry={() => void tree.refetch()} />;
  if (!tree.data)
    return (
      <p className="entry-loading" role="status" aria-busy="true">
        {t('entry.loading')}
      </p>
    );
  if (!unit) return <p className="notice">{t('entry.noUnits')}</p>;
  return (
    <>
      <div className="entry-pickers">
        <FormField label={t('entry.unit')} id={`${id}-unit`}>
          <select
            className="entry-select"
            value={unit.code}
            disabled={units.length === 1}
            onChange={(event) => setSearch({ unit: event.target.value })}
          >
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {unitName(u, lang)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('entry.period')} id={`${id}-period`}>
          <input
            type="month"
            className="entry-select"
            value={month}
            onChange={(event) => {
              if (isMonth(event.target.value)) setSearch({ period: event.target.value });
            }}
          />
        </FormField>
      </div>
      <EntryScreen
        key={`${unit.code}|${month}|${lang}`}
        user={user}
        party={party}
        unit={unit.code}
        level={unit.level}
        month={month}
        lang={lang}
      />
    </>
  );
}
