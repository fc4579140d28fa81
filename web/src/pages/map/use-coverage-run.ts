/**
 * The coverage model's runs for the map: the list (for the latest successful run), and one run started, watched
 * and cancelled. A run left running by an earlier visit is picked up again; polling stops when it ends, and the
 * list is read again so that its results (computed values, layers, hot spots) reach the map.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { cancelCoverageRun, getCoverageRun, startDemoCoverageRun } from '../../api/client.js';
import type { CoverageRun } from '../../api/types.js';
import { activeRun, isActiveRun, latestSucceededRun, MAP_TECHNOLOGIES } from '../../map/coverage.js';
import { coverageRunsQuery } from './map-queries.js';
import type { RunView } from './ModelPanel.js';

const POLL_MS = 1000;
/** Poll failures in a row before giving up on a run. */
const MAX_POLL_FAILURES = 5;

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export interface CoverageRuns {
  runs: readonly CoverageRun[] | undefined;
  latestRun: CoverageRun | null;
  /** The runs are known (or failed, or may not be read): which indicators the map offers no longer changes. */
  settled: boolean;
}

export function useCoverageRuns(lang: Lang, mayRead: boolean, provinceCode: string | null): CoverageRuns {
  const query = useQuery(coverageRunsQuery(lang, mayRead));
  const latestRun = useMemo(
    () => (provinceCode ? latestSucceededRun(query.data, provinceCode) : null),
    [query.data, provinceCode],
  );
  return { runs: query.data, latestRun, settled: !mayRead || query.data !== undefined || query.isError };
}

export interface ModelRun {
  view: RunView;
  /** The run being watched, or the one left running by an earlier visit. */
  active: CoverageRun | null;
  start: () => void;
  cancel: () => void;
}

/** Starts the demo model for a province, watches the run and cancels it. */
export function useCoverageRun(
  lang: Lang,
  runs: CoverageRuns,
  provinceCode: string | null,
  runPeriod: string,
): ModelRun {
  const queryClient = useQueryClient();
  const [startedId, setStartedId] = useState<string | null>(null);
  const [finishedIds, setFinishedIds] = useState<readonly string[]>([]);
  const [outcome, setOutcome] = useState<CoverageRun | null>(null);

  const resumable = useMemo(
    () =>
      provinceCode
        ? activeRun(
            runs.runs?.filter((r) => !finishedIds.includes(r.id)),
            provinceCode,
          )
        : null,
    [runs.runs, provinceCode, finishedIds],
  );
  const watchedId = startedId ?? resumable?.id ?? null;

  // A run that ended: show how, stop watching it, and read the list again (a success is the new latest run,
  // and the boundaries and roll-ups read with the latest run's id are then read again by key).
  const finish = (run: CoverageRun) => {
    setFinishedIds((ids) => (ids.includes(run.id) ? ids : [...ids, run.id]));
    setStartedId(null);
    setOutcome(run);
    void queryClient.invalidateQueries({ queryKey: ['coverage', 'runs'] });
  };

  const poll = useQuery({
    queryKey: ['coverage', 'run', watchedId, lang],
    queryFn: async ({ signal }) => {
      const run = await getCoverageRun(watchedId!, { signal, lang });
      if (!isActiveRun(run)) finish(run);
      return run;
    },
    enabled: watchedId !== null,
    initialData: () => (resumable?.id === watchedId ? (resumable ?? undefined) : undefined),
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data && !isActiveRun(query.state.data) ? false : POLL_MS),
    retry: MAX_POLL_FAILURES - 1,
    retryDelay: (failures) => POLL_MS * 2 ** failures,
  });
  const watched = poll.data?.id === watchedId ? poll.data : null;

  const startMutation = useMutation({
    mutationFn: () =>
      startDemoCoverageRun({ unit: provinceCode!, period: runPeriod, technologies: MAP_TECHNOLOGIES }, { lang }),
    onMutate: () => setOutcome(null),
    onSuccess: (run) => {
      queryClient.setQueryData(['coverage', 'run', run.id, lang], run);
      setStartedId(run.id);
    },
  });
  const cancelMutation = useMutation({
    mutationFn: (id: string) => cancelCoverageRun(id, { lang }),
    onSuccess: (run) => {
      queryClient.setQueryData(['coverage', 'run', run.id, lang], run);
      if (!isActiveRun(run)) finish(run);
    },
  });

  const error: RunView['error'] = startMutation.error
    ? { kind: 'start', error: asError(startMutation.error) }
    : cancelMutation.error
      ? { kind: 'cancel', error: asError(cancelMutation.error) }
      : poll.isError && watchedId
        ? { kind: 'poll', error: asError(poll.error) }
        : null;
  const active = watchedId ? (watched ?? resumable) : null;
  const cancelling = cancelMutation.isPending || (cancelMutation.isSuccess && active !== null && isActiveRun(active));

  return {
    view: {
      latest: runs.latestRun,
      active,
      starting: startMutation.isPending,
      cancelling,
      error,
      outcome,
      runPeriod,
    },
    active,
    start: () => {
      if (!provinceCode) return;
      cancelMutation.reset();
      startMutation.mutate();
    },
    cancel: () => {
      if (!watchedId) return;
      startMutation.reset();
      cancelMutation.mutate(watchedId);
    },
  };
}
