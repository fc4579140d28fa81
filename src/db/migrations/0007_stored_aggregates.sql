-- Stored aggregates: what the overview, roll-ups and the map read instead of summing raw values per request.
-- They are derived data, kept current by triggers in the same transaction as the values they summarise, and
-- rebuilt whole by dx_rebuild_aggregates() (after a restore, or to check them). Only the functions below write
-- them: the request role may read them, nothing more.

-- Every unit with each unit above it (and itself, depth 0): "the communes below the nation" is one join.
create table org_unit_closure (
  ancestor_id integer not null references org_unit (id) on delete cascade,
  unit_id integer not null references org_unit (id) on delete cascade,
  depth integer not null check (depth >= 0),
  primary key (ancestor_id, unit_id)
);
create index org_unit_closure_unit_idx on org_unit_closure (unit_id);

-- How many units of each level each unit has at or below it: the units a roll-up expects to report.
create table org_unit_level_count (
  unit_id integer not null references org_unit (id) on delete cascade,
  level text not null,
  units integer not null,
  primary key (unit_id, level)
);

-- One unit's values summarised over time per quarter and year bucket (a month bucket holds one value, the value
-- itself). total sums flows; last_value is the value whose period ends last (on a tie, the shortest period: the
-- latest start), picked by the largest (end, start, value) array, which needs no sort per group.
-- No foreign keys: rows go with the values they summarise (an indicator or unit with values cannot be deleted).
create table value_summary (
  indicator_id integer not null,
  org_unit_id integer not null,
  bucket text not null, -- '2025' or '2025Q3'
  total double precision not null,
  value_count integer not null,
  last_value double precision not null,
  last_end date not null,
  last_start date not null,
  primary key (indicator_id, org_unit_id, bucket)
);

-- Per unit above an indicator's reporting level and per month, quarter and year bucket: what combining the
-- reporting units below it needs, whatever the indicator's unit rule. Each reporting unit contributes its
-- bucket's value over time (the sum for flows, the latest for stocks).
create table value_rollup (
  indicator_id integer not null,
  org_unit_id integer not null,
  bucket text not null, -- '2025', '2025Q3' or '2025-09'
  reported integer not null,
  total double precision not null,
  minimum double precision not null,
  maximum double precision not null,
  meeting integer not null, -- reporting units at or above the indicator's threshold (share_meeting)
  weighted_total double precision not null, -- sum of value × population over units with a population
  weight double precision not null,
  weighted_reported integer not null,
  primary key (indicator_id, org_unit_id, bucket)
);

-- Moves on with every committed change to what figures are computed from: HTTP caches and ETags key on it.
-- Its one row comes with the first change (none: stamp 0), so that a restore can load it like any other row.
create table figures_stamp (
  only_row boolean primary key default true check (only_row),
  stamp bigint not null,
  changed_at timestamptz not null
);

-- The quarter and year buckets a period falls in (a year period only in its year).
create function dx_period_buckets(period_type text, start_date date)
returns table (bucket text) language sql immutable as $$
  select to_char(start_date, 'YYYY')
  union all
  select to_char(start_date, 'YYYY') || 'Q' || extract(quarter from start_date)::int where period_type <> 'year'
$$;

-- Recomputes the roll-up rows of the given (indicator, unit above the reporting level, bucket) keys from each
-- unit's direct children: a child at the reporting level brings its own value over time, a child above it its
-- stored roll-up (every stored quantity adds up over disjoint sets of units). So the nation combines 34 provinces,
-- not 3,321 communes; keys go province level first, then the nation. Sums are exact (numeric) and rounded once, as
-- the raw computation's compensated sums are: 99.21 stays 99.21, not 99.20999999999997.
create function dx_refresh_rollups(indicator_ids integer[], unit_ids integer[], buckets text[])
returns void language plpgsql security definer as $$
declare
  level_now text;
