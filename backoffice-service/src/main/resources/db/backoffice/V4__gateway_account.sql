-- The gateway account (family:account, e.g. opp:merchant-a) that processed each payment, as the initial payment's
-- events name it (PaymentEventEnvelope.gateway): every operation on the payment is sent there. Null for a payment
-- processed before s2spay routed payments; it goes to the merchant's account keyed by its id, as it always did.
alter table payment_balance add column gateway_account text;

-- The account an operation was sent to (or would have been), so that the janitor resolves it at the same account.
-- Null for operations admitted before this column: the payment's account, as above.
alter table backoffice_operation add column gateway_account text;
