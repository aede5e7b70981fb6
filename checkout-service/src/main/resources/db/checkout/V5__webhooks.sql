-- Webhooks to the merchant: its endpoints (from the API or from properties), one delivery per (endpoint, event)
-- with the JSON body fixed when the event was applied, and every attempt to deliver it.
create table webhook_endpoint (
    endpoint_id      text        primary key,
    merchant_id      text        not null,
    url              text        not null,
    description      text,
    -- AES-GCM (nonce || ciphertext) of the signing secret, the endpoint id as associated data
    secret_encrypted bytea       not null,
    source           text        not null check (source in ('api', 'config')),
    status           text        not null check (status in ('enabled', 'deleted')),
    created_at       timestamptz not null,
    deleted_at       timestamptz
);

create index webhook_endpoint_merchant_idx on webhook_endpoint (merchant_id, status);

create table webhook_delivery (
    delivery_id     text        primary key,
    endpoint_id     text        not null references webhook_endpoint,
    merchant_id     text        not null,
    payment_id      text        not null,
    event_id        text        not null,
    event_type      text        not null,
    -- order of the payment's events at this endpoint: only the lowest pending one is sent
    sequence        bigint      not null,
    body            bytea       not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempt_count   integer     not null default 0,
    next_attempt_at timestamptz not null,
    give_up_at      timestamptz not null,
    -- an instance sending it holds it until then, so that no other instance sends it at the same time
    lease_until     timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, payment_id, sequence),
    unique (endpoint_id, event_id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_order_idx on webhook_delivery (endpoint_id, payment_id, sequence) where status = 'pending';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, delivery_id desc);

create table webhook_delivery_attempt (
    delivery_id  text        not null references webhook_delivery,
    attempt      integer     not null,
    attempted_at timestamptz not null,
    http_status  integer,
    error        text,
    duration_ms  bigint      not null,
    primary key (delivery_id, attempt)
);
