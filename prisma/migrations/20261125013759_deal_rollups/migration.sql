-- CreateTable
CREATE TABLE "deal_fact" (
    "deal_id" UUID NOT NULL,
    "review_status" "ReviewStatus" NOT NULL,
    "type" "DealType" NOT NULL,
    "status" "DealStatus" NOT NULL,
    "day" DATE NOT NULL,
    "month" DATE NOT NULL,
    "amount_usd" DECIMAL(24,4),
    "tags" TEXT[],
    "regions" TEXT[],
    "sectors" TEXT[],
    "markets" TEXT[],
    "continent_keys" TEXT[],
    "sub_region_keys" TEXT[],
    "intermediate_region_keys" TEXT[],
    "country_keys" TEXT[],
    "sector_keys" TEXT[],
    "entity_ids" UUID[],

    CONSTRAINT "deal_fact_pkey" PRIMARY KEY ("deal_id")
);

-- CreateTable
CREATE TABLE "deal_rollup" (
    "region" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "review_status" "ReviewStatus" NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "total_usd" DECIMAL(38,4) NOT NULL,
    "priced" INTEGER NOT NULL,

    CONSTRAINT "deal_rollup_pkey" PRIMARY KEY ("region","sector","kind","review_status","key")
);

-- CreateTable
CREATE TABLE "deal_rollup_month" (
    "kind" TEXT NOT NULL,
    "review_status" "ReviewStatus" NOT NULL,
    "month" DATE NOT NULL,
    "type" "DealType" NOT NULL,
    "status" "DealStatus" NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "total_usd" DECIMAL(38,4) NOT NULL,
    "priced" INTEGER NOT NULL,

    CONSTRAINT "deal_rollup_month_pkey" PRIMARY KEY ("kind","review_status","month","type","status","key")
);

-- CreateIndex
CREATE INDEX "deal_fact_tags_idx" ON "deal_fact" USING GIN ("tags" array_ops);

-- ─────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: the functions and triggers that keep deal_fact, deal_rollup and deal_rollup_month
-- exact in the same transaction as every write to deal, deal_participant, deal_region and
-- deal_sector (the API, the importer's set-based SQL, the seed, raw SQL alike). Statement-level
-- triggers with transition tables: one refresh per statement, however many rows it touched.
-- The migration runner sends each file through the simple query protocol (pg) or PGlite's exec,
-- so dollar-quoted bodies arrive whole.

-- The fact row of each visible deal among `ids` (deleted or merged deals have none).
CREATE FUNCTION deal_fact_rows(deal_ids uuid[]) RETURNS SETOF deal_fact
LANGUAGE sql STABLE AS $fn$
  SELECT d.id, d.review_status, d.type, d.status, dd.day, date_trunc('month', dd.day)::date, d.amount_usd,
    ARRAY['v:' || d.review_status::text, 't:' || d.type::text, 'u:' || d.status::text,
          'm:' || to_char(dd.day, 'YYYY-MM')]
      || ARRAY(SELECT 'r:' || x FROM unnest(rn.nodes) x)
      || ARRAY(SELECT 's:' || x FROM unnest(sn.nodes) x),
    rn.nodes, sn.nodes, rg.markets, rg.continents, rg.subs, rg.intermediates, rg.countries, sn.codes, pt.entities
  FROM deal d
  CROSS JOIN LATERAL (
    SELECT COALESCE(d.announced_at, (d.first_reported_at AT TIME ZONE 'UTC')::date) AS day
  ) dd
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(DISTINCT r.code), '{}') AS markets,
      COALESCE(array_agg(DISTINCT COALESCE(r.continent_code, '001')), '{}') AS continents,
      COALESCE(array_agg(DISTINCT COALESCE(r.sub_region_code, r.continent_code, '001')), '{}') AS subs,
      COALESCE(array_agg(DISTINCT COALESCE(r.intermediate_region_code, r.sub_region_code, r.continent_code, '001')),
        '{}') AS intermediates,
      COALESCE(array_agg(DISTINCT COALESCE(r.country_code, r.intermediate_region_code, r.sub_region_code,
        r.continent_code, '001')), '{}') AS countries
    FROM deal_region dr JOIN region r ON r.code = dr.region_code WHERE dr.deal_id = d.id
  ) rg
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(DISTINCT n), '{}') AS nodes
    FROM deal_region dr JOIN region r ON r.code = dr.region_code CROSS JOIN unnest(string_to_array(r.path, '/')) n
    WHERE dr.deal_id = d.id
  ) rn
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(DISTINCT s.code), '{}') AS codes,
      COALESCE((SELECT array_agg(DISTINCT n) FROM deal_sector ds2 JOIN sector s2 ON s2.code = ds2.sector_code
        CROSS JOIN unnest(string_to_array(s2.path, '/')) n WHERE ds2.deal_id = d.id), '{}') AS nodes
    FROM deal_sector ds JOIN sector s ON s.code = ds.sector_code WHERE ds.deal_id = d.id
  ) sn
  CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(DISTINCT p.entity_id), '{}') AS entities FROM deal_participant p WHERE p.deal_id = d.id
  ) pt
  WHERE d.id = ANY(deal_ids) AND d.deleted_at IS NULL AND d.merged_into_id IS NULL
