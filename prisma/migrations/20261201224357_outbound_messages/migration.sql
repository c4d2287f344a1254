-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('email', 'sms');

-- CreateEnum
CREATE TYPE "MessagePurpose" AS ENUM ('invitation', 'reminder', 'update', 'cancellation', 'call_back');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('queued', 'sending', 'sent', 'failed', 'withdrawn');

-- CreateEnum
CREATE TYPE "MessageProblem" AS ENUM ('no_email_server', 'no_sms_gateway', 'bad_recipient', 'delivery_failed', 'link_unavailable', 'conference_over', 'link_revoked', 'superseded');

-- AlterTable
ALTER TABLE "Conference" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "language" "Language" NOT NULL DEFAULT 'da',
ADD COLUMN     "sealedJoinToken" TEXT;

-- AlterTable
ALTER TABLE "Relative" ADD COLUMN     "preferredLanguage" "Language";

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "purpose" "MessagePurpose" NOT NULL,
    "conferenceId" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "problem" "MessageProblem",
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "requestedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_dedupeKey_key" ON "OutboundMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_notBefore_idx" ON "OutboundMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboundMessage_conferenceId_createdAt_idx" ON "OutboundMessage"("conferenceId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_participantId_idx" ON "OutboundMessage"("participantId");

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What a row says about itself must agree: a sent message has its time, a
-- message not sent (failed or withdrawn) its reason, and nothing else has either.
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_sent_check" CHECK (("status" = 'sent') = ("sentAt" IS NOT NULL));
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_problem_check" CHECK (("status" IN ('failed', 'withdrawn')) = ("problem" IS NOT NULL));
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_recipient_check" CHECK (length(trim("recipient")) > 0);
