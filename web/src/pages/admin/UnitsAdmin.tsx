import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import { unitTreeQuery } from '../../api/queries.js';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { matchesQuery, unitName } from '../../units.js';
import './admin-catalogue.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';

/** The tree cut down to the units that match and the units above them; null when nothing under it matches. */
export function pruneTree(node: UnitTreeNode, query: string): UnitTreeNode | null {
  const children = node.children.map((c) => pruneTree(c, query)).filter((c): c is UnitTreeNode => c !== null);
  if (children.length > 0 || matchesQuery(node, query)) return { ...node, children };
  return null;
}

function countMatches(node: UnitTreeNode, query: string): number {
  return (matchesQuery(node, query) ? 1 : 0) + node.children.reduce((n, c) => n + countMatches(c, query), 0);
}

/**
 * The units tab: the administrative tree (nation → province → communes and wards) with codes and levels,
 * searchable without accents. The units come from the administrative register and have no edit route.
 */
export function UnitsAdmin() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const tree = useQuery(unitTreeQuery(lang));
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);

  if (tree.error)
    return <ProblemNotice error={tree.error} title={t('error.title')} onRetry={() => void tree.refetch()} />;
  if (!tree.data) return <LoadingPanel>{t('adminUnits.loading')}</LoadingPanel>;
  const shown = pruneTree(tree.data, query);
  const matches = query.trim() ? countMatches(tree.data, query) : null;
  return (
    <div className="admin-catalogue">
      <p className="muted">{t('adminUnits.intro')}</p>
      <p className="notice notice-inline">{t('adminUnits.readOnly')}</p>
      <FormField label={t('adminUnits.search')} hint={t('adminUnits.searchHint')}>
        <input className="input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </FormField>
      <p className="muted" role="status">
        {matches !== null && t('adminUnits.count', { count: matches })}
      </p>
      {shown ? (
        <ul className="unit-tree" aria-label={t('adminTabs.units')}>
          <UnitBranch node={shown} lang={lang} />
        </ul>
      ) : (
        <p className="muted">{t('adminUnits.none')}</p>
      )}
    </div>
  );
}

function UnitBranch({ node, lang }: { node: UnitTreeNode; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li>
      <div className="unit-node">
        <span className="unit-node-name">{unitName(node, lang)}</span>
        <span className="muted">
          {t('adminUnits.code')}: <code>{node.code}</code>
        </span>
        <span className="tag">{t(`adminIndicators.level.${node.level}`)}</span>
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <UnitBranch key={child.code} node={child} lang={lang} />
          ))}
        </ul>
      )}
    </li>
  );
}
