-- The gateway account that processed a payment, as its events' envelope names it (family and s2spay's key of the
-- account, e.g. tokens / shop-se): shown on the payment view. Null until an event names one.
alter table payment add column gateway text;
alter table payment add column gateway_account text;
