import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { getIndicators, getUnitTree } from '../api/client.js';
import type { Agreement, IndicatorInfo } from '../api/types.js';
import { AppHeader } from '../components/AppHeader.js';
import { PermissionGate } from '../components/PermissionGate.js';
import { loadAgreement, useResource, useUrlSearch, type Loader, type Resource } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { useCan } from '../session.js';
import { resolveUnitCode } from '../units.js';
import { TemplatePanel } from './import/TemplatePanel.js';
import { UploadPanel } from './import/UploadPanel.js';
import './import/import.css';

const loadTree: Loader<UnitTreeNode> = (signal) => getUnitTree({ signal, lang: currentLang() });
const loadIndicators: Loader<IndicatorInfo[]> = (signal) => getIndicators({ signal, lang: currentLang() });

/**
 * The import screen: download a template, then upload a file, see every problem, and commit a clean file. Only
 * for those the permission table lets import; others are asked to sign in, and nothing is requested for them.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const allowed = useCan('value.import');
  const agreement = useResource(loadAgreement);

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

function ImportSteps({ agreement }: { agreement: Resource<Agreement> }) {
  const { i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;
  const tree = useResource(loadTree);
  const indicators = useResource(loadIndicators);
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
