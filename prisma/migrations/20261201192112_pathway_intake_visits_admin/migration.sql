-- CreateEnum
CREATE TYPE "DischargeDestination" AS ENUM ('home', 'nursing_home', 'municipal_acute_bed', 'other');

-- CreateEnum
CREATE TYPE "VisitKind" AS ENUM ('reception_visit', 'follow_up_home_visit', 'day_after_check');

-- CreateEnum
CREATE TYPE "VisitMode" AS ENUM ('at_home', 'phone', 'video');

-- CreateEnum
CREATE TYPE "TobsTemperatureSite" AS ENUM ('rectal', 'oral', 'axillary');

-- CreateEnum
CREATE TYPE "TobsConsciousness" AS ENUM ('habitual', 'agitated', 'responds_to_voice', 'responds_to_pain', 'unresponsive');

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "admissionRecordedById" UUID,
ADD COLUMN     "dischargeDestination" "DischargeDestination",
ADD COLUMN     "dischargeRecordedById" UUID,
ADD COLUMN     "encounterIdentifier" TEXT,
ADD COLUMN     "gpPracticeId" UUID,
ADD COLUMN     "unit" TEXT;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "administrator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PasswordSetLink" (
    "id" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issuedById" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordSetLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemClient" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SystemClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningRecord" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "screenedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "kind" "VisitKind" NOT NULL,
    "mode" "VisitMode" NOT NULL,
    "performedAt" TIMESTAMPTZ(3) NOT NULL,
    "performedBy" TEXT,
    "recordedById" UUID NOT NULL,
    "checklist" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TobsObservation" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "visitId" UUID,
    "conferenceId" UUID,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "pulsePerMinute" INTEGER NOT NULL,
    "respirationPerMinute" INTEGER NOT NULL,
    "temperatureCelsius" DECIMAL(4,1) NOT NULL,
    "temperatureSite" "TobsTemperatureSite" NOT NULL,
    "systolicMmHg" INTEGER NOT NULL,
    "consciousness" "TobsConsciousness" NOT NULL,
    "spo2Percent" INTEGER,
    "score" INTEGER NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TobsObservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordSetLink_tokenHash_key" ON "PasswordSetLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordSetLink_staffUserId_idx" ON "PasswordSetLink"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "SystemClient_keyHash_key" ON "SystemClient"("keyHash");

-- CreateIndex
CREATE INDEX "SystemClient_organisationId_idx" ON "SystemClient"("organisationId");

-- CreateIndex
CREATE INDEX "ScreeningRecord_episodeId_screenedAt_idx" ON "ScreeningRecord"("episodeId", "screenedAt");

-- CreateIndex
CREATE INDEX "Visit_episodeId_kind_performedAt_idx" ON "Visit"("episodeId", "kind", "performedAt");

-- CreateIndex
CREATE INDEX "Visit_kind_performedAt_idx" ON "Visit"("kind", "performedAt");

-- CreateIndex
CREATE INDEX "TobsObservation_episodeId_observedAt_idx" ON "TobsObservation"("episodeId", "observedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Episode_encounterIdentifier_key" ON "Episode"("encounterIdentifier");

-- AddForeignKey
ALTER TABLE "PasswordSetLink" ADD CONSTRAINT "PasswordSetLink_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordSetLink" ADD CONSTRAINT "PasswordSetLink_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemClient" ADD CONSTRAINT "SystemClient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemClient" ADD CONSTRAINT "SystemClient_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_gpPracticeId_fkey" FOREIGN KEY ("gpPracticeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_admissionRecordedById_fkey" FOREIGN KEY ("admissionRecordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_dischargeRecordedById_fkey" FOREIGN KEY ("dischargeRecordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningRecord" ADD CONSTRAINT "ScreeningRecord_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningRecord" ADD CONSTRAINT "ScreeningRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules Prisma cannot express (see the init migration).
ALTER TABLE "ScreeningRecord" ADD CONSTRAINT "ScreeningRecord_score_check" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_screeningScore_range_check" CHECK ("screeningScore" <= 100);
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_score_check" CHECK ("score" BETWEEN 0 AND 15);
ALTER TABLE "TobsObservation" ADD CONSTRAINT "TobsObservation_spo2_check" CHECK ("spo2Percent" IS NULL OR "spo2Percent" BETWEEN 0 AND 100);
ALTER TABLE "PasswordSetLink" ADD CONSTRAINT "PasswordSetLink_tokenHash_format_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "SystemClient" ADD CONSTRAINT "SystemClient_keyHash_format_check" CHECK ("keyHash" ~ '^[0-9a-f]{64}$');
-- A discharge destination only once discharged.
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_dischargeDestination_check" CHECK ("dischargeDestination" IS NULL OR "dischargedAt" IS NOT NULL);
-- One open admission per patient, whichever path (screen, FHIR) admits.
CREATE UNIQUE INDEX "Episode_one_open_admission_per_patient" ON "Episode"("patientId") WHERE "status" = 'admitted';
-- A system client's calls are audited under its id; Samplan's own work under none.
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actor_check";
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actor_check" CHECK ("actorKind" = 'system' OR "actorId" IS NOT NULL);
