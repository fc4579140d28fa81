-- A data-check finding a reviewer has looked at and explained ("the new market opened in March"). A finding is
-- computed, not stored, so the explanation is keyed by what identifies it: the rule (or 'bounds' / 'outlier'),
-- the indicator ('' for a rule over several indicators), the unit and the period. Who and when are kept here for
-- display; the audit log keeps every change.
create table finding_explanation (
  rule_code text not null,
  indicator_code text not null default '',
  org_unit_id integer not null references org_unit (id) on delete cascade,
  period_code text not null,
  comment text not null check (length(comment) between 1 and 2000),
  explained_by text not null,
  explained_at timestamptz not null default now(),
  primary key (rule_code, indicator_code, org_unit_id, period_code)
);
