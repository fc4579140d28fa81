-- Each stored sector belongs to an operator (the sites stored so far are the main operator's, VTL); one operator's
-- site codes may repeat another's.
alter table cell_site add column operator text not null default 'VTL' check (operator ~ '^[A-Z0-9][A-Z0-9 ._-]{0,31}$');
alter table cell_site drop constraint cell_site_site_code_sector_technology_key;
alter table cell_site add constraint cell_site_sector_key unique (operator, site_code, sector, technology);