begin
  delete from value_rollup r using unnest(indicator_ids, unit_ids, buckets) as k(i, a, b)
    where r.indicator_id = k.i and r.org_unit_id = k.a and r.bucket = k.b;
  foreach level_now in array array['province', 'nation'] loop
    insert into value_rollup
    with k as (select distinct k.i, k.a, k.b from unnest(indicator_ids, unit_ids, buckets) as k(i, a, b)
               join org_unit a on a.id = k.a and a.level = level_now),
    own as (
      select k.i, k.a, k.b, u.population as w,
             case when ind.time_aggregation = 'sum' then s.total else s.last_value end as x
      from k join indicator ind on ind.id = k.i
      join org_unit u on u.parent_id = k.a and u.level = ind.reporting_level
      join value_summary s on s.indicator_id = k.i and s.org_unit_id = u.id and s.bucket = k.b
      where k.b not like '%-%'
      union all
      select k.i, k.a, k.b, u.population, v.value
      from k join indicator ind on ind.id = k.i
      join period p on p.code = k.b
      join org_unit u on u.parent_id = k.a and u.level = ind.reporting_level
      join indicator_value v on v.indicator_id = k.i and v.org_unit_id = u.id and v.period_id = p.id
      where k.b like '%-%'
    ),
    part as (
      select own.i, own.a, own.b, 1 as reported, own.x as total, own.x as minimum, own.x as maximum,
             case when own.x >= ind.threshold then 1 else 0 end as meeting,
             case when own.w > 0 then own.x * own.w else 0 end as weighted_total,
             case when own.w > 0 then own.w else 0 end as weight,
             case when own.w > 0 then 1 else 0 end as weighted_reported
      from own join indicator ind on ind.id = own.i
      union all
      select k.i, k.a, k.b, r.reported, r.total, r.minimum, r.maximum, r.meeting, r.weighted_total, r.weight,
             r.weighted_reported
      from k join org_unit u on u.parent_id = k.a
      join value_rollup r on r.indicator_id = k.i and r.org_unit_id = u.id and r.bucket = k.b
    )
    select i, a, b, sum(reported)::int, sum(total::numeric)::float8, min(minimum), max(maximum), sum(meeting)::int,
           sum(weighted_total::numeric)::float8, sum(weight)::float8, sum(weighted_reported)::int
    from part group by i, a, b;
  end loop;
end
$$;

-- Recomputes everything the changed (indicator, unit, period) values feed: the units' quarter and year summaries,
-- then the roll-ups of every unit above them.
create function dx_refresh_value_aggregates(indicator_ids integer[], unit_ids integer[], period_ids integer[])
returns void language plpgsql security definer as $$
declare
  k_i integer[]; k_u integer[]; k_b text[];
begin
  select array_agg(i), array_agg(u), array_agg(b) into k_i, k_u, k_b
  from (select distinct c.i, c.u, x.bucket as b
        from unnest(indicator_ids, unit_ids, period_ids) as c(i, u, p)
        join period p on p.id = c.p
        cross join lateral dx_period_buckets(p.period_type, p.start_date) x) keys;
  if k_i is not null then
    delete from value_summary s using unnest(k_i, k_u, k_b) as k(i, u, b)
      where s.indicator_id = k.i and s.org_unit_id = k.u and s.bucket = k.b;
    -- Each key probes the value key of each period in its bucket (3 months and a quarter, say) by the primary key.
    insert into value_summary
    with bucket_period as (
      select x.bucket, p.id, p.start_date, p.end_date from period p
      cross join lateral dx_period_buckets(p.period_type, p.start_date) x
    )
    select i, u, b, total, n, m[3], date '2000-01-01' + m[1]::int, date '2000-01-01' + m[2]::int
    from (select k.i, k.u, k.b, sum(v.value) as total, count(*)::int as n,
                 max(array[(bp.end_date - date '2000-01-01')::float8, (bp.start_date - date '2000-01-01')::float8, v.value]) as m
          from unnest(k_i, k_u, k_b) as k(i, u, b)
          join bucket_period bp on bp.bucket = k.b
          join indicator_value v on v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = bp.id
          group by k.i, k.u, k.b) grouped;
  end if;
  perform dx_refresh_rollups_above(indicator_ids, unit_ids, period_ids);
