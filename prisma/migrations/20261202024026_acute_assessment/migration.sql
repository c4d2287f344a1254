-- CreateEnum
CREATE TYPE "AcuteDecision" AS ENUM ('admission', 'municipal_acute_bed', 'home_treatment', 'other');

-- AlterEnum
ALTER TYPE "ConferenceKind" ADD VALUE 'acute_assessment';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "acutePromiseMinutes" INTEGER,
ADD COLUMN     "acuteServiceFromMinute" INTEGER,
ADD COLUMN     "acuteServiceToMinute" INTEGER;

-- CreateTable
CREATE TABLE "AcuteAssessment" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "answerBy" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "takenById" UUID,
    "takenAt" TIMESTAMPTZ(3),
    "conferenceId" UUID,
    "decision" "AcuteDecision",
    "decisionReason" TEXT,
    "admissionWardId" UUID,
    "bedReservationId" UUID,
    "followUpAt" TIMESTAMPTZ(3),
    "decisionEpisodeId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AcuteAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AcuteAssessment_conferenceId_key" ON "AcuteAssessment"("conferenceId");

-- CreateIndex
CREATE INDEX "AcuteAssessment_teamId_decidedAt_createdAt_idx" ON "AcuteAssessment"("teamId", "decidedAt", "createdAt");

-- CreateIndex
CREATE INDEX "AcuteAssessment_patientId_createdAt_idx" ON "AcuteAssessment"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "AcuteAssessment_episodeId_idx" ON "AcuteAssessment"("episodeId");

-- CreateIndex
CREATE INDEX "AcuteAssessment_requestedById_idx" ON "AcuteAssessment"("requestedById");

-- CreateIndex
CREATE INDEX "AcuteAssessment_takenById_idx" ON "AcuteAssessment"("takenById");

-- CreateIndex
CREATE INDEX "AcuteAssessment_admissionWardId_idx" ON "AcuteAssessment"("admissionWardId");

-- CreateIndex
CREATE INDEX "AcuteAssessment_decisionEpisodeId_idx" ON "AcuteAssessment"("decisionEpisodeId");

-- CreateIndex
CREATE INDEX "AcuteAssessment_decidedById_idx" ON "AcuteAssessment"("decidedById");

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_admissionWardId_fkey" FOREIGN KEY ("admissionWardId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_decisionEpisodeId_fkey" FOREIGN KEY ("decisionEpisodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: an acute team's hours and promise are set together or not at all.
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_acute_service_together" CHECK (
  ("acuteServiceFromMinute" IS NULL) = ("acuteServiceToMinute" IS NULL)
  AND ("acuteServiceFromMinute" IS NULL) = ("acutePromiseMinutes" IS NULL)
);
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_acute_service_range" CHECK (
  "acuteServiceFromMinute" BETWEEN 0 AND 1439 AND "acuteServiceToMinute" BETWEEN 0 AND 1439 AND "acutePromiseMinutes" BETWEEN 15 AND 1440
);
-- A decision is recorded whole: what, why, by whom and when.
ALTER TABLE "AcuteAssessment" ADD CONSTRAINT "AcuteAssessment_decision_whole" CHECK (
  ("decidedAt" IS NULL) = ("decision" IS NULL)
  AND ("decidedAt" IS NULL) = ("decidedById" IS NULL)
  AND ("decidedAt" IS NULL) = ("decisionReason" IS NULL)
);
