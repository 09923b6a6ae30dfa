-- A key's own rate budget in cost points per minute (NULL: the server's RATE_LIMIT_POINTS_PER_MINUTE).
-- The dashboard's key serves every visitor of the dashboard, so it gets a larger one.
ALTER TABLE "api_key" ADD COLUMN "rate_points_per_minute" INTEGER;
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_rate_points_per_minute_check" CHECK ("rate_points_per_minute" > 0);
