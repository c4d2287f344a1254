-- CreateEnum
CREATE TYPE "AcuteReservationStatus" AS ENUM ('reserved', 'confirmed', 'released');

-- CreateEnum
CREATE TYPE "AcuteReleaseReason" AS ENUM ('cancelled', 'expired', 'left');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StaffRole" ADD VALUE 'visitation_nurse';
ALTER TYPE "StaffRole" ADD VALUE 'acute_nurse';
ALTER TYPE "StaffRole" ADD VALUE 'out_of_hours_doctor';

-- CreateTable
CREATE TABLE "AcuteOffer" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "bedsTotal" INTEGER NOT NULL,
    "competences" TEXT[],
    "otherCompetences" TEXT NOT NULL DEFAULT '',
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AcuteOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcuteBedReservation" (
    "id" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "status" "AcuteReservationStatus" NOT NULL DEFAULT 'reserved',
    "reservedById" UUID NOT NULL,
    "reservedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "releasedById" UUID,
    "releasedAt" TIMESTAMPTZ(3),
    "releaseReason" "AcuteReleaseReason",

    CONSTRAINT "AcuteBedReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AcuteOffer_municipalityId_idx" ON "AcuteOffer"("municipalityId");

-- CreateIndex
CREATE INDEX "AcuteBedReservation_offerId_status_idx" ON "AcuteBedReservation"("offerId", "status");

-- CreateIndex
CREATE INDEX "AcuteBedReservation_status_expiresAt_idx" ON "AcuteBedReservation"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "AcuteOffer" ADD CONSTRAINT "AcuteOffer_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteOffer" ADD CONSTRAINT "AcuteOffer_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteBedReservation" ADD CONSTRAINT "AcuteBedReservation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "AcuteOffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteBedReservation" ADD CONSTRAINT "AcuteBedReservation_reservedById_fkey" FOREIGN KEY ("reservedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteBedReservation" ADD CONSTRAINT "AcuteBedReservation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteBedReservation" ADD CONSTRAINT "AcuteBedReservation_releasedById_fkey" FOREIGN KEY ("releasedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express.
-- An offer has between 0 and 200 beds (MAX_ACUTE_BEDS in shared/src/api/acuteBeds.ts).
ALTER TABLE "AcuteOffer" ADD CONSTRAINT "AcuteOffer_beds_in_range" CHECK ("bedsTotal" BETWEEN 0 AND 200);
-- A reservation's state says when it got there: a confirmed one when, a
-- released one when and why; and it runs out after it was made.
ALTER TABLE "AcuteBedReservation" ADD CONSTRAINT "AcuteBedReservation_state_complete" CHECK (
  "expiresAt" > "reservedAt"
  AND ("status" <> 'confirmed' OR "confirmedAt" IS NOT NULL)
  AND ("status" <> 'released' OR ("releasedAt" IS NOT NULL AND "releaseReason" IS NOT NULL))
);
