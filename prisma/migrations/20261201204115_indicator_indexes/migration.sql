-- DropIndex
DROP INDEX "CareTeamOrganisation_organisationId_idx";

-- CreateIndex
CREATE INDEX "CareTeamOrganisation_organisationId_episodeId_idx" ON "CareTeamOrganisation"("organisationId", "episodeId");


-- Indexes Prisma cannot express (partial, INCLUDE), for the indicators
-- (server/src/record/indicators/countIndicators.ts). A conference was held when
-- somebody joined its call: the joined participants of a conference, from the
-- index alone.
CREATE INDEX "Participant_joined_conferenceId_idx" ON "Participant"("conferenceId") WHERE "joinedAt" IS NOT NULL;
-- The held video discharge conference of an episode, with what tells whether it started.
CREATE INDEX "Conference_ended_discharge_conference_episodeId_idx" ON "Conference"("episodeId") INCLUDE ("startedAt") WHERE "status" = 'ended' AND "kind" = 'discharge_conference';
