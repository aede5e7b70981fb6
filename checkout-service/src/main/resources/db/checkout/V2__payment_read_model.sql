-- The payment read model: what GET /v1/payments/{id} answers, kept up to date from s2spay.payment.events.
-- Cards appear only as BIN, last four digits, brand and expiry; the card itself is in the vault schema.
create table payment (
    payment_id              text        primary key,
    merchant_id             text        not null,
    payment_type            text        not null,
    status                  text        not null,
    amount_minor            bigint      not null check (amount_minor >= 0),
    currency                text        not null,
    payment_brand           text,
    merchant_transaction_id text        not null,
    descriptor              text,
    shopper_result_url      text,
    vault_id                text,
    card_bin                text,
    card_last4_digits       text,
    card_brand              text,
    card_expiry_month       smallint,
    card_expiry_year        smallint,
    result_code             text,
    result_description      text,
    gateway_transaction_id  text,
    failure_reason          text,
    redirect_url            text,
    redirect_method         text,
    redirect_parameters     jsonb,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

create index payment_merchant_created_idx on payment (merchant_id, created_at desc);

-- One payment per (merchant, merchantTransactionId): the API refuses a second one with 409. Payments that
-- other systems start over Kafka are recorded here too, but a clash among them is not the read model's to refuse.
create table merchant_transaction (
    merchant_id             text not null,
    merchant_transaction_id text not null,
    payment_id              text not null,
    primary key (merchant_id, merchant_transaction_id)
);

-- Idempotency-Key: the first answer to a request, stored in the transaction that created its payment.
create table idempotency_key (
    merchant_id     text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    payment_id      text,
    response_status integer     not null,
    response_body   bytea       not null,
    created_at      timestamptz not null default now(),
    in_flight_until timestamptz not null,
    completed_at    timestamptz,
    primary key (merchant_id, idempotency_key)
);

create index idempotency_key_created_idx on idempotency_key (created_at);
