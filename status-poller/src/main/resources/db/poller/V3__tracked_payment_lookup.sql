-- Webhooks name a payment by the gateway's id or the merchantTransactionId.
create index tracked_payment_gateway_id_idx on tracked_payment (gateway_transaction_id) where status <> 'CLOSED';
create index tracked_payment_mtid_idx on tracked_payment (merchant_id, merchant_transaction_id) where status <> 'CLOSED';
