-- CreateTable
CREATE TABLE "deal_rollup_signature" (
    "level" TEXT NOT NULL,
    "review_status" "ReviewStatus" NOT NULL,
    "signature" TEXT NOT NULL,
    "region_keys" TEXT[],
    "sector_keys" TEXT[],
    "count" INTEGER NOT NULL,
    "total_usd" DECIMAL(38,4) NOT NULL,

    CONSTRAINT "deal_rollup_signature_pkey" PRIMARY KEY ("level","review_status","signature")
);

-- ─────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: deal_rollup_signature kept by the same refresh as the other rollups.

CREATE FUNCTION deal_rollup_signature_apply(olds deal_fact[], news deal_fact[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  WITH delta AS (
    SELECT -1 AS sign, f.* FROM unnest(olds) f
    UNION ALL SELECT 1, f.* FROM unnest(news) f
  ), cells AS (
    SELECT l.level, f.review_status, l.keys AS region_keys, f.sector_keys, f.sign, f.amount_usd
    FROM delta f
    CROSS JOIN LATERAL (VALUES ('continent', f.continent_keys), ('sub_region', f.sub_region_keys),
      ('intermediate_region', f.intermediate_region_keys), ('country', f.country_keys)) l(level, keys)
  )
  INSERT INTO deal_rollup_signature AS t (level, review_status, signature, region_keys, sector_keys, count, total_usd)
  SELECT level, review_status, array_to_string(region_keys, ',') || '|' || array_to_string(sector_keys, ','),
    region_keys, sector_keys, sum(sign), COALESCE(sum(sign * amount_usd), 0)
  FROM cells GROUP BY level, review_status, region_keys, sector_keys
  HAVING sum(sign) <> 0 OR COALESCE(sum(sign * amount_usd), 0) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (level, review_status, signature) DO UPDATE
    SET count = t.count + excluded.count, total_usd = t.total_usd + excluded.total_usd;
END
$fn$;

CREATE OR REPLACE FUNCTION deal_facts_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  olds deal_fact[];
  news deal_fact[];
  stamp text := statement_timestamp()::text;
  done uuid[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  IF current_setting('dealgraph.facts_stamp', true) IS NOT DISTINCT FROM stamp THEN
    done := current_setting('dealgraph.facts_ids')::uuid[];
    ids := ARRAY(SELECT x FROM unnest(ids) x EXCEPT SELECT y FROM unnest(done) y);
    IF cardinality(ids) = 0 THEN
      RETURN;
    END IF;
    done := done || ids;
  ELSE
    done := ids;
  END IF;
  WITH old AS MATERIALIZED (SELECT f FROM deal_fact f WHERE f.deal_id = ANY(ids)),
  fresh AS MATERIALIZED (SELECT n FROM deal_fact_rows(ids) n)
  SELECT array_agg(old.f) FILTER (WHERE (old.f).deal_id IS NOT NULL),
         array_agg(fresh.n) FILTER (WHERE (fresh.n).deal_id IS NOT NULL)
  INTO olds, news
  FROM old FULL JOIN fresh ON (fresh.n).deal_id = (old.f).deal_id
  WHERE old.f IS DISTINCT FROM fresh.n;
  IF olds IS NOT NULL OR news IS NOT NULL THEN
    PERFORM deal_rollup_apply(COALESCE(olds, '{}'), COALESCE(news, '{}'));
    PERFORM deal_rollup_signature_apply(COALESCE(olds, '{}'), COALESCE(news, '{}'));
    DELETE FROM deal_fact WHERE deal_id IN (SELECT (o).deal_id FROM unnest(olds) o);
    INSERT INTO deal_fact SELECT * FROM unnest(news);
  END IF;
  IF cardinality(done) <= 20000 THEN
    PERFORM set_config('dealgraph.facts_stamp', stamp, true), set_config('dealgraph.facts_ids', done::text, true);
  END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION deal_rollups_rebuild() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE deal_fact, deal_rollup, deal_rollup_month, deal_rollup_signature;
  INSERT INTO deal_fact SELECT * FROM deal_fact_rows(ARRAY(SELECT id FROM deal));
  PERFORM deal_rollup_apply('{}', ARRAY(SELECT f FROM deal_fact f));
  PERFORM deal_rollup_signature_apply('{}', ARRAY(SELECT f FROM deal_fact f));
END
$fn$;

-- Existing databases: the signatures of the deals already there.
SELECT deal_rollup_signature_apply('{}', ARRAY(SELECT f FROM deal_fact f));
