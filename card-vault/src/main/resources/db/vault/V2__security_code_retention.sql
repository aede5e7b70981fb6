-- The security-code retention job (ExpiredSecurityCodeEraser) looks for codes still held, by age: a partial index
-- keeps that lookup small however many cards the vault keeps without a code.
create index card_security_code_held_created_at on card (created_at) where security_code_ciphertext is not null;
