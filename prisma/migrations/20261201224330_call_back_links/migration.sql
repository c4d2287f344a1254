-- AlterTable
ALTER TABLE "AdviceRequest" ADD COLUMN     "requesterParticipantId" UUID;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "sessionParticipantId" UUID;

-- CreateIndex
CREATE INDEX "Participant_sessionParticipantId_idx" ON "Participant"("sessionParticipantId");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_sessionParticipantId_fkey" FOREIGN KEY ("sessionParticipantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRequest" ADD CONSTRAINT "AdviceRequest_requesterParticipantId_fkey" FOREIGN KEY ("requesterParticipantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A call-back's guest enters only through the session of the participant she
-- stands for: such a row never has a join link of its own.
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_call_back_without_link" CHECK ("sessionParticipantId" IS NULL OR "tokenHash" IS NULL);
