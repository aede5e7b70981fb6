-- Columns of the platform tables added after V1, repeatable (re-run whenever this file changes, after the versioned
-- ones) for the reason R__platform_indexes.sql gives: no version number that could collide with a service's own.

-- The W3C trace context (traceparent) of the transaction that wrote the row, published as the record's traceparent
-- header: one payment is one trace across the outbox hops. Null when nothing was traced; the relay also reads
-- tables without the column.
alter table outbox add column if not exists traceparent text;
