-- Trust: accounts, sessions and API tokens; who may write which units (row-level security); versions against lost
-- updates; which indicators are public, at which period type they are collected and which party reports them.

create table app_user (
  id integer generated always as identity primary key,
  username text not null unique check (username = lower(username) and length(username) between 2 and 64),
  display_name text not null,
  role text not null check (role in ('admin', 'province_officer', 'partner_officer', 'commune_officer', 'viewer')),
  party_code text, -- the agreement party the user works for (GL, VTL…); limits which indicators they report
  password_hash text, -- argon2id; null for an account that signs in only through single sign-on
  must_change_password boolean not null default false,
  totp_secret text, -- base32; set at enrolment, used once confirmed
  totp_enabled boolean not null default false,
  totp_last_step bigint, -- the last time step accepted: a code is never accepted twice
  oidc_subject text unique, -- issuer + subject of the single sign-on identity linked to this account
  disabled boolean not null default false,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The units a user works on; they may write there and in every unit below.
create table app_user_unit (
  user_id integer not null references app_user (id) on delete cascade,
  org_unit_id integer not null references org_unit (id),
  primary key (user_id, org_unit_id)
);

create table recovery_code (
  user_id integer not null references app_user (id) on delete cascade,
  code_hash text not null, -- SHA-256 of a high-entropy one-time code
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- Server-side sessions; the cookie carries a random token whose SHA-256 is the key, so a copy of this table opens nothing.
create table user_session (
  token_hash text primary key,
  user_id integer not null references app_user (id) on delete cascade,
  csrf_token text not null,
  second_factor_done boolean not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  address text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

create table login_attempt (
  id bigint generated always as identity primary key,
  username text not null,
  address text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_address_idx on login_attempt (address, at);
create index login_attempt_username_idx on login_attempt (username, at);

-- A single sign-on round trip in flight: what the callback must find (state, nonce, PKCE verifier), for 10 minutes.
create table oidc_login_request (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  created_at timestamptz not null default now()
);

-- Tokens for partner systems: shown once, stored as a SHA-256, scoped to a party, units and permissions.
create table api_token (
  id integer generated always as identity primary key,
  prefix text not null unique, -- the public part of the token, shown in lists
  secret_hash text not null,
  name text not null,
  party_code text,
  permissions text[] not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz,
  last_used_address text
);

create table api_token_unit (
  token_id integer not null references api_token (id) on delete cascade,
  org_unit_id integer not null references org_unit (id),
  primary key (token_id, org_unit_id)
);

alter table indicator add column is_public boolean not null default false;
alter table indicator add column period_type text not null default 'month' check (period_type in ('month', 'quarter', 'year'));
alter table indicator add column reporting_party text;

-- Versions: a write names the version it read (If-Match); a stale one is refused instead of silently winning.
-- One sequence for all: a version is never reused, even after a value is deleted and entered again.
create sequence row_version_seq;
alter table indicator add column version bigint not null default nextval('row_version_seq');
alter table indicator add column updated_by text;
alter table indicator add column updated_at timestamptz;
alter table indicator_value add column version bigint not null default nextval('row_version_seq');
alter table indicator_target add column version bigint not null default nextval('row_version_seq');
alter table indicator_target add column updated_by text;
alter table indicator_target add column updated_at timestamptz;
alter table validation_rule add column version bigint not null default nextval('row_version_seq');
alter table validation_rule add column updated_by text;
alter table validation_rule add column updated_at timestamptz;

-- Separation of duties: who submitted a unit's period, so that the same person cannot approve it.
alter table approval add column submitted_by text;

-- Row-level security. Request transactions run as dx_compact_request with the user's writable units (and, for a
-- party's staff, indicators) in transaction settings; a bug in a route then still cannot write outside them.
-- Migrations, the demo seed and background jobs run as the connecting role and are not restricted.
do $$
begin
  create role dx_compact_request nologin;
exception
  when duplicate_object or unique_violation then null; -- created by another schema or instance
end
$$;

do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user)
     and not pg_has_role(current_user, 'dx_compact_request', 'member') then
    execute format('grant dx_compact_request to %I', current_user);
  end if;
end
$$;

-- '*' means every unit (or indicator); otherwise a comma-separated list of ids. Missing means none.
create function dx_scope_allows(setting text, id integer) returns boolean
language sql stable as $$
  select case coalesce(current_setting(setting, true), '')
    when '*' then true
    when '' then false
    else id = any (string_to_array(current_setting(setting, true), ',')::integer[])
  end
$$;

alter table indicator_value enable row level security;
create policy indicator_value_read on indicator_value for select to dx_compact_request using (true);
create policy indicator_value_insert on indicator_value for insert to dx_compact_request
  with check (dx_scope_allows('dx.write_units', org_unit_id) and dx_scope_allows('dx.write_indicators', indicator_id));
create policy indicator_value_update on indicator_value for update to dx_compact_request
  using (dx_scope_allows('dx.write_units', org_unit_id) and dx_scope_allows('dx.write_indicators', indicator_id))
  with check (dx_scope_allows('dx.write_units', org_unit_id) and dx_scope_allows('dx.write_indicators', indicator_id));
create policy indicator_value_delete on indicator_value for delete to dx_compact_request
  using (dx_scope_allows('dx.write_units', org_unit_id) and dx_scope_allows('dx.write_indicators', indicator_id));

alter table indicator_target enable row level security;
create policy indicator_target_read on indicator_target for select to dx_compact_request using (true);
create policy indicator_target_insert on indicator_target for insert to dx_compact_request
  with check (dx_scope_allows('dx.target_units', org_unit_id));
create policy indicator_target_update on indicator_target for update to dx_compact_request
  using (dx_scope_allows('dx.target_units', org_unit_id)) with check (dx_scope_allows('dx.target_units', org_unit_id));
create policy indicator_target_delete on indicator_target for delete to dx_compact_request
  using (dx_scope_allows('dx.target_units', org_unit_id));

alter table approval enable row level security;
create policy approval_read on approval for select to dx_compact_request using (true);
create policy approval_insert on approval for insert to dx_compact_request
  with check (dx_scope_allows('dx.approval_units', org_unit_id));
create policy approval_update on approval for update to dx_compact_request
  using (dx_scope_allows('dx.approval_units', org_unit_id)) with check (dx_scope_allows('dx.approval_units', org_unit_id));
create policy approval_delete on approval for delete to dx_compact_request
  using (dx_scope_allows('dx.approval_units', org_unit_id));

-- One range of years for every period and target (src/domain/periods.ts FIRST_YEAR, LAST_YEAR).
alter table indicator_target drop constraint indicator_target_year_check;
alter table indicator_target add constraint indicator_target_year_check check (year between 1990 and 2100);
