/**
 * The planning page's server state: the saved scenarios, the open one (in the URL as `?plan=`, read every second
 * while it runs), cancelling and deleting, and the full results of those picked for comparison.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useUrlSearch } from '../../hooks.js';
import {
  cancelPlan,
  deletePlan,
  isActivePlan,
  planListQuery,
  planQuery,
  type PlanScenario,
  type PlanScenarioSummary,
} from './planner-api.js';

export const PLAN_PARAM = 'plan';

export function usePlanner(lang: string) {
  const queryClient = useQueryClient();
  const [search, navigate] = useUrlSearch();
  const openId = search.get(PLAN_PARAM);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [comparing, setComparing] = useState(false);
  const list = useQuery(planListQuery(lang));
  const open = useQuery(planQuery(openId, lang));
  const refreshList = () => queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });

  // The list shows a plan's status and figures: read it again when the open plan ends.
  const openStatus = open.data?.status;
  useEffect(() => {
    if (openStatus && !isActivePlan({ status: openStatus }))
      void queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
  }, [openStatus, queryClient]);

  const opened = (plan: PlanScenario) => {
    queryClient.setQueryData(planQuery(plan.id, lang).queryKey, plan);
    navigate({ [PLAN_PARAM]: plan.id });
    void refreshList();
  };
  const cancel = useMutation({
    mutationFn: (id: string) => cancelPlan(id, lang),
    onSuccess: (plan) => {
      queryClient.setQueryData(planQuery(plan.id, lang).queryKey, plan);
      void refreshList();
    },
  });
  const remove = useMutation({
    mutationFn: (plan: PlanScenarioSummary) => deletePlan(plan.id, lang),
    onSuccess: (_done, plan) => {
      setPicked((ids) => ids.filter((id) => id !== plan.id));
      if (plan.id === openId) navigate({ [PLAN_PARAM]: null });
      queryClient.removeQueries({ queryKey: planQuery(plan.id, lang).queryKey });
      void refreshList();
    },
  });
  const compared = useQueries({
    queries: (comparing ? picked : []).map((id) => planQuery(id, lang)),
    combine: (results) => results.flatMap((r) => (r.data ? [r.data] : [])),
  });

  return {
    list,
    openId,
    open,
    opened,
    openPlan: (id: string) => navigate({ [PLAN_PARAM]: id }),
    cancel,
    remove,
    picked,
    pick: (id: string, on: boolean) =>
      setPicked((ids) => (on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((other) => other !== id))),
    comparing: comparing && picked.length >= 2,
    setComparing,
    compared,
  };
}
