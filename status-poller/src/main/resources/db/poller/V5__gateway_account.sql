-- The gateway account that processed a tracked payment, written family:account (opp:merchant-a), as its events name
-- it; null for a payment whose events named none (processed before s2spay routed payments): it is resolved at its
-- merchant's account keyed by the merchant's id, as before.
alter table tracked_payment add column gateway_account text;
