-- Platform tables of every s2spay service, created in the service's own schema (Flyway's search path).
-- Services' own migrations start at V2.

-- Messages waiting for the Debezium relay: written in the business transaction, relayed from the WAL
-- after commit, deleted by the purge once older than the retention.
create table outbox (
    id            uuid        primary key,
    aggregatetype text        not null,  -- the Kafka topic
    aggregateid   text        not null,  -- the record key (payment id)
    type          text        not null,  -- the payload's record name, e.g. PaymentDebited (eventType header)
    payload       bytea       not null,  -- Avro in the Confluent wire format: 0x00, 4-byte schema id, body
    created_at    timestamptz not null default clock_timestamp()
);

create index outbox_created_at_idx on outbox (created_at);

-- Messages this service has processed, inserted in the same transaction as their effect.
create table processed_message (
    message_id   text        primary key,
    processed_at timestamptz not null default now()
);
