-- A non-instant bank transfer approved at the bank is tracked until its receipt, apart from abandoned redirects.
alter table tracked_payment drop constraint tracked_payment_status_check;
alter table tracked_payment add constraint tracked_payment_status_check
    check (status in ('REDIRECT_PENDING', 'UNKNOWN', 'AWAITING_RECEIPT', 'CLOSED'));
