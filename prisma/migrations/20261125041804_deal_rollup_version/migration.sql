-- CreateTable
CREATE TABLE "deal_rollup_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "deal_rollup_state_pkey" PRIMARY KEY ("id")
);

-- ─────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: the refresh stamps the row with its transaction's id whenever it moves a rollup.
-- Transaction ids are never reused within a cluster, so a version names one state of the rollups:
-- a reader that reads the version before computing an answer from the rollups can cache the
-- answer under it (the answer is never older than the version says), and once a write commits
-- every reader sees a new version and recomputes. A database restored from a backup carries the
-- version of the state it restores, so a cached answer under it still matches. Every writer
-- already locks the rollup rows it shares with others (the unfiltered buckets), so this row adds
-- no new serialisation.
CREATE FUNCTION deal_rollup_touch() RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO deal_rollup_state (id, version) VALUES (1, pg_current_xact_id()::text::bigint)
  ON CONFLICT (id) DO UPDATE SET version = excluded.version;
$fn$;

SELECT deal_rollup_touch();

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
    PERFORM deal_rollup_touch();
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
  PERFORM deal_rollup_touch();
END
$fn$;
