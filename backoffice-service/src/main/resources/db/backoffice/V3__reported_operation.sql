-- Back-office transactions the gateway reported itself (a webhook, confirmed by its query endpoint): chargebacks,
-- their reversals and receipts, whoever originated them. One row per gateway transaction, so that each one is
-- published once however often it is reported, and what became of it can be looked up.
create table reported_operation (
    merchant_id                    text        not null,
    gateway_transaction_id         text        not null,
    operation_type                 text        not null,
    amount_minor                   bigint      not null,
    currency                       text        not null,
    merchant_transaction_id        text,
    referenced_id                  text,
    payment_gateway_transaction_id text,
    payment_id                     text,
    outcome                        text        not null,
    -- for a recorded operation the merchant could not have carried out (e.g. a chargeback above what is left to
    -- refund): the rule it breaks; the bank did it, so it is recorded all the same
    flag                           text,
    flag_reason                    text,
    event_message_id               text,
    times_reported                 integer     not null default 1,
    first_reported_at              timestamptz not null,
    last_reported_at               timestamptz not null,
    primary key (merchant_id, gateway_transaction_id),
    constraint reported_operation_outcome_check
        check (outcome in ('RECEIVED', 'RECORDED', 'OWN_OPERATION', 'UNKNOWN_PAYMENT', 'CURRENCY_MISMATCH'))
);

create index reported_operation_payment_idx on reported_operation (payment_id) where payment_id is not null;

-- A reported transaction names its payment by the gateway's id (of the payment, its capture, a chargeback) or,
-- failing that, by the payment's merchantTransactionId.
create index payment_balance_gateway_id_idx on payment_balance (merchant_id, gateway_transaction_id);
create index payment_balance_mtid_idx on payment_balance (merchant_id, merchant_transaction_id);
create index backoffice_operation_gateway_id_idx on backoffice_operation (merchant_id, gateway_transaction_id)
    where gateway_transaction_id is not null;
