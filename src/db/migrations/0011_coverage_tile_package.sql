-- A streamed run shared through the queue: each tile's own inputs (its window of terrain, its population, the
-- sites reaching it, its units), written by the coordinator shortly before the tile is queued and deleted once
-- its result is read, so only a few tiles' inputs are stored at a time whatever the run's extent.
create table coverage_tile_package (
  run_id uuid not null references coverage_run (id) on delete cascade,
  tile integer not null,
  package bytea not null,
  primary key (run_id, tile)
);