$fn$;

-- Adds the fact rows `news` to the rollups and takes `olds` out, in key order (concurrent writers
-- lock the shared rows in the same order).
CREATE FUNCTION deal_rollup_apply(olds deal_fact[], news deal_fact[]) RETURNS void
LANGUAGE plpgsql SET work_mem = '64MB' AS $fn$
BEGIN
  -- Each fact row counts once in every (filter, bucket) pair it falls in: the filters are none,
  -- each of its regions, each of its sectors; the buckets are the deal itself, its type, status,
  -- month, and its distinct keys at each region level and sector (two zipped arrays each).
  WITH delta AS (
    SELECT -1 AS sign, f.* FROM unnest(olds) f
    UNION ALL SELECT 1, f.* FROM unnest(news) f
  ), cells AS (
    SELECT rs.region, rs.sector, k.kind, f.review_status, k.key, f.sign, f.amount_usd
    FROM delta f
    CROSS JOIN LATERAL unnest(
      ARRAY[''] || f.regions || array_fill(''::text, ARRAY[cardinality(f.sectors)]),
      ARRAY[''] || array_fill(''::text, ARRAY[cardinality(f.regions)]) || f.sectors
    ) rs(region, sector)
    CROSS JOIN LATERAL unnest(
      ARRAY['deal', 'type', 'status', 'month']
        || array_fill('continent'::text, ARRAY[cardinality(f.continent_keys)])
        || array_fill('sub_region'::text, ARRAY[cardinality(f.sub_region_keys)])
        || array_fill('intermediate_region'::text, ARRAY[cardinality(f.intermediate_region_keys)])
        || array_fill('country'::text, ARRAY[cardinality(f.country_keys)])
        || array_fill('sector'::text, ARRAY[cardinality(f.sector_keys)]),
      ARRAY['', f.type::text, f.status::text, to_char(f.month, 'YYYY-MM')]
        || f.continent_keys || f.sub_region_keys || f.intermediate_region_keys || f.country_keys || f.sector_keys
    ) k(kind, key)
    UNION ALL
    SELECT '', '', k.kind, f.review_status, k.key, f.sign, f.amount_usd
    FROM delta f
    CROSS JOIN LATERAL unnest(
      array_fill('market'::text, ARRAY[cardinality(f.markets)])
        || array_fill('company'::text, ARRAY[cardinality(f.entity_ids)]),
      f.markets || f.entity_ids::text[]
    ) k(kind, key)
  )
  INSERT INTO deal_rollup AS t (region, sector, kind, review_status, key, count, total_usd, priced)
  SELECT region, sector, kind, review_status, key, sum(sign), COALESCE(sum(sign * amount_usd), 0),
    sum(CASE WHEN amount_usd IS NULL THEN 0 ELSE sign END)
  FROM cells GROUP BY region, sector, kind, review_status, key
  HAVING sum(sign) <> 0 OR COALESCE(sum(sign * amount_usd), 0) <> 0
  ORDER BY region, sector, kind, review_status, key
  ON CONFLICT (region, sector, kind, review_status, key) DO UPDATE
    SET count = t.count + excluded.count, total_usd = t.total_usd + excluded.total_usd,
        priced = t.priced + excluded.priced;

  WITH delta AS (
    SELECT -1 AS sign, f.* FROM unnest(olds) f
    UNION ALL SELECT 1, f.* FROM unnest(news) f
  ), cells AS (
    SELECT k.kind, f.review_status, f.month, f.type, f.status, k.key, f.sign, f.amount_usd
    FROM delta f
    CROSS JOIN LATERAL unnest(
      ARRAY['deal']
        || array_fill('continent'::text, ARRAY[cardinality(f.continent_keys)])
        || array_fill('sub_region'::text, ARRAY[cardinality(f.sub_region_keys)])
        || array_fill('intermediate_region'::text, ARRAY[cardinality(f.intermediate_region_keys)])
        || array_fill('country'::text, ARRAY[cardinality(f.country_keys)])
        || array_fill('sector'::text, ARRAY[cardinality(f.sector_keys)]),
      ARRAY[''] || f.continent_keys || f.sub_region_keys || f.intermediate_region_keys || f.country_keys
        || f.sector_keys
    ) k(kind, key)
  )
  INSERT INTO deal_rollup_month AS t (kind, review_status, month, type, status, key, count, total_usd, priced)
  SELECT kind, review_status, month, type, status, key, sum(sign), COALESCE(sum(sign * amount_usd), 0),
    sum(CASE WHEN amount_usd IS NULL THEN 0 ELSE sign END)
  FROM cells GROUP BY kind, review_status, month, type, status, key
  HAVING sum(sign) <> 0 OR COALESCE(sum(sign * amount_usd), 0) <> 0
  ORDER BY kind, review_status, month, type, status, key
  ON CONFLICT (kind, review_status, month, type, status, key) DO UPDATE
    SET count = t.count + excluded.count, total_usd = t.total_usd + excluded.total_usd,
        priced = t.priced + excluded.priced;