end
$$;

-- New values (an insert, never an update): added to the summaries they fall in without reading the values again,
-- which keeps a 100,000-row import close to the speed of COPY; then the roll-ups above them are recomputed.
create function dx_add_values(indicator_ids integer[], unit_ids integer[], period_ids integer[], vals float8[])
returns void language plpgsql security definer as $$
begin
  insert into value_summary as s
  select i, u, b, total, n, m[3], date '2000-01-01' + m[1]::int, date '2000-01-01' + m[2]::int
  from (select c.i, c.u, x.bucket as b, sum(c.v) as total, count(*)::int as n,
               max(array[(p.end_date - date '2000-01-01')::float8, (p.start_date - date '2000-01-01')::float8, c.v]) as m
        from unnest(indicator_ids, unit_ids, period_ids, vals) as c(i, u, p, v)
        join period p on p.id = c.p
        cross join lateral dx_period_buckets(p.period_type, p.start_date) x
        group by c.i, c.u, x.bucket) added
  on conflict (indicator_id, org_unit_id, bucket) do update set
    total = s.total + excluded.total,
    value_count = s.value_count + excluded.value_count,
    last_value = case when array[excluded.last_end - date '2000-01-01', excluded.last_start - date '2000-01-01']
                           > array[s.last_end - date '2000-01-01', s.last_start - date '2000-01-01']
                      then excluded.last_value else s.last_value end,
    last_start = case when array[excluded.last_end - date '2000-01-01', excluded.last_start - date '2000-01-01']
                           > array[s.last_end - date '2000-01-01', s.last_start - date '2000-01-01']
                      then excluded.last_start else s.last_start end,
    last_end = greatest(s.last_end, excluded.last_end);
  perform dx_refresh_rollups_above(indicator_ids, unit_ids, period_ids);
end
$$;

-- The roll-ups of every unit above changed ones: for the changed months and the buckets they fall in.
create function dx_refresh_rollups_above(indicator_ids integer[], unit_ids integer[], period_ids integer[])
returns void language plpgsql security definer as $$
declare
  r_i integer[]; r_a integer[]; r_b text[];
begin
  select array_agg(i), array_agg(a), array_agg(b) into r_i, r_a, r_b
  from (select distinct c.i, cl.ancestor_id as a, x.bucket as b
        from (select distinct * from unnest(indicator_ids, unit_ids, period_ids) as c(i, u, p)) c
        join period p on p.id = c.p
        cross join lateral (select p.code as bucket where p.period_type = 'month'
                            union all select bucket from dx_period_buckets(p.period_type, p.start_date)) x
        join org_unit_closure cl on cl.unit_id = c.u and cl.depth > 0) keys;
  if r_i is not null then perform dx_refresh_rollups(r_i, r_a, r_b); end if;
end
$$;

-- Every roll-up of the given indicators (all when null) from their summaries, level by level in one pass each
-- (grouped, not key by key): after a rule or a population changes, and for a rebuild.
create function dx_rebuild_rollups(indicator_ids integer[])
returns void language plpgsql security definer as $$
declare
  level_now text;
