-- Workers on other machines load a distributed run's grid, terrain and sites from here (gzip, written once per run).
alter table coverage_run add column work_package bytea;
alter table coverage_run add column distributed boolean not null default false;
