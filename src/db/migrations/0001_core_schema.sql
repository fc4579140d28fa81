-- Core model: organisation units, the agreement, indicators, periods, values, baselines and targets.

create table org_unit (
  id integer generated always as identity primary key,
  code text not null unique, -- stable public key; source identifiers are kept as-is (leading zeros matter)
  parent_id integer references org_unit (id),
  level text not null check (level in ('nation', 'province', 'commune')),
  unit_type text not null check (unit_type in ('nation', 'province', 'city', 'commune', 'ward', 'special_zone')),
  name_vi text not null,
  name_en text,
  source text, -- where the unit came from, e.g. 'vn-provinces-wards 1.0.2'
  population integer check (population >= 0),
  area_km2 double precision check (area_km2 >= 0),
  is_border boolean not null default false,
  is_economic_zone boolean not null default false,
  boundary jsonb, -- GeoJSON geometry, WGS84
  is_demo boolean not null default false,
  check ((level = 'nation') = (parent_id is null))
);
create index org_unit_parent_idx on org_unit (parent_id);

create table agreement (
  id integer generated always as identity primary key,
  code text not null unique,
  title_vi text not null,
  title_en text not null,
  signed_on date,
  period_from integer not null,
  period_to integer not null check (period_to >= period_from),
  province_unit_id integer references org_unit (id),
  source text
);

create table agreement_party (
  agreement_id integer not null references agreement (id) on delete cascade,
  code text not null,
  role text not null check (role in ('province', 'partner')),
  name_vi text not null,
  name_en text not null,
  primary key (agreement_id, code)
);

create table agreement_area (
  id integer generated always as identity primary key,
  agreement_id integer not null references agreement (id) on delete cascade,
  code text not null,
  position integer not null,
  name_vi text not null,
  name_en text not null,
  unique (agreement_id, code)
);

create table commitment (
  id integer generated always as identity primary key,
  agreement_id integer not null references agreement (id) on delete cascade,
  area_id integer references agreement_area (id),
  owner_party text not null,
  text_vi text not null,
  text_en text not null,
  due_date date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  is_demo boolean not null default false,
  foreign key (agreement_id, owner_party) references agreement_party (agreement_id, code)
);

create table indicator (
  id integer generated always as identity primary key,
  code text not null unique,
  name_vi text not null,
  name_en text not null,
  unit_vi text not null,
  unit_en text not null,
  area_id integer references agreement_area (id),
  pillar text,
  value_type text not null check (value_type in ('number', 'percent', 'count', 'boolean')),
  unit_aggregation text not null
    check (unit_aggregation in ('sum', 'average', 'weighted_average', 'min', 'max', 'share_meeting')),
  threshold double precision, -- for share_meeting: a unit meets it when value >= threshold
  time_aggregation text not null check (time_aggregation in ('sum', 'last')),
  direction text not null check (direction in ('higher', 'lower')),
  reporting_level text not null check (reporting_level in ('nation', 'province', 'commune')),
  decimals integer not null default 0 check (decimals between 0 and 6),
  position integer not null default 0,
  is_demo boolean not null default false,
  check ((unit_aggregation = 'share_meeting') = (threshold is not null))
);

create table period (
  id integer generated always as identity primary key,
  code text not null unique, -- '2025', '2025Q3', '2025-09'
  period_type text not null check (period_type in ('year', 'quarter', 'month')),
  start_date date not null,
  end_date date not null check (end_date >= start_date)
);

create table indicator_value (
  indicator_id integer not null references indicator (id),
  org_unit_id integer not null references org_unit (id),
  period_id integer not null references period (id),
  value double precision not null,
  comment text,
  source text not null default 'manual',
  updated_by text not null,
  updated_at timestamptz not null default now(),
  is_demo boolean not null default false,
  primary key (indicator_id, org_unit_id, period_id)
);
create index indicator_value_unit_idx on indicator_value (org_unit_id, indicator_id);

-- Baselines and yearly targets per indicator and unit; province targets may later be split to communes.
create table indicator_target (
  indicator_id integer not null references indicator (id),
  org_unit_id integer not null references org_unit (id),
  year integer not null check (year between 2000 and 2100),
  kind text not null check (kind in ('baseline', 'target')),
  value double precision not null,
  source text,
  is_demo boolean not null default false,
  primary key (indicator_id, org_unit_id, year, kind)
);