begin
  delete from value_rollup where indicator_ids is null or indicator_id = any(indicator_ids);
  foreach level_now in array array['province', 'nation'] loop
    insert into value_rollup
    with own as (
      select s.indicator_id as i, u.parent_id as a, s.bucket as b, u.population as w,
             case when ind.time_aggregation = 'sum' then s.total else s.last_value end as x, ind.threshold
      from value_summary s join indicator ind on ind.id = s.indicator_id
      join org_unit u on u.id = s.org_unit_id and u.level = ind.reporting_level
      join org_unit parent on parent.id = u.parent_id and parent.level = level_now
      where indicator_ids is null or s.indicator_id = any(indicator_ids)
      union all
      select v.indicator_id, u.parent_id, p.code, u.population, v.value, ind.threshold
      from indicator_value v join period p on p.id = v.period_id and p.period_type = 'month'
      join indicator ind on ind.id = v.indicator_id
      join org_unit u on u.id = v.org_unit_id and u.level = ind.reporting_level
      join org_unit parent on parent.id = u.parent_id and parent.level = level_now
      where indicator_ids is null or v.indicator_id = any(indicator_ids)
    ),
    part as (
      select i, a, b, 1 as reported, x as total, x as minimum, x as maximum,
             case when x >= threshold then 1 else 0 end as meeting,
             case when w > 0 then x * w else 0 end as weighted_total,
             case when w > 0 then w else 0 end as weight,
             case when w > 0 then 1 else 0 end as weighted_reported
      from own
      union all
      select r.indicator_id, u.parent_id, r.bucket, r.reported, r.total, r.minimum, r.maximum, r.meeting,
             r.weighted_total, r.weight, r.weighted_reported
      from value_rollup r join org_unit u on u.id = r.org_unit_id
      join org_unit parent on parent.id = u.parent_id and parent.level = level_now
      where indicator_ids is null or r.indicator_id = any(indicator_ids)
    )
    select i, a, b, sum(reported)::int, sum(total::numeric)::float8, min(minimum), max(maximum), sum(meeting)::int,
           sum(weighted_total::numeric)::float8, sum(weight)::float8, sum(weighted_reported)::int
    from part group by i, a, b;
  end loop;
end
$$;

-- All stored aggregates from scratch: the unit closure, every summary and roll-up.
create function dx_rebuild_aggregates()
returns void language plpgsql security definer as $$
begin
  delete from org_unit_closure;
  insert into org_unit_closure
  with recursive up (unit_id, ancestor_id, depth) as (
    select id, id, 0 from org_unit
    union all
    select up.unit_id, u.parent_id, up.depth + 1 from up join org_unit u on u.id = up.ancestor_id
    where u.parent_id is not null
  )
  select ancestor_id, unit_id, depth from up;
  delete from org_unit_level_count;
  insert into org_unit_level_count
  select c.ancestor_id, u.level, count(*)::int from org_unit_closure c join org_unit u on u.id = c.unit_id
  group by c.ancestor_id, u.level;
  delete from value_summary;
  insert into value_summary
  select i, u, b, total, n, m[3], date '2000-01-01' + m[1]::int, date '2000-01-01' + m[2]::int
  from (select v.indicator_id as i, v.org_unit_id as u, x.bucket as b, sum(v.value) as total, count(*)::int as n,
               max(array[(p.end_date - date '2000-01-01')::float8, (p.start_date - date '2000-01-01')::float8, v.value]) as m
        from indicator_value v join period p on p.id = v.period_id
        cross join lateral dx_period_buckets(p.period_type, p.start_date) x
        group by v.indicator_id, v.org_unit_id, x.bucket) grouped;
  perform dx_rebuild_rollups(null);
end
$$;

-- A bulk load by the application's own role (the demo seed, a national load) may set dx.defer_aggregates for its
-- transaction and rebuild once at the end; a request never can (it runs as the request role).
create function dx_aggregates_deferred() returns boolean language sql stable as $$
  select coalesce(current_setting('dx.defer_aggregates', true), '') = 'on'
     and coalesce(current_setting('role', true), '') <> 'dx_compact_request'
$$;

-- Statement triggers: the rows a statement changed, all at once (a bulk load may defer them, then rebuild).
create function dx_values_inserted() returns trigger language plpgsql as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  perform dx_add_values(array_agg(indicator_id), array_agg(org_unit_id), array_agg(period_id), array_agg(value))
    from new_values;
  return null;
end
$$;
create function dx_values_deleted() returns trigger language plpgsql as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  perform dx_refresh_value_aggregates(array_agg(indicator_id), array_agg(org_unit_id), array_agg(period_id))
    from old_values;
  return null;
end
$$;
create function dx_values_updated() returns trigger language plpgsql as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  perform dx_refresh_value_aggregates(array_agg(indicator_id), array_agg(org_unit_id), array_agg(period_id))
    from (select indicator_id, org_unit_id, period_id from new_values
          union select indicator_id, org_unit_id, period_id from old_values) changed;
  return null;
