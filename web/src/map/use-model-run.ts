import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { cancelCoverageRun, getCoverageRun, startDemoCoverageRun } from '../api/client.js';
import type { CoverageRun } from '../api/types.js';
import { currentLang } from '../i18n.js';
import { activeRun, isActiveRun, MAP_TECHNOLOGIES } from './coverage.js';
import type { RunView } from './ModelPanel.js';

const POLL_MS = 1000;
/** Poll failures in a row before giving up on a run. */
const MAX_POLL_FAILURES = 5;

export interface ModelRun {
  view: RunView;
  /** The run being watched, or the one left running by an earlier visit. */
  active: CoverageRun | null;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
}

/**
 * Starts the demo coverage model for a province, watches it (a run left running by an earlier visit is picked
 * up again) and cancels it. `onFinished` runs once per run that ends, so that the page reloads the runs.
 */
export function useModelRun(
  runList: readonly CoverageRun[] | undefined,
  provinceCode: string | null,
  latestRun: CoverageRun | null,
  runPeriod: string,
  onFinished: () => void,
): ModelRun {
  const [startedId, setStartedId] = useState<string | null>(null);
  const [finishedIds, setFinishedIds] = useState<readonly string[]>([]);
  const resumable = useMemo(
    () =>
      provinceCode
        ? activeRun(
            runList?.filter((r) => !finishedIds.includes(r.id)),
            provinceCode,
          )
        : null,
    [runList, provinceCode, finishedIds],
  );
  const watchedId = startedId ?? resumable?.id ?? null;
  const [watched, setWatched] = useState<CoverageRun | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [runError, setRunError] = useState<RunView['error']>(null);
  const [outcome, setOutcome] = useState<CoverageRun | null>(null);

  const onRunFinished = useEffectEvent((run: CoverageRun) => {
    setFinishedIds((ids) => [...ids, run.id]);
    setStartedId(null);
    setCancelling(false);
    setOutcome(run);
    // A success becomes the latest run, which reloads the values, the layers and the hot spots.
    onFinished();
  });
  const onPollFailed = useEffectEvent((error: Error) => {
    setStartedId(null);
    setRunError({ kind: 'poll', error });
  });

  useEffect(() => {
    if (!watchedId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const tick = async () => {
      try {
        const run = await getCoverageRun(watchedId, { signal: controller.signal, lang: currentLang() });
        if (controller.signal.aborted) return;
        failures = 0;
        setWatched(run);
        if (isActiveRun(run)) timer = setTimeout(tick, POLL_MS);
        else onRunFinished(run);
      } catch (err) {
        if (controller.signal.aborted) return;
        failures++;
        if (failures >= MAX_POLL_FAILURES) onPollFailed(err instanceof Error ? err : new Error(String(err)));
        else timer = setTimeout(tick, POLL_MS * 2 ** failures);
      }
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [watchedId]);

  const start = async () => {
    if (!provinceCode) return;
    setRunError(null);
    setOutcome(null);
    setStarting(true);
    try {
      const run = await startDemoCoverageRun(
        { unit: provinceCode, period: runPeriod, technologies: MAP_TECHNOLOGIES },
        { lang: currentLang() },
      );
      setWatched(run);
      setStartedId(run.id);
    } catch (err) {
      setRunError({ kind: 'start', error: err instanceof Error ? err : new Error(String(err)) });
    } finally {
      setStarting(false);
    }
  };
  const cancel = async () => {
    if (!watchedId) return;
    setRunError(null);
    setCancelling(true);
    try {
      setWatched(await cancelCoverageRun(watchedId, { lang: currentLang() }));
    } catch (err) {
      setCancelling(false);
      setRunError({ kind: 'cancel', error: err instanceof Error ? err : new Error(String(err)) });
    }
  };

  const active: CoverageRun | null = watchedId ? (watched?.id === watchedId ? watched : (resumable ?? null)) : null;
  return {
    view: { latest: latestRun, active, starting, cancelling, error: runError, outcome, runPeriod },
    active,
    start,
    cancel,
  };
}
