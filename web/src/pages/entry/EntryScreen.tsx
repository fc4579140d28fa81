import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { indicatorsQuery } from '../../api/queries.js';
import { ApiError } from '../../api/client.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { approvalQuery, storedValueQuery } from './entry-api.js';
import { enterableIndicators, periodFor, type EntryIndicator } from './entry-model.js';
import { EntryForm } from './EntryForm.js';

export interface EntryScreenProps {
  user: string;
  party: string | null;
  unit: string;
  level: string;
  month: string;
  lang: Lang;
}

/** Loads what the form needs (the unit's indicators, their stored values, the approval state) and then shows it. */
export function EntryScreen({ user, party, unit, level, month, lang }: EntryScreenProps) {
  const { t } = useTranslation();
  const catalogue = useQuery(indicatorsQuery(lang));
  const indicators = enterableIndicators((catalogue.data ?? []) as EntryIndicator[], level, party);
  const values = useQueries({
    queries: indicators.map((indicator) => storedValueQuery(indicator.code, unit, periodFor(indicator, month))),
  });
  const approval = useQuery(approvalQuery(unit, month));

  const failed = catalogue.error ?? values.find((v) => v.error)?.error ?? approval.error;
  if (failed) {
    const retry = () => {
      void catalogue.refetch();
      void approval.refetch();
      for (const v of values) if (v.error) void v.refetch();
    };
    return (
      <ProblemNotice
        error={failed instanceof Error ? failed : new ApiError(String(failed), 0)}
        title={t('entry.loadFailed')}
        onRetry={retry}
      />
    );
  }
  if (!catalogue.data || !approval.data || values.some((v) => v.isPending)) {
    return (
      <p className="entry-loading" role="status" aria-busy="true">
        {t('entry.loading')}
      </p>
    );
  }
  if (indicators.length === 0) return <p className="notice">{t('entry.noIndicators')}</p>;
  return (
    <EntryForm
      user={user}
      unit={unit}
      month={month}
      lang={lang}
      indicators={indicators}
      stored={values.map((v) => v.data ?? null)}
      approval={approval.data}
    />
  );
}
