-- Every payment whose outcome is not final, with what the janitor needs to resolve it at the gateway.
-- Rows are closed (not deleted) on a final event so that a late non-final event cannot reopen them;
-- closed rows are purged after a retention period.
create table tracked_payment (
    payment_id              text        primary key,
    merchant_id             text        not null,
    merchant_transaction_id text        not null,
    gateway_transaction_id  text,
    payment_type            text        not null,
    amount_minor            bigint      not null,
    currency                text        not null,
    status                  text        not null,
    correlation_id          text        not null,
    caused_by_message_id    text        not null,
    since                   timestamptz not null,
    next_check_at           timestamptz not null,
    checks_made             integer     not null default 0,
    last_checked_at         timestamptz,
    last_result             text,
    closed_at               timestamptz,
    closed_by               text,
    constraint tracked_payment_status_check
        check (status in ('REDIRECT_PENDING', 'UNKNOWN', 'CLOSED'))
);

-- The janitor's scan: only open rows, by due time.
create index tracked_payment_due_idx on tracked_payment (next_check_at) where status <> 'CLOSED';
create index tracked_payment_closed_idx on tracked_payment (closed_at) where status = 'CLOSED';
