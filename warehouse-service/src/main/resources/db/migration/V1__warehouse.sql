-- The warehouse: one row per event, keyed by the event id, so a redelivered or replayed event finds its row and
-- changes nothing. Written for both H2 (in PostgreSQL mode) and PostgreSQL. Every table has the event's metadata
-- (event_id, event_time, event_source), when the warehouse wrote the row (written_at), then every field of the event.
-- Column sizes follow the event's JSON Schema: a record that breaks it is refused and dead-lettered.

CREATE TABLE users (
    event_id          VARCHAR(255)             NOT NULL,
    event_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    event_source      VARCHAR(255)             NOT NULL,
    written_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id           UUID                     NOT NULL,
    email             VARCHAR(254)             NOT NULL,
    display_name      VARCHAR(100)             NOT NULL,
    country           VARCHAR(2)               NOT NULL,
    marketing_consent BOOLEAN                  NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (event_id)
);
-- GET /api/analytics/history/users?country=: newest registrations of a country first
CREATE INDEX users_country_event_time_idx ON users (country, event_time);

CREATE TABLE transactions (
    event_id         VARCHAR(255)             NOT NULL,
    event_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    event_source     VARCHAR(255)             NOT NULL,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    transaction_id   UUID                     NOT NULL,
    account_id       VARCHAR(64)              NOT NULL,
    amount           NUMERIC(19, 4)           NOT NULL,
    currency         VARCHAR(3)               NOT NULL,
    direction        VARCHAR(6)               NOT NULL,
    merchant         VARCHAR(1000)            NOT NULL,
    merchant_country VARCHAR(2)               NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT transactions_pk PRIMARY KEY (event_id),
    CONSTRAINT transactions_direction_check CHECK (direction IN ('DEBIT', 'CREDIT'))
);
-- GET /api/analytics/history/accounts/{accountId}/transactions?from=&to=
CREATE INDEX transactions_account_occurred_at_idx ON transactions (account_id, occurred_at);

CREATE TABLE weather_readings (
    event_id            VARCHAR(255)             NOT NULL,
    event_time          TIMESTAMP WITH TIME ZONE NOT NULL,
    event_source        VARCHAR(255)             NOT NULL,
    written_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    station_id          VARCHAR(64)              NOT NULL,
    observed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    temperature_celsius DOUBLE PRECISION         NOT NULL,
    humidity_percent    DOUBLE PRECISION         NOT NULL,
    pressure_hpa        DOUBLE PRECISION,
    CONSTRAINT weather_readings_pk PRIMARY KEY (event_id)
);
-- GET /api/analytics/history/stations/{stationId}/readings?from=&to=
CREATE INDEX weather_readings_station_observed_at_idx ON weather_readings (station_id, observed_at);
