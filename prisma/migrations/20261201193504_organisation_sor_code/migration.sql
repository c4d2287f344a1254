-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "sorCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_sorCode_key" ON "Organisation"("sorCode");

