import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementQuery, indicatorsQuery, unitTreeQuery } from '../api/queries.js';
import type { Agreement } from '../api/types.js';
import { AppHeader } from '../components/AppHeader.js';
import { PermissionGate } from '../components/PermissionGate.js';
import { useUrlSearch } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { useCan } from '../session.js';
import { resolveUnitCode } from '../units.js';
import { TemplatePanel } from './import/TemplatePanel.js';
import { UploadPanel } from './import/UploadPanel.js';
import './import/import.css';

/**
 * The import screen: download a template, then upload a file, see every problem, and commit a clean file. Only
 * for those the permission table lets import; others are asked to sign in, and nothing is requested for them.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const allowed = useCan('value.import');
  const agreement = useQuery(agreementQuery(currentLang(i18n.resolvedLanguage)));

  useEffect(() => {
    document.title = t('pageTitle.import');
  }, [t]);

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('importPage.title')}</h1>
            <p className="page-subtitle">{t('importPage.intro')}</p>
          </div>
        </div>
        {allowed ? <ImportSteps agreement={agreement} /> : <PermissionGate route="import" />}
      </main>
    </div>
  );
}

function ImportSteps({ agreement }: { agreement: UseQueryResult<Agreement> }) {
  const { i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;
  const tree = useQuery(unitTreeQuery(lang));
  const indicators = useQuery(indicatorsQuery(lang));
  const unitCode = useMemo(() => resolveUnitCode(tree.data, unitParam), [tree.data, unitParam]);
  const selectUnit = useCallback((code: string) => setSearch({ unit: code }), [setSearch]);
  return (
    <>
      <TemplatePanel
        tree={tree}
        unitCode={unitCode}
        onUnitChange={selectUnit}
        agreement={agreement}
        indicators={indicators}
        lang={lang}
      />
      <UploadPanel lang={lang} unitCode={unitCode} />
    </>
  );
}
