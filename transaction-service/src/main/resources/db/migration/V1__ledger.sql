-- The ledger (entity Transaction) and the idempotency keys of the requests that created it (IdempotencyKey). SQL
-- that H2 and PostgreSQL both accept; IF NOT EXISTS adopts a data directory whose tables Hibernate created before
-- the service had migrations.
CREATE TABLE IF NOT EXISTS transactions (
  id                UUID                        NOT NULL PRIMARY KEY,
  account_id        VARCHAR(64)                 NOT NULL,
  amount            NUMERIC(19, 4)              NOT NULL,
  currency          VARCHAR(3)                  NOT NULL,
  direction         VARCHAR(6)                  NOT NULL,
  merchant          VARCHAR(100)                NOT NULL,
  merchant_country  VARCHAR(2)                  NOT NULL,
  occurred_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  recorded_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
-- GET /api/transactions?accountId=: an account's transactions, newest first
CREATE INDEX IF NOT EXISTS transactions_by_account ON transactions (account_id, occurred_at);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  id                  UUID                        NOT NULL PRIMARY KEY,
  client_id           VARCHAR(255)                NOT NULL,
  idempotency_key     VARCHAR(255)                NOT NULL,
  request_fingerprint VARCHAR(64)                 NOT NULL,
  transaction_id      UUID                        NOT NULL,
  created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_idempotency_client_key UNIQUE (client_id, idempotency_key)
);
