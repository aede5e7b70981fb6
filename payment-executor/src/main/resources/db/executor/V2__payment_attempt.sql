-- One row per gateway attempt of an initial payment (PA/DB). The attempt is recorded (state SUBMITTING) before
-- anything is sent, so a crash between sending and recording the answer is found and resolved by the recovery job
-- through the gateway's query endpoint, never by sending a second charge.
create table payment_attempt (
    attempt_id                  uuid        primary key,
    payment_id                  text        not null,
    merchant_id                 text        not null,
    -- the gateway's merchantTransactionId of this attempt: every (re)submission of the attempt uses it
    merchant_transaction_id     text        not null,
    payment_type                text        not null check (payment_type in ('PA', 'DB')),
    amount_minor                bigint      not null check (amount_minor > 0),
    currency                    char(3)     not null,
    payment_brand               text        not null,
    -- the payment instrument: a card in the vault (masked summary only here) or a stored registration
    vault_id                    text,
    card_bin                    text,
    card_last4                  text,
    card_brand                  text,
    card_expiry_month           int,
    card_expiry_year            int,
    registration_id             text,
    create_registration         boolean     not null default false,
    si_mode                     text,
    si_type                     text,
    si_source                   text,
    si_initial_transaction_id   text,
    shopper_result_url          text,
    descriptor                  text,
    command_message_id          text        not null,
    correlation_id              text        not null,
    state                       text        not null,
    submissions                 int         not null default 0,
    gateway_transaction_id      text,
    result_code                 text,
    result_description          text,
    result_category             text,
    result_timestamp            timestamptz,
    created_registration_id     text,
    outcome_reason              text,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    -- when the recovery job may take over a SUBMITTING attempt (its process is presumed dead after this)
    recover_after               timestamptz not null,
    constraint payment_attempt_one_per_payment unique (payment_id),
    constraint payment_attempt_merchant_transaction_id unique (merchant_id, merchant_transaction_id),
    constraint payment_attempt_instrument check ((vault_id is null) <> (registration_id is null))
);

create index payment_attempt_stuck on payment_attempt (recover_after) where state = 'SUBMITTING';
