-- Why a distributed run's tile failed on every attempt (the last worker's error, or the queue's timeout).
alter table coverage_run_tile add column error text;