end
$$;
create trigger indicator_value_inserted after insert on indicator_value
  referencing new table as new_values for each statement execute function dx_values_inserted();
create trigger indicator_value_deleted after delete on indicator_value
  referencing old table as old_values for each statement execute function dx_values_deleted();
create trigger indicator_value_updated after update on indicator_value
  referencing new table as new_values old table as old_values for each statement execute function dx_values_updated();

-- A new unit joins the closure below its parent (parents are inserted before their children).
create function dx_unit_inserted() returns trigger language plpgsql security definer as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  insert into org_unit_closure values (new.id, new.id, 0);
  insert into org_unit_closure select c.ancestor_id, new.id, c.depth + 1 from org_unit_closure c
    where c.unit_id = new.parent_id;
  insert into org_unit_level_count select c.ancestor_id, new.level, 1 from org_unit_closure c where c.unit_id = new.id
    on conflict (unit_id, level) do update set units = org_unit_level_count.units + 1;
  return null;
end
$$;
create trigger org_unit_inserted after insert on org_unit for each row execute function dx_unit_inserted();

-- Moving or deleting a unit, or changing its level or population (the weights), is rare: everything is rebuilt.
create function dx_units_changed() returns trigger language plpgsql security definer as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  perform dx_rebuild_aggregates();
  return null;
end
$$;
create trigger org_unit_changed after update of parent_id, level, population on org_unit
  for each statement execute function dx_units_changed();
create trigger org_unit_deleted after delete on org_unit for each statement execute function dx_units_changed();

-- A changed time rule, threshold or reporting level changes what each unit contributes.
create function dx_indicator_rules_changed() returns trigger language plpgsql security definer as $$
begin
  if dx_aggregates_deferred() then return null; end if;
  perform dx_rebuild_rollups(array_agg(n.id)) from new_indicators n join old_indicators o on o.id = n.id
    where (n.time_aggregation, n.threshold, n.reporting_level) is distinct from
          (o.time_aggregation, o.threshold, o.reporting_level);
  return null;
end
$$;
create trigger indicator_rules_changed after update on indicator
  referencing new table as new_indicators old table as old_indicators
  for each statement execute function dx_indicator_rules_changed();

create function dx_figures_changed() returns trigger language plpgsql security definer as $$
begin
  insert into figures_stamp values (true, 1, now())
    on conflict (only_row) do update set stamp = figures_stamp.stamp + 1, changed_at = now();
  return null;
end
$$;
create trigger indicator_value_stamp after insert or update or delete on indicator_value
  for each statement execute function dx_figures_changed();
create trigger indicator_target_stamp after insert or update or delete on indicator_target
  for each statement execute function dx_figures_changed();
create trigger indicator_stamp after insert or update or delete on indicator
  for each statement execute function dx_figures_changed();
create trigger approval_stamp after insert or update or delete on approval
  for each statement execute function dx_figures_changed();
create trigger org_unit_stamp after insert or update or delete on org_unit
  for each statement execute function dx_figures_changed();
create trigger agreement_stamp after insert or update or delete on agreement
  for each statement execute function dx_figures_changed();
create trigger agreement_area_stamp after insert or update or delete on agreement_area
  for each statement execute function dx_figures_changed();

-- Functions that run as their owner name their tables in this schema only (pg_temp last, so that no temporary
-- table can stand in for one).
do $$
declare f text;
begin
  foreach f in array array[
    'dx_refresh_rollups(integer[], integer[], text[])', 'dx_refresh_value_aggregates(integer[], integer[], integer[])',
    'dx_add_values(integer[], integer[], integer[], float8[])',
    'dx_refresh_rollups_above(integer[], integer[], integer[])',
    'dx_rebuild_rollups(integer[])', 'dx_rebuild_aggregates()', 'dx_unit_inserted()', 'dx_units_changed()',
    'dx_indicator_rules_changed()', 'dx_figures_changed()'
  ] loop
    execute format('alter function %s set search_path = %I, pg_temp', f, current_schema());
  end loop;
end
$$;

select dx_rebuild_aggregates();
