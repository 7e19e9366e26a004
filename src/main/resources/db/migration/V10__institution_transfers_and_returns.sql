-- The message portfolio (contract 1.1): a payment is a customer transfer (pacs.008), an institution's
-- own transfer (pacs.009) or a return (pacs.004) that names the payment it returns. Returns of one
-- payment are found by return_of, to list them and to keep their sum within the original.
ALTER TABLE payment ADD COLUMN kind VARCHAR(11) DEFAULT 'CUSTOMER' NOT NULL;
ALTER TABLE payment ADD COLUMN return_of UUID;
CREATE INDEX payment_return_of_ix ON payment (return_of);
