-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('hospital_ward', 'municipal_unit', 'general_practice');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('doctor', 'nurse', 'therapist', 'discharge_coordinator', 'visitator', 'home_nurse', 'gp', 'geriatrician');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('da', 'en');

-- CreateEnum
CREATE TYPE "EpisodeStatus" AS ENUM ('admitted', 'discharged', 'closed');

-- CreateEnum
CREATE TYPE "ConferenceKind" AS ENUM ('goal_conversation', 'discharge_conference', 'geriatric_advice', 'follow_up');

-- CreateEnum
CREATE TYPE "ConferenceStatus" AS ENUM ('scheduled', 'open', 'live', 'ended', 'cancelled');

-- CreateEnum
CREATE TYPE "LobbyState" AS ENUM ('invited', 'waiting', 'admitted', 'removed');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('patient', 'relative', 'hospital', 'municipality', 'gp', 'geriatrician');

-- CreateEnum
CREATE TYPE "AgreementParty" AS ENUM ('patient', 'hospital', 'municipality', 'gp');

-- CreateEnum
CREATE TYPE "AdviceRequester" AS ENUM ('patient', 'relative', 'municipality', 'gp');

-- CreateEnum
CREATE TYPE "AdviceChannel" AS ENUM ('video', 'phone');

-- CreateEnum
CREATE TYPE "AdviceUrgency" AS ENUM ('acute', 'urgent', 'routine');

-- CreateEnum
CREATE TYPE "ConsentScope" AS ENUM ('share_across_sectors', 'video_participation');

-- CreateEnum
CREATE TYPE "AuditActorKind" AS ENUM ('staff', 'participant', 'system');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ok', 'denied', 'error');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "sector" "Sector" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "organisationId" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "deactivatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cprNumber" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "homeMunicipalityId" UUID NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "preferredLanguage" "Language" NOT NULL DEFAULT 'da',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Relative" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Relative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Episode" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "admittingWardId" UUID NOT NULL,
    "admittedAt" TIMESTAMPTZ(3) NOT NULL,
    "dischargedAt" TIMESTAMPTZ(3),
    "screeningScore" INTEGER,
    "status" "EpisodeStatus" NOT NULL DEFAULT 'admitted',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareTeamOrganisation" (
    "episodeId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "addedById" UUID,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTeamOrganisation_pkey" PRIMARY KEY ("episodeId","organisationId")
);

-- CreateTable
CREATE TABLE "CareTeamStaff" (
    "episodeId" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "addedById" UUID,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTeamStaff_pkey" PRIMARY KEY ("episodeId","staffUserId")
);

-- CreateTable
CREATE TABLE "Conference" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "kind" "ConferenceKind" NOT NULL,
    "scheduledStart" TIMESTAMPTZ(3) NOT NULL,
    "plannedDurationMinutes" INTEGER NOT NULL,
    "status" "ConferenceStatus" NOT NULL DEFAULT 'scheduled',
    "hostId" UUID NOT NULL,
    "mediaRoomId" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "agreedRevisionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "staffUserId" UUID,
    "externalName" TEXT,
    "externalPhone" TEXT,
    "externalEmail" TEXT,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lobbyState" "LobbyState" NOT NULL DEFAULT 'invited',
    "joinedAt" TIMESTAMPTZ(3),
    "leftAt" TIMESTAMPTZ(3),
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarePlan" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "parentId" UUID,
    "document" JSONB NOT NULL,
    "operations" JSONB NOT NULL,
    "authorStaffId" UUID,
    "authorParticipantId" UUID,
    "conferenceId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "party" "AgreementParty" NOT NULL,
    "participantId" UUID NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviceRequest" (
    "id" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "requestedBy" "AdviceRequester" NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterContact" TEXT,
    "channel" "AdviceChannel" NOT NULL,
    "question" TEXT NOT NULL,
    "urgency" "AdviceUrgency" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenById" UUID,
    "takenAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "answerChannel" "AdviceChannel",
    "isbarIdentify" TEXT,
    "isbarSituation" TEXT,
    "isbarBackground" TEXT,
    "isbarAssessment" TEXT,
    "isbarRecommendation" TEXT,
    "adviceConferenceId" UUID,

    CONSTRAINT "AdviceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "episodeId" UUID,
    "scope" "ConsentScope" NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" UUID,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "AuditActorKind" NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT,
    "patientId" UUID,
    "via" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organisation_sector_name_idx" ON "Organisation"("sector", "name");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_login_key" ON "StaffUser"("login");

