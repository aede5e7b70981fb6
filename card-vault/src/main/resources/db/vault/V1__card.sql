-- The encrypted card store (rule 3 of ARCHITECTURE.md): number, holder and security code are AES-256-GCM
-- ciphertexts (version | iv | ciphertext+tag) bound to (vault_id, merchant_id, field); only what card rules
-- allow to be shown (BIN, last four, brand, expiry) is kept in clear.
create table card (
    vault_id                 text        primary key,
    merchant_id              text        not null,
    key_id                   text        not null,
    number_ciphertext        bytea       not null,
    holder_ciphertext        bytea,
    security_code_ciphertext bytea,
    bin                      text        not null,
    last4_digits             text        not null,
    brand                    text        not null,
    expiry_month             smallint    not null,
    expiry_year              smallint    not null,
    created_at               timestamptz not null default now(),
    security_code_erased_at  timestamptz
);

comment on column card.key_id is 's2spay.vault.key-id of the key the ciphertexts were sealed with (key rotation)';
comment on column card.security_code_ciphertext is 'null once erased after the authorization completed';
