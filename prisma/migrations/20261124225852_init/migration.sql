-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('ORGANIZATION', 'PERSON', 'PRODUCT', 'PLACE', 'EVENT');

-- CreateEnum
CREATE TYPE "AliasType" AS ENUM ('LEGAL', 'TRADE', 'FORMER', 'TICKER', 'SHORT', 'TRANSLATION');

-- CreateEnum
CREATE TYPE "Predicate" AS ENUM ('PARTNERS_WITH', 'JOINT_VENTURE_WITH', 'INVESTED_IN', 'ACQUIRED', 'MERGED_WITH', 'LICENSED_TO', 'LAUNCHED', 'DEVELOPED', 'INTEGRATES', 'STATED', 'WARNED_ABOUT', 'SUBSIDIARY_OF', 'HOLDS_ROLE', 'HEADQUARTERED_IN', 'LOCATED_IN', 'TOOK_PLACE_IN', 'ATTENDED', 'ORGANIZED', 'HAS_METRIC');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('ENTITY', 'TEXT', 'NUMBER', 'MONEY', 'DATE');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('ASSERTED', 'INTENT', 'OPINION', 'RUMOURED', 'NEGATED');

-- CreateEnum
CREATE TYPE "Rank" AS ENUM ('PREFERRED', 'NORMAL', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Method" AS ENUM ('MANUAL', 'RULE', 'MODEL', 'IMPORT');

-- CreateEnum
CREATE TYPE "DealType" AS ENUM ('STRATEGIC_PARTNERSHIP', 'CHANNEL_PARTNERSHIP', 'JOINT_VENTURE', 'LICENSING', 'INVESTMENT', 'ACQUISITION', 'MERGER');

-- CreateEnum
CREATE TYPE "DealStatus" AS ENUM ('RUMOURED', 'ANNOUNCED', 'SIGNED', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('PARTNER', 'PRINCIPAL', 'CHANNEL_PARTNER', 'INVESTOR', 'INVESTEE', 'ACQUIRER', 'TARGET', 'SELLER', 'MERGING_PARTY', 'LICENSOR', 'LICENSEE', 'VENTURE_PARENT');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('WORLD', 'CONTINENT', 'SUB_REGION', 'INTERMEDIATE_REGION', 'COUNTRY');

-- CreateEnum
CREATE TYPE "SectorKind" AS ENUM ('ISIC_SECTION', 'ISIC_DIVISION', 'THEME');

-- CreateTable
CREATE TABLE "article" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "published_at" DATE,
    "published_at_precision" "DatePrecision",
    "language" TEXT NOT NULL DEFAULT 'en',
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "metadata" JSONB,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "EntityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "region_code" TEXT,
    "parent_id" UUID,
    "merged_into_id" UUID,
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'ACCEPTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity_alias" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entity_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AliasType" NOT NULL,

    CONSTRAINT "entity_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_id" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entity_id" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "external_id_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mention" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article_id" UUID NOT NULL,
    "entity_id" UUID,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subject_id" UUID NOT NULL,
    "predicate" "Predicate" NOT NULL,
    "value_kind" "ValueKind" NOT NULL,
    "object_id" UUID,
    "value_text" TEXT,
    "value_number" DECIMAL(24,4),
    "value_unit" TEXT,
    "value_date" DATE,
    "value_date_precision" "DatePrecision",
    "qualifier_date" DATE,
    "qualifier_date_precision" "DatePrecision",
    "qualifier_region_code" TEXT,
    "qualifier_sector_code" TEXT,
    "qualifier_amount" DECIMAL(24,4),
    "qualifier_currency" TEXT,
    "qualifier_role" TEXT,
    "modality" "Modality" NOT NULL DEFAULT 'ASSERTED',
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "rank" "Rank" NOT NULL DEFAULT 'NORMAL',
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'PROPOSED',
    "review_reason" TEXT,
    "method" "Method" NOT NULL DEFAULT 'MANUAL',
    "method_version" TEXT,
    "deal_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "speaker_id" UUID,
    "speaker_role" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" "DealType" NOT NULL,
    "status" "DealStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "announced_at" DATE,
    "announced_at_precision" "DatePrecision",
    "first_reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "amount" DECIMAL(24,4),
    "currency" TEXT,
    "amount_usd" DECIMAL(24,4),
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'PROPOSED',
    "merged_into_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_participant" (
    "deal_id" UUID NOT NULL,
    "entity_id" UUID NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "deal_participant_pkey" PRIMARY KEY ("deal_id","entity_id","role")
);

-- CreateTable
CREATE TABLE "deal_region" (
    "deal_id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "deal_region_pkey" PRIMARY KEY ("deal_id","region_code")
);

-- CreateTable
CREATE TABLE "deal_sector" (
    "deal_id" UUID NOT NULL,
    "sector_code" TEXT NOT NULL,

    CONSTRAINT "deal_sector_pkey" PRIMARY KEY ("deal_id","sector_code")
);

-- CreateTable
CREATE TABLE "deal_article" (
    "deal_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deal_article_pkey" PRIMARY KEY ("deal_id","article_id")
);

-- CreateTable
CREATE TABLE "deal_status_change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deal_id" UUID NOT NULL,
    "status" "DealStatus" NOT NULL,
    "article_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "deal_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parent_code" TEXT,
    "path" TEXT NOT NULL,
    "continent_code" TEXT,
    "sub_region_code" TEXT,
    "intermediate_region_code" TEXT,
    "country_code" TEXT,
    "alpha2" TEXT,
    "alpha3" TEXT,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sector" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SectorKind" NOT NULL,
    "parent_code" TEXT,
    "path" TEXT NOT NULL,

    CONSTRAINT "sector_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "fx_rate" (
    "currency" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "usd_per_unit" DECIMAL(18,8) NOT NULL,

    CONSTRAINT "fx_rate_pkey" PRIMARY KEY ("currency","date")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_content_hash_key" ON "article"("content_hash");

-- CreateIndex
CREATE INDEX "article_published_at_idx" ON "article"("published_at");

-- CreateIndex
CREATE INDEX "entity_parent_id_idx" ON "entity"("parent_id");

-- CreateIndex
CREATE INDEX "entity_kind_name_idx" ON "entity"("kind", "name");

-- CreateIndex
CREATE INDEX "entity_alias_name_idx" ON "entity_alias"("name");

-- CreateIndex
CREATE UNIQUE INDEX "entity_alias_entity_id_name_key" ON "entity_alias"("entity_id", "name");

-- CreateIndex
CREATE INDEX "external_id_entity_id_idx" ON "external_id"("entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_id_scheme_value_key" ON "external_id"("scheme", "value");

-- CreateIndex
CREATE INDEX "mention_entity_id_idx" ON "mention"("entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "mention_article_id_start_end_key" ON "mention"("article_id", "start", "end");

-- CreateIndex
CREATE INDEX "claim_subject_id_predicate_idx" ON "claim"("subject_id", "predicate");

-- CreateIndex
CREATE INDEX "claim_object_id_idx" ON "claim"("object_id");

-- CreateIndex
CREATE INDEX "claim_deal_id_idx" ON "claim"("deal_id");

-- CreateIndex
CREATE INDEX "claim_review_status_idx" ON "claim"("review_status");

-- CreateIndex
CREATE INDEX "evidence_article_id_idx" ON "evidence"("article_id");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_claim_id_article_id_start_end_key" ON "evidence"("claim_id", "article_id", "start", "end");

-- CreateIndex
CREATE INDEX "deal_announced_at_idx" ON "deal"("announced_at");

-- CreateIndex
CREATE INDEX "deal_type_status_idx" ON "deal"("type", "status");

-- CreateIndex
CREATE INDEX "deal_participant_entity_id_idx" ON "deal_participant"("entity_id");

-- CreateIndex
CREATE INDEX "deal_region_region_code_idx" ON "deal_region"("region_code");

-- CreateIndex
CREATE INDEX "deal_sector_sector_code_idx" ON "deal_sector"("sector_code");

-- CreateIndex
CREATE INDEX "deal_article_article_id_idx" ON "deal_article"("article_id");

-- CreateIndex
CREATE INDEX "deal_status_change_deal_id_changed_at_idx" ON "deal_status_change"("deal_id", "changed_at");

-- CreateIndex
CREATE UNIQUE INDEX "region_alpha2_key" ON "region"("alpha2");

-- CreateIndex
CREATE UNIQUE INDEX "region_alpha3_key" ON "region"("alpha3");

-- CreateIndex
CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");

-- CreateIndex
CREATE INDEX "region_path_idx" ON "region"("path");

-- CreateIndex
CREATE INDEX "sector_parent_code_idx" ON "sector"("parent_code");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_idx" ON "audit_event"("target_type", "target_id");

-- AddForeignKey
ALTER TABLE "entity" ADD CONSTRAINT "entity_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entity" ADD CONSTRAINT "entity_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entity" ADD CONSTRAINT "entity_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entity_alias" ADD CONSTRAINT "entity_alias_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_id" ADD CONSTRAINT "external_id_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mention" ADD CONSTRAINT "mention_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mention" ADD CONSTRAINT "mention_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_object_id_fkey" FOREIGN KEY ("object_id") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_qualifier_region_code_fkey" FOREIGN KEY ("qualifier_region_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_qualifier_sector_code_fkey" FOREIGN KEY ("qualifier_sector_code") REFERENCES "sector"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal" ADD CONSTRAINT "deal_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_participant" ADD CONSTRAINT "deal_participant_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_participant" ADD CONSTRAINT "deal_participant_entity_id_fkey" FOREIGN KEY ("entity_id") REFERENCES "entity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_region" ADD CONSTRAINT "deal_region_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_region" ADD CONSTRAINT "deal_region_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_sector" ADD CONSTRAINT "deal_sector_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_sector" ADD CONSTRAINT "deal_sector_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_article" ADD CONSTRAINT "deal_article_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_article" ADD CONSTRAINT "deal_article_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_status_change" ADD CONSTRAINT "deal_status_change_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_status_change" ADD CONSTRAINT "deal_status_change_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sector" ADD CONSTRAINT "sector_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "sector"("code") ON DELETE SET NULL ON UPDATE CASCADE;
