-- Coverage engine: cell sites (versioned through the audit log), inputs stored by content hash, runs and
-- their tiles (so workers on several machines can share one run), and the computed twin of a reported indicator.

alter table indicator add column computed_code text; -- e.g. POP_COV_4G is computed as POP_COV_4G_COMPUTED

create table cell_site (
  id integer generated always as identity primary key,
  site_code text not null,
  sector text not null default '1',
  technology text not null check (technology in ('2G', '3G', '4G', '5G')),
  band_mhz double precision not null check (band_mhz > 0),
  lat double precision not null check (lat between -90 and 90),
  lon double precision not null check (lon between -180 and 180),
  antenna_height_m double precision not null check (antenna_height_m > 0),
  azimuth_deg double precision check (azimuth_deg >= 0 and azimuth_deg < 360), -- null: omni
  mechanical_tilt_deg double precision not null default 0,
  electrical_tilt_deg double precision not null default 0,
  h_beamwidth_deg double precision check (h_beamwidth_deg > 0 and h_beamwidth_deg <= 360),
  v_beamwidth_deg double precision not null default 10 check (v_beamwidth_deg > 0),
  tx_power_dbm double precision not null,
  antenna_gain_dbi double precision not null default 0,
  cable_loss_db double precision not null default 0 check (cable_loss_db >= 0),
  environment text not null default 'rural' check (environment in ('urban', 'suburban', 'rural')),
  is_demo boolean not null default false,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  unique (site_code, sector, technology)
);

-- Large inputs (DEM, population raster, sites file) kept once by their SHA-256, so a run can name its exact inputs
-- and workers on other machines can load them.
create table coverage_input (
  sha256 text primary key,
  kind text not null check (kind in ('dem', 'population', 'sites')),
  name text not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);

create table coverage_run (
  id uuid primary key,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  root_unit_id integer not null references org_unit (id),
  period text not null,
  params jsonb not null,
  inputs jsonb not null, -- { dem: sha256, population: sha256, sites: sha256 of the site set }
  tiles_total integer not null default 0,
  tiles_done integer not null default 0,
  error text,
  result jsonb, -- per unit and technology: population, covered population, share
  created_by text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);

create table coverage_run_tile (
  run_id uuid not null references coverage_run (id) on delete cascade,
  tile integer not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  result bytea, -- the tile's partial sums and rasters, written by whichever worker did it
  worker text,
  updated_at timestamptz not null default now(),
  primary key (run_id, tile)
);
