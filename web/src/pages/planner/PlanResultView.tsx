import { CommunesTable } from './CommunesTable.js';
import { PhasesTable } from './PhasesTable.js';
import { PlanHeadlineView } from './PlanHeadlineView.js';
import { PlanMapPanel } from './PlanMapPanel.js';
import type { FinishedPlan } from './planner-api.js';
import { PriorityPlaces } from './PriorityPlaces.js';
import { SitesTable } from './SitesTable.js';

/** A finished plan: headline, map, phases, sites, communes and priority places. */
export function PlanResultView({ plan }: { plan: FinishedPlan }) {
  return (
    <article className="planner-result">
      <PlanHeadlineView plan={plan} />
      <PlanMapPanel plan={plan} />
      <PhasesTable result={plan.result} />
      <SitesTable result={plan.result} />
      <CommunesTable result={plan.result} />
      <PriorityPlaces places={plan.result.priorityPlaces} />
    </article>
  );
}
