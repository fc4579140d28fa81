import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitTreeQuery } from '../../../api/queries.js';
import { currentLang } from '../../../i18n.js';
import { buildUnitGroups } from '../../../units.js';

export interface UnitChecklistProps {
  legend: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/**
 * Several units chosen from the tree the app shares: a search (accent-insensitive) over the province and its
 * communes, each a checkbox; the count chosen stays visible while searching. Works by keyboard and on a phone.
 */
export function UnitChecklist({ legend, value, onChange, error }: UnitChecklistProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const tree = useQuery(unitTreeQuery(lang));
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const groups = useMemo(() => (tree.data ? buildUnitGroups(tree.data, lang, query) : []), [tree.data, lang, query]);
  const chosen = new Set(value);
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  const errorId = `${id}-error`;

  return (
    <fieldset className="unit-checklist" aria-describedby={error ? errorId : undefined} aria-invalid={!!error}>
      <legend className="field-label">{legend}</legend>
      <input
        className="input"
        type="search"
        aria-label={t('unitPicker.search')}
        placeholder={t('unitPicker.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p className="field-hint" role="status">
        {t('unitPicker.selected', { count: value.length })}
      </p>
      {!tree.data ? (
        <p className="muted" role="status">
          {tree.isError ? value.join(', ') : t('unitPicker.loading')}
        </p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('unitPicker.noMatch')}</p>
      ) : (
        <div className="unit-checklist-options">
          {groups.map((group) => {
            const title = t(`unit.${group.kind}`, { province: group.province });
            return (
              <div key={`${group.province}:${group.kind}`} role="group" aria-label={title}>
                <p className="unit-checklist-group">{title}</p>
                {group.options.map((option) => (
                  <label key={option.code} className="unit-checklist-option">
                    <input
                      type="checkbox"
                      checked={chosen.has(option.code)}
                      onChange={(e) => toggle(option.code, e.target.checked)}
                    />
                    <span>{option.name}</span>
                    <span className="muted"> {option.code}</span>
                  </label>
                ))}
              </div>
            );
          })}
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
