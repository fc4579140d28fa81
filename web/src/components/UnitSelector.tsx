import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { buildUnitGroups, matchesQuery, type UnitGroup } from '../units.js';

export interface UnitSelectorProps {
  tree: UnitTreeNode | undefined;
  /** Code of the selected unit. */
  value: string | null;
  onChange: (code: string) => void;
  lang: Lang;
  /** The unit list failed to load: say so and offer a retry instead of "loading…". */
  onRetry?: (() => void) | undefined;
}

/**
 * Province and communes in a native <select> with option groups (the phone's own picker), plus a search box that
 * narrows the list accent-insensitively ("ia grai", "hoai nhon"); Enter in the box picks the first match.
 */
export function UnitSelector({ tree, value, onChange, lang, onRetry }: UnitSelectorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');

  const groups = useMemo(
    () => (tree ? buildUnitGroups(tree, lang, query, value ?? undefined) : []),
    [tree, lang, query, value],
  );
  const matches = useMemo(
    () => groups.flatMap((g) => g.options).filter((o) => matchesQuery(o.unit, query)),
    [groups, query],
  );

  const groupLabel = (g: UnitGroup): string => t(`unit.${g.kind}`, { province: g.province });

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = matches[0];
      if (first && first.code !== value) onChange(first.code);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  const disabled = !tree;
  const filtering = query.trim() !== '';

  return (
    <div className="unit-selector">
      <label className="field-label" htmlFor={`${id}-select`}>
        {t('unit.label')}
      </label>
      <div className="unit-selector-controls">
        <select
          id={`${id}-select`}
          className="unit-select"
          value={value ?? ''}
          disabled={disabled}
          onChange={(e) => {
            if (e.target.value) onChange(e.target.value);
          }}
        >
          {disabled && <option value={value ?? ''}>{onRetry ? t('unit.loadFailed') : t('unit.loading')}</option>}
          {groups.map((g) => (
            <optgroup key={`${g.kind}:${g.province}`} label={groupLabel(g)}>
              {g.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {g.kind === 'provinces' ? t('unit.wholeProvince', { name: o.name }) : o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <input
          type="search"
          className="unit-search"
          aria-label={t('unit.searchLabel')}
          aria-describedby={`${id}-status`}
          placeholder={t('unit.searchPlaceholder')}
          value={query}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="go"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      {disabled && onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('unit.retry')}
        </button>
      )}
      <p id={`${id}-status`} className="unit-search-status" aria-live="polite">
        {filtering ? (matches.length ? t('unit.matches', { count: matches.length }) : t('unit.noMatch')) : ''}
      </p>
    </div>
  );
}
