-- Indicator engine: formulas and bounds on indicators, validation rules, approval per unit and period,
-- a hash-chained audit log, idempotency keys for partner retries, DHIS2 code mappings and import batches.

alter table indicator add column formula text; -- computed from other indicators when set; no stored values
alter table indicator add column min_value double precision;
alter table indicator add column max_value double precision;
alter table indicator add constraint indicator_bounds_check check (min_value is null or max_value is null or min_value <= max_value);

create table validation_rule (
  id integer generated always as identity primary key,
  code text not null unique,
  name_vi text not null,
  name_en text not null,
  left_formula text not null,
  operator text not null check (operator in ('<', '<=', '==', '!=', '>=', '>')),
  right_formula text not null,
  tolerance double precision not null default 0 check (tolerance >= 0),
  importance text not null default 'medium' check (importance in ('high', 'medium', 'low')),
  is_demo boolean not null default false
);

-- Approving a unit for a period locks the values of that unit and every unit below it, for every period within.
create table approval (
  org_unit_id integer not null references org_unit (id),
  period_id integer not null references period (id),
  status text not null check (status in ('draft', 'submitted', 'approved', 'reopened')),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  reason text,
  primary key (org_unit_id, period_id)
);
create index approval_approved_idx on approval (period_id) where status = 'approved';

-- Append-only. Each record holds the hash of the one before, so an edited or deleted record breaks the chain.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor text not null,
  request_id text,
  action text not null,
  entity text not null,
  entity_key jsonb not null,
  old_value jsonb,
  new_value jsonb,
  reason text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_entity_idx on audit_log (entity, (entity_key ->> 'indicator'), (entity_key ->> 'unit'), (entity_key ->> 'period'));

create table idempotency_key (
  key text primary key,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now()
);

create table dhis2_mapping (
  kind text not null check (kind in ('data_element', 'org_unit')),
  dhis2_id text not null,
  code text not null,
  primary key (kind, dhis2_id),
  unique (kind, code)
);

create table import_batch (
  id integer generated always as identity primary key,
  file_name text not null,
  sha256 text not null,
  row_count integer not null,
  inserted integer not null,
  updated integer not null,
  unchanged integer not null,
  imported_by text not null,
  imported_at timestamptz not null default now(),
  request_id text
);