END
$fn$;

-- Recomputes the fact rows of `ids` and moves the rollups by the difference (deals whose fact row
-- did not change cost one comparison). One statement that writes a deal and its parts at once
-- (the importer's) fires up to four triggers after all its changes: the deals the first one
-- refreshed are skipped by the others (remembered for the statement in a transaction-local setting).
CREATE FUNCTION deal_facts_refresh(ids uuid[]) RETURNS void
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
    DELETE FROM deal_fact WHERE deal_id IN (SELECT (o).deal_id FROM unnest(olds) o);
    INSERT INTO deal_fact SELECT * FROM unnest(news);
  END IF;
  IF cardinality(done) <= 20000 THEN
    PERFORM set_config('dealgraph.facts_stamp', stamp, true), set_config('dealgraph.facts_ids', done::text, true);
  END IF;
END
$fn$;

-- Rebuilds everything from the base tables (after a bulk load with the triggers off).
CREATE FUNCTION deal_rollups_rebuild() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE deal_fact, deal_rollup, deal_rollup_month;
  INSERT INTO deal_fact SELECT * FROM deal_fact_rows(ARRAY(SELECT id FROM deal));
  PERFORM deal_rollup_apply('{}', ARRAY(SELECT f FROM deal_fact f));
END
$fn$;

CREATE FUNCTION deal_facts_on_deal() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM deal_facts_refresh(ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM deal_facts_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.type, n.status, n.review_status, n.announced_at, n.first_reported_at, n.amount_usd, n.deleted_at,
             n.merged_into_id)
        IS DISTINCT FROM (o.type, o.status, o.review_status, o.announced_at, o.first_reported_at, o.amount_usd,
             o.deleted_at, o.merged_into_id)));
  ELSE
    PERFORM deal_facts_refresh(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;

CREATE FUNCTION deal_facts_on_part() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM deal_facts_refresh(ARRAY(SELECT DISTINCT deal_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM deal_facts_refresh(ARRAY(SELECT deal_id FROM new_rows UNION SELECT deal_id FROM old_rows));
  ELSE
    PERFORM deal_facts_refresh(ARRAY(SELECT DISTINCT deal_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER deal_facts_insert AFTER INSERT ON deal REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_deal();
CREATE TRIGGER deal_facts_update AFTER UPDATE ON deal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_deal();
CREATE TRIGGER deal_facts_delete AFTER DELETE ON deal REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_deal();

CREATE TRIGGER deal_facts_insert AFTER INSERT ON deal_region REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_update AFTER UPDATE ON deal_region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_delete AFTER DELETE ON deal_region REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();

CREATE TRIGGER deal_facts_insert AFTER INSERT ON deal_sector REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_update AFTER UPDATE ON deal_sector REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_delete AFTER DELETE ON deal_sector REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();

CREATE TRIGGER deal_facts_insert AFTER INSERT ON deal_participant REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_update AFTER UPDATE ON deal_participant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();
CREATE TRIGGER deal_facts_delete AFTER DELETE ON deal_participant REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION deal_facts_on_part();

-- Existing databases: facts and rollups of the deals already there.
SELECT deal_rollups_rebuild();
