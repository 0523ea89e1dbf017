-- The registered users (entity User). SQL that H2 and PostgreSQL both accept; IF NOT EXISTS adopts a data
-- directory whose tables Hibernate created before the service had migrations.
CREATE TABLE IF NOT EXISTS users (
  id                UUID                        NOT NULL PRIMARY KEY,
  email             VARCHAR(254)                NOT NULL,
  display_name      VARCHAR(100)                NOT NULL,
  country           VARCHAR(2)                  NOT NULL,
  marketing_consent BOOLEAN                     NOT NULL,
  registered_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT uk_users_email UNIQUE (email)
);
