-- The client that subscribed an address (Subscription.clientId): only it and platform:admin see or delete the
-- subscription. Subscriptions from before have none and are the administrator's.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS client_id VARCHAR(100);
