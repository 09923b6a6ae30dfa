-- Hand-written (Prisma's schema cannot express expression or partial indexes; its diff ignores them).

-- Deal lists and deep pages: the keyset (day, id) in index order, the day as deal.filter.ts#DEAL_DAY
-- computes it (the announcement, else the UTC day of the first report).
CREATE INDEX "deal_day_idx" ON "deal" ((COALESCE("announced_at", ("first_reported_at" AT TIME ZONE 'UTC')::date)) DESC, "id" DESC)
  WHERE "deleted_at" IS NULL AND "merged_into_id" IS NULL;

-- An entity's first claims on either side: two ordered, limited scans (claim.service.ts#listClaimsOfEntity).
CREATE INDEX "claim_subject_live_idx" ON "claim" ("subject_id", "created_at", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "claim_object_live_idx" ON "claim" ("object_id", "created_at", "id") WHERE "deleted_at" IS NULL;
