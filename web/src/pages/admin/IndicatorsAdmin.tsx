import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.js';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { useCan } from '../../session.js';
import { IndicatorForm } from './indicators/IndicatorForm.js';
import type { IndicatorDefinition as Indicator } from './indicators/indicator-definition.js';
import './admin-catalogue.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';
import { ScrollTable } from '../../components/ScrollTable.js';

const catalogueQuery = (lang: string) => ({
  queryKey: ['indicators', 'definitions', lang],
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<Indicator[]>('/indicators', {}, { signal, lang }),
});

/** The indicators tab: the catalogue, searchable, and the definition form of the one being edited. */
export function IndicatorsAdmin() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const canDefine = useCan('indicator.define');
  const queryClient = useQueryClient();
  const catalogue = useQuery(catalogueQuery(lang));
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLocaleLowerCase('vi'));
  const [editing, setEditing] = useState<string | null>(null);
  // Kept here: saving reloads the catalogue, which mounts the form afresh with the new version.
  const [savedCode, setSavedCode] = useState<string | null>(null);

  if (catalogue.error)
    return <ProblemNotice error={catalogue.error} title={t('error.title')} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return <LoadingPanel>{t('adminIndicators.loading')}</LoadingPanel>;
  const all = catalogue.data;
  const name = (i: Indicator) => (lang === 'en' ? i.nameEn : i.nameVi);
  const shown = all.filter(
    (i) => !query || i.code.toLocaleLowerCase('vi').includes(query) || name(i).toLocaleLowerCase('vi').includes(query),
  );
  const selected = editing ? all.find((i) => i.code === editing) : undefined;

  return (
    <div className="admin-catalogue">
      <p className="muted">{t('adminIndicators.intro')}</p>
      {!canDefine && <p className="notice notice-inline">{t('adminIndicators.readOnly')}</p>}
      {selected && (
        <IndicatorForm
          key={`${selected.code}:${selected.version}`}
          indicator={selected}
          catalogue={all}
          lang={lang}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setSavedCode(saved.code);
            void queryClient.invalidateQueries({ queryKey: ['indicators'] });
          }}
        />
      )}
      <p className="muted" role="status">
        {savedCode && savedCode === editing && t('adminIndicators.saved')}
      </p>
      <FormField label={t('adminIndicators.search')} hint={t('adminIndicators.searchHint')} id={`${id}-search`}>
        <input className="input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </FormField>
      <p className="muted" role="status">
        {t('adminIndicators.count', { count: shown.length })}
      </p>
      <ScrollTable label={t('adminTabs.indicators')} className="admin-table" caption={false}>
        <thead>
          <tr>
            <th scope="col">{t('adminIndicators.code')}</th>
            <th scope="col">{t('adminIndicators.name')}</th>
            <th scope="col">{t('adminIndicators.unit')}</th>
            <th scope="col">{t('adminIndicators.kind')}</th>
            {canDefine && <th scope="col">{t('adminIndicators.edit')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={i.code} aria-current={i.code === editing ? 'true' : undefined}>
              <td>
                <code>{i.code}</code>
              </td>
              <td>{name(i)}</td>
              <td>{lang === 'en' ? i.unitEn : i.unitVi}</td>
              <td>{i.formula ? t('adminIndicators.computed') : t('adminIndicators.stored')}</td>
              {canDefine && (
                <td>
                  <button
                    type="button"
                    className="button button-secondary admin-edit"
                    aria-label={t('adminIndicators.editLabel', { code: i.code })}
                    onClick={() => {
                      setEditing(i.code);
                      setSavedCode(null);
                      window.scrollTo({ top: 0 });
                    }}
                  >
                    {t('adminIndicators.edit')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
