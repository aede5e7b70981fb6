-- Indexes of the platform tables added after V1. A repeatable migration (re-run whenever this file changes, after
-- the versioned ones) so that databases of every service, whatever their own version, get them without a
-- version number that could collide with the services' own V2, V3...

-- The retention purge selects processed messages by age every purge interval: without this index, a scan of
-- the whole table.
create index if not exists processed_message_processed_at_idx on processed_message (processed_at);
