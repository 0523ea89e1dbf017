-- Deliveries (Delivery), alert throttling windows (AlertWindow), subscriptions (Subscription) and opt-outs (OptOut).
-- SQL that H2 and PostgreSQL both accept; IF NOT EXISTS adopts a data directory whose tables Hibernate created
-- before the service had migrations.
CREATE TABLE IF NOT EXISTS notification_deliveries (
  id         UUID                        NOT NULL PRIMARY KEY,
  event_id   VARCHAR(255),
  type       VARCHAR(30)                 NOT NULL,
  recipient  VARCHAR(254)                NOT NULL,
  language   VARCHAR(10)                 NOT NULL,
  concerning VARCHAR(100),
  subject    VARCHAR(500)                NOT NULL,
  status     VARCHAR(20)                 NOT NULL,
  cause      VARCHAR(1000),
  attempts   INTEGER                     NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  release_at TIMESTAMP(6) WITH TIME ZONE,
  digest_id  UUID,
  payload    VARCHAR(65535),
  CONSTRAINT uk_delivery_event_type_recipient UNIQUE (event_id, type, recipient)
);
CREATE INDEX IF NOT EXISTS ix_delivery_created ON notification_deliveries (created_at);
CREATE INDEX IF NOT EXISTS ix_delivery_held ON notification_deliveries (status, release_at);

CREATE TABLE IF NOT EXISTS alert_windows (
  id         UUID                        NOT NULL PRIMARY KEY,
  type       VARCHAR(30)                 NOT NULL,
  concerning VARCHAR(100)                NOT NULL,
  recipient  VARCHAR(254)                NOT NULL,
  closes_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  digest_due BOOLEAN                     NOT NULL,
  CONSTRAINT uk_alert_window UNIQUE (type, concerning, recipient)
);

CREATE TABLE IF NOT EXISTS subscriptions (
  id         UUID                        NOT NULL PRIMARY KEY,
  kind       VARCHAR(20)                 NOT NULL,
  target     VARCHAR(100)                NOT NULL,
  email      VARCHAR(254)                NOT NULL,
  language   VARCHAR(10)                 NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_subscription UNIQUE (kind, target, email)
);

CREATE TABLE IF NOT EXISTS opt_outs (
  email      VARCHAR(254)                NOT NULL PRIMARY KEY,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
