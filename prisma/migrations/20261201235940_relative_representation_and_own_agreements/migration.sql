-- Each party's own word (issue 13): relatives who may act for the patient,
-- the relative a join link was made for, and agreements per party exactly
-- (each relative her own). The data of the rows there are is moved in the
-- next migration, once the new enum value is committed.

-- CreateEnum
CREATE TYPE "Representation" AS ENUM ('none', 'guardian', 'power_of_attorney');

-- AlterEnum
ALTER TYPE "AgreementParty" ADD VALUE 'relative';

-- DropIndex
DROP INDEX "Agreement_revisionId_party_key";

-- AlterTable
ALTER TABLE "AgreedPresence" ADD COLUMN     "representedAgreementId" UUID;

-- AlterTable
-- partyKey is filled from party for the rows there are (every one of them a
-- party of its own name until now), then required. Agreements are append-only
-- (a trigger); this one-time fill is the only change ever made to them.
ALTER TABLE "Agreement" ADD COLUMN     "onBehalfAs" "Representation",
ADD COLUMN     "partyKey" TEXT;
ALTER TABLE "Agreement" DISABLE TRIGGER "Agreement_append_only";
UPDATE "Agreement" SET "partyKey" = party::text;
ALTER TABLE "Agreement" ENABLE TRIGGER "Agreement_append_only";
ALTER TABLE "Agreement" ALTER COLUMN "partyKey" SET NOT NULL;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "relativeId" UUID;

-- AlterTable
ALTER TABLE "Relative" ADD COLUMN     "representation" "Representation" NOT NULL DEFAULT 'none';

-- CreateIndex
CREATE INDEX "AgreedPresence_representedAgreementId_idx" ON "AgreedPresence"("representedAgreementId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_revisionId_partyKey_key" ON "Agreement"("revisionId", "partyKey");

-- CreateIndex
CREATE INDEX "Participant_relativeId_idx" ON "Participant"("relativeId");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_relativeId_fkey" FOREIGN KEY ("relativeId") REFERENCES "Relative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedPresence" ADD CONSTRAINT "AgreedPresence_representedAgreementId_fkey" FOREIGN KEY ("representedAgreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

