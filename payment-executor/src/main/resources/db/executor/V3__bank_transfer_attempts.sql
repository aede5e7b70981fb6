-- A bank-transfer attempt (SOFORTUEBERWEISUNG, GIROPAY) is paid at the shopper's bank: it carries neither a vaulted
-- card nor a registration. A card attempt still carries exactly one of them (checked by the executor before insert).
alter table payment_attempt drop constraint payment_attempt_instrument;
alter table payment_attempt add constraint payment_attempt_instrument
    check (vault_id is null or registration_id is null);
