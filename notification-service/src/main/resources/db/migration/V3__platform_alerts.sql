-- Platform alerts are throttled per rule and route ("route-latency-p99 GET /api/users/{id}"): longer than an
-- account or station id. SET DATA TYPE: the syntax H2 and PostgreSQL both accept.
ALTER TABLE notification_deliveries ALTER COLUMN concerning SET DATA TYPE VARCHAR(300);
ALTER TABLE alert_windows ALTER COLUMN concerning SET DATA TYPE VARCHAR(300);
