-- The balances of every payment, projected from s2spay.payment.events; back-office commands are checked
-- against them before the gateway is called.
create table payment_balance (
    payment_id                text        primary key,
    merchant_id               text        not null,
    payment_type              text,
    currency                  text,
    requested_minor           bigint,
    merchant_transaction_id   text,
    gateway_transaction_id    text,
    state                     text        not null,
    authorized_minor          bigint      not null default 0,
    debited_minor             bigint      not null default 0,
    captured_minor            bigint      not null default 0,
    capture_count             integer     not null default 0,
    reversed_minor            bigint      not null default 0,
    refunded_minor            bigint      not null default 0,
    rebilled_minor            bigint      not null default 0,
    charged_back_minor        bigint      not null default 0,
    chargeback_reversed_minor bigint      not null default 0,
    receipt_confirmed_minor   bigint      not null default 0,
    updated_at                timestamptz not null
);

-- One row per money movement applied to a balance, keyed so that the same movement seen twice (from the
-- command that caused it and from its event on Kafka) is counted once.
create table balance_entry (
    payment_id       text        not null,
    entry_id         text        not null,
    kind             text        not null,
    amount_minor     bigint      not null,
    currency         text        not null,
    source_message_id text       not null,
    recorded_at      timestamptz not null,
    primary key (payment_id, entry_id)
);

-- Every back-office command received, once per (payment, operation) and once per command message; the
-- gateway merchantTransactionId of the operation is derived from it, so a resubmission is recognised.
create table backoffice_operation (
    payment_id              text        not null,
    operation_id            text        not null,
    command_message_id      text        not null unique,
    command_type            text        not null,
    operation_type          text        not null,
    merchant_id             text        not null,
    amount_minor            bigint,
    currency                text,
    merchant_transaction_id text        not null unique,
    correlation_id          text        not null,
    state                   text        not null,
    gateway_transaction_id  text,
    result_code             text,
    result_description      text,
    reason_code             text,
    reason                  text,
    checks_made             integer     not null default 0,
    next_check_at           timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    primary key (payment_id, operation_id),
    constraint backoffice_operation_state_check
        check (state in ('SUBMITTING', 'SUCCEEDED', 'REJECTED', 'UNKNOWN'))
);

-- The janitor's scan: operations whose gateway outcome is not known yet.
create index backoffice_operation_open_idx on backoffice_operation (next_check_at)
    where state in ('SUBMITTING', 'UNKNOWN');
