-- The gateway account an attempt is sent to, written family:account (opp:merchant-a). Routing chooses it per payment
-- and a failover moves it to the next account of the route; the recovery job resolves the attempt there. Attempts
-- recorded before routing were all sent to the OPP account keyed by their merchant's id.
alter table payment_attempt add column gateway_account text;
update payment_attempt set gateway_account = 'opp:' || merchant_id where gateway_account is null;
alter table payment_attempt alter column gateway_account set not null;
-- a payment on a stored card goes to the account that stored it
create index payment_attempt_created_registration on payment_attempt (merchant_id, created_registration_id)
    where created_registration_id is not null;