-- CreateIndex
CREATE INDEX "StaffUser_organisationId_idx" ON "StaffUser"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_cprNumber_key" ON "Patient"("cprNumber");

-- CreateIndex
CREATE INDEX "Patient_homeMunicipalityId_idx" ON "Patient"("homeMunicipalityId");

-- CreateIndex
CREATE INDEX "Relative_patientId_idx" ON "Relative"("patientId");

-- CreateIndex
CREATE INDEX "Episode_patientId_admittedAt_idx" ON "Episode"("patientId", "admittedAt");

-- CreateIndex
CREATE INDEX "Episode_admittingWardId_status_idx" ON "Episode"("admittingWardId", "status");

-- CreateIndex
CREATE INDEX "Episode_status_dischargedAt_idx" ON "Episode"("status", "dischargedAt");

-- CreateIndex
CREATE INDEX "CareTeamOrganisation_organisationId_idx" ON "CareTeamOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "CareTeamStaff_staffUserId_idx" ON "CareTeamStaff"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Conference_mediaRoomId_key" ON "Conference"("mediaRoomId");

-- CreateIndex
CREATE INDEX "Conference_episodeId_scheduledStart_idx" ON "Conference"("episodeId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Conference_status_scheduledStart_idx" ON "Conference"("status", "scheduledStart");

-- CreateIndex
CREATE INDEX "Conference_hostId_scheduledStart_idx" ON "Conference"("hostId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Conference_agreedRevisionId_idx" ON "Conference"("agreedRevisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_tokenHash_key" ON "Participant"("tokenHash");

-- CreateIndex
CREATE INDEX "Participant_staffUserId_idx" ON "Participant"("staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_conferenceId_staffUserId_key" ON "Participant"("conferenceId", "staffUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CarePlan_episodeId_key" ON "CarePlan"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRevision_parentId_key" ON "PlanRevision"("parentId");

-- CreateIndex
CREATE INDEX "PlanRevision_conferenceId_idx" ON "PlanRevision"("conferenceId");

-- CreateIndex
CREATE INDEX "PlanRevision_authorStaffId_idx" ON "PlanRevision"("authorStaffId");

-- CreateIndex
CREATE INDEX "PlanRevision_authorParticipantId_idx" ON "PlanRevision"("authorParticipantId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRevision_planId_number_key" ON "PlanRevision"("planId", "number");

-- CreateIndex
CREATE INDEX "Agreement_conferenceId_idx" ON "Agreement"("conferenceId");

-- CreateIndex
CREATE INDEX "Agreement_participantId_idx" ON "Agreement"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_revisionId_party_key" ON "Agreement"("revisionId", "party");

-- CreateIndex
CREATE UNIQUE INDEX "AdviceRequest_adviceConferenceId_key" ON "AdviceRequest"("adviceConferenceId");

-- CreateIndex
CREATE INDEX "AdviceRequest_episodeId_createdAt_idx" ON "AdviceRequest"("episodeId", "createdAt");

-- CreateIndex
CREATE INDEX "AdviceRequest_answeredAt_createdAt_idx" ON "AdviceRequest"("answeredAt", "createdAt");

-- CreateIndex
CREATE INDEX "AdviceRequest_takenById_idx" ON "AdviceRequest"("takenById");

-- CreateIndex
CREATE INDEX "Consent_patientId_scope_idx" ON "Consent"("patientId", "scope");

-- CreateIndex
CREATE INDEX "Consent_episodeId_idx" ON "Consent"("episodeId");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_at_idx" ON "AuditEvent"("patientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorKind_actorId_at_idx" ON "AuditEvent"("actorKind", "actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_resourceType_resourceId_at_idx" ON "AuditEvent"("resourceType", "resourceId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_homeMunicipalityId_fkey" FOREIGN KEY ("homeMunicipalityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relative" ADD CONSTRAINT "Relative_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_admittingWardId_fkey" FOREIGN KEY ("admittingWardId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamOrganisation" ADD CONSTRAINT "CareTeamOrganisation_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamOrganisation" ADD CONSTRAINT "CareTeamOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamOrganisation" ADD CONSTRAINT "CareTeamOrganisation_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamStaff" ADD CONSTRAINT "CareTeamStaff_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamStaff" ADD CONSTRAINT "CareTeamStaff_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareTeamStaff" ADD CONSTRAINT "CareTeamStaff_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_agreedRevisionId_fkey" FOREIGN KEY ("agreedRevisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CarePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_authorStaffId_fkey" FOREIGN KEY ("authorStaffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_authorParticipantId_fkey" FOREIGN KEY ("authorParticipantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_adviceConferenceId_fkey" FOREIGN KEY ("adviceConferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ------------------------------------------------------------------------
-- Hand-written: rules Prisma cannot express. Plain SQL that runs on
-- PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Logins are unique case-insensitively because they are stored lower-case.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_login_lowercase_check" CHECK ("login" = lower("login"));

ALTER TABLE "Patient" ADD CONSTRAINT "Patient_cprNumber_format_check" CHECK ("cprNumber" ~ '^[0-9]{6}-[0-9]{4}$');

-- Discharged exactly when no longer admitted, and not before admission.
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_dischargedAt_status_check" CHECK (("status" = 'admitted') = ("dischargedAt" IS NULL));
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_dischargedAt_order_check" CHECK ("dischargedAt" >= "admittedAt");
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_screeningScore_check" CHECK ("screeningScore" >= 0);

ALTER TABLE "Conference" ADD CONSTRAINT "Conference_plannedDurationMinutes_check" CHECK ("plannedDurationMinutes" > 0);

-- A staff user or a named external person, never both or neither.
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_person_check" CHECK (("staffUserId" IS NULL) <> ("externalName" IS NULL));
-- Only a hash fits here, so a raw join token cannot be stored by mistake.
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_tokenHash_format_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_tokenHash_expiresAt_check" CHECK ("tokenHash" IS NULL OR "expiresAt" IS NOT NULL);

-- Revision 1 starts the history; every later one names its parent.
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_number_check" CHECK ("number" >= 1);
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_parentId_check" CHECK (("number" = 1) = ("parentId" IS NULL));
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_author_check" CHECK (("authorStaffId" IS NULL) <> ("authorParticipantId" IS NULL));

ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_taken_check" CHECK (("takenById" IS NULL) = ("takenAt" IS NULL));
ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_answered_check" CHECK ("answeredAt" IS NULL OR ("takenAt" IS NOT NULL AND "answerChannel" IS NOT NULL));

ALTER TABLE "Consent" ADD CONSTRAINT "Consent_withdrawn_check" CHECK (("withdrawnAt" IS NULL) = ("withdrawnById" IS NULL));

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actor_check" CHECK (("actorKind" = 'system') = ("actorId" IS NULL));

-- Plan revisions, agreements and the audit trail are evidence: rows are only
-- ever added. (A cascade cannot reach them: every key into them is RESTRICT.)
-- The error keeps the default SQLSTATE P0001: Prisma 6 cannot report
-- restrict_violation (23001) from adapter-pg and shows "Unknown error".
CREATE FUNCTION "samplan_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of "%" are never changed or removed (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER "PlanRevision_append_only" BEFORE UPDATE OR DELETE ON "PlanRevision" FOR EACH ROW EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "PlanRevision_no_truncate" BEFORE TRUNCATE ON "PlanRevision" FOR EACH STATEMENT EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "Agreement_append_only" BEFORE UPDATE OR DELETE ON "Agreement" FOR EACH ROW EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "Agreement_no_truncate" BEFORE TRUNCATE ON "Agreement" FOR EACH STATEMENT EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "samplan_reject_change"();
