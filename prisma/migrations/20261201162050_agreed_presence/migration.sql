-- CreateTable
CREATE TABLE "AgreedPresence" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "agreementId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreedPresence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgreedPresence_revisionId_idx" ON "AgreedPresence"("revisionId");

-- CreateIndex
CREATE INDEX "AgreedPresence_participantId_idx" ON "AgreedPresence"("participantId");

-- CreateIndex
CREATE INDEX "AgreedPresence_agreementId_idx" ON "AgreedPresence"("agreementId");

-- CreateIndex
CREATE UNIQUE INDEX "AgreedPresence_conferenceId_revisionId_participantId_key" ON "AgreedPresence"("conferenceId", "revisionId", "participantId");

-- AddForeignKey
ALTER TABLE "AgreedPresence" ADD CONSTRAINT "AgreedPresence_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedPresence" ADD CONSTRAINT "AgreedPresence_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "PlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedPresence" ADD CONSTRAINT "AgreedPresence_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreedPresence" ADD CONSTRAINT "AgreedPresence_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Append-only, like the agreements it records (samplan_reject_change is from the init migration).
CREATE TRIGGER "AgreedPresence_append_only" BEFORE UPDATE OR DELETE ON "AgreedPresence" FOR EACH ROW EXECUTE FUNCTION "samplan_reject_change"();
CREATE TRIGGER "AgreedPresence_no_truncate" BEFORE TRUNCATE ON "AgreedPresence" FOR EACH STATEMENT EXECUTE FUNCTION "samplan_reject_change"();
