-- 5G plan scenarios: what was asked (settings), from which coverage run, how far the solve has got, and its
-- result (chosen sites in build order, the bound and gap, each commune's coverage before and after). A plan's
-- coverage is a projection: it is never written into indicator values.
create table plan_scenario (
  id uuid primary key,
  name text not null,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  root_unit_id integer not null references org_unit (id),
  coverage_run_id uuid references coverage_run (id) on delete set null,
  settings jsonb not null,
  stage text,
  progress double precision not null default 0,
  result jsonb,
  error text,
  created_by text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);

create index plan_scenario_created on plan_scenario (created_at desc);
