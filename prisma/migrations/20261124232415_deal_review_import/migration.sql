-- AlterTable
ALTER TABLE "deal" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "import_key" TEXT,
ADD COLUMN     "review_reason" TEXT;

-- AlterTable
ALTER TABLE "entity" ADD COLUMN     "review_reason" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "deal_import_key_key" ON "deal"("import_key");
