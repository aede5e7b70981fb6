-- The command checkout sent for a payment: a PaymentCommandRejected about any other command (e.g. a duplicate
-- sent by another system) must not fail the payment.
alter table payment add column command_message_id text;
