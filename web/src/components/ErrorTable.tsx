import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../api/types.js';
import { currentLang } from '../i18n.js';
import { errorTableRows, needsSheetColumn } from '../importing.js';

/** Rows rendered at first and per "show more": keeps a file with thousands of problems responsive. */
export const ERROR_PAGE_SIZE = 200;

export interface ErrorTableProps {
  errors: readonly ImportRowError[];
  file: string;
}

/**
 * Every problem of an uploaded file: row, column, value and reason. The table scrolls sideways inside its own box
 * (focusable, so a keyboard can scroll it too); the page never does.
 */
export function ErrorTable({ errors, file }: ErrorTableProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const rows = useMemo(() => errorTableRows(errors), [errors]);
  const showSheet = useMemo(() => needsSheetColumn(errors), [errors]);
  const [shown, setShown] = useState(ERROR_PAGE_SIZE);
  const visible = rows.slice(0, shown);
  const hidden = rows.length - visible.length;

  return (
    <div className="error-table">
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-caption`}>{t('importPage.preview.errorsCaption', { file })}</caption>
          <thead>
            <tr>
              {showSheet && <th scope="col">{t('importPage.preview.sheet')}</th>}
              <th scope="col" className="num">
                {t('importPage.preview.row')}
              </th>
              <th scope="col">{t('importPage.preview.column')}</th>
              <th scope="col">{t('importPage.preview.value')}</th>
              <th scope="col">{t('importPage.preview.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.key} title={r.message}>
                {showSheet && <td>{r.sheet ?? ''}</td>}
                <td className="num">{r.row}</td>
                <td className={r.wholeRow ? 'muted' : undefined}>
                  {r.wholeRow ? t('importPage.preview.wholeRow') : r.column}
                </td>
                <td className={r.emptyCell ? 'muted' : 'cell-value'}>
                  {r.emptyCell ? t('importPage.preview.emptyCell') : r.value}
                </td>
                <td className="cell-reason">
                  {lang === 'vi' && r.kind ? (
                    <>
                      <strong>{t(`importPage.reason.${r.kind}`)}</strong>
                      <span className="reason-detail" lang="en">
                        {r.reason}
                      </span>
                    </>
                  ) : (
                    <span lang="en">{r.reason}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <div className="table-more">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setShown((n) => n + ERROR_PAGE_SIZE)}
          >
            {t('importPage.preview.showMore', { count: Math.min(hidden, ERROR_PAGE_SIZE) })}
          </button>
          <button type="button" className="link-button" onClick={() => setShown(rows.length)}>
            {t('importPage.preview.showAll')}
          </button>
        </div>
      )}
    </div>
  );
}
