-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "staffUserId" UUID,
    "participantId" UUID,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_staffUserId_idx" ON "AuthSession"("staffUserId");

-- CreateIndex
CREATE INDEX "AuthSession_participantId_idx" ON "AuthSession"("participantId");

-- CreateIndex
CREATE INDEX "AuthSession_notAfter_idx" ON "AuthSession"("notAfter");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: rules Prisma cannot express.

-- A session is a staff user's or a guest's, never both or neither.
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_holder_check" CHECK (("staffUserId" IS NULL) <> ("participantId" IS NULL));

-- A new password or a deactivation ends the user's open sessions, whichever
-- path changed it (a route, an administrator's SQL): the rows go, and every
-- node refuses their cookies on the next request.
CREATE FUNCTION "samplan_end_staff_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AuthSession" WHERE "staffUserId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "StaffUser_end_sessions" AFTER UPDATE OF "passwordHash", "deactivatedAt" ON "StaffUser" FOR EACH ROW
  WHEN (NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" OR (NEW."deactivatedAt" IS NOT NULL AND OLD."deactivatedAt" IS NULL))
  EXECUTE FUNCTION "samplan_end_staff_sessions"();
