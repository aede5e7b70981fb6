-- The whole lifecycle in the read model: the money movements every event tells, the status a merchant sees
-- (derived from the initial payment's state and the movements), every operation on the payment, stored cards.
alter table payment
    add column lifecycle_status          text,
    add column authorized_minor          bigint  not null default 0,
    add column debited_minor             bigint  not null default 0,
    add column captured_minor            bigint  not null default 0,
    add column reversed_minor            bigint  not null default 0,
    add column refunded_minor            bigint  not null default 0,
    add column rebilled_minor            bigint  not null default 0,
    add column charged_back_minor        bigint  not null default 0,
    add column chargeback_reversed_minor bigint  not null default 0,
    add column receipt_minor             bigint  not null default 0,
    add column store_card                boolean not null default false,
    add column stored_credential_type    text,
    add column stored_credential_id      text;

update payment set lifecycle_status = status where lifecycle_status is null;
alter table payment alter column lifecycle_status set not null;

create index payment_merchant_created_id_idx on payment (merchant_id, created_at desc, payment_id desc);
create index payment_merchant_status_idx on payment (merchant_id, lifecycle_status, created_at desc);
create index payment_merchant_mtid_idx on payment (merchant_id, merchant_transaction_id);

-- An operation on a payment (capture, refund, ...): asked through this API (origin api), by another system over
-- Kafka (origin kafka) or by the bank (origin gateway, operation ids 'gateway:<id>'). Operation ids are unique per
-- payment, as in the back-office commands.
create table payment_operation (
    payment_id             text        not null,
    operation_id           text        not null,
    merchant_id            text        not null,
    operation_type         text        not null,
    status                 text        not null,
    amount_minor           bigint,
    currency               text        not null,
    reference              text,
    origin                 text        not null,
    command_message_id     text,
    result_code            text,
    result_description     text,
    gateway_transaction_id text,
    rejection_code         text,
    rejection_reason       text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    primary key (payment_id, operation_id)
);

create index payment_operation_created_idx on payment_operation (payment_id, created_at);

-- A card stored at the gateway (OPP registration) by a customer-initiated payment with storeCard, charged later
-- as merchant-initiated transactions. The id is the gateway's registration id; only its merchant may use it.
create table stored_credential (
    stored_credential_id   text        primary key,
    merchant_id            text        not null,
    payment_id             text        not null,
    credential_type        text        not null,
    status                 text        not null,
    payment_brand          text,
    initial_transaction_id text,
    card_bin               text,
    card_last4_digits      text,
    card_brand             text,
    card_expiry_month      smallint,
    card_expiry_year       smallint,
    delete_command_id      text,
    failure_reason         text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
