-- Hand-written migration: the SQL must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- Until now a relative's "yes" was stored as the patient's party: the daughter's
-- click agreed for her mother. What was given was the relative's own word (no
-- record said she could speak for the patient; representation did not exist),
-- so each such agreement becomes what it was: that relative's own agreement.
-- The patient's party keeps only the yeses the patient gave herself. The
-- conference's recorded agreed revision and who was present then
-- (AgreedPresence) stay as they were: they are the record of that moment,
-- under the rule of that moment.

-- 1. Links made for a relative from the patient's record carried only her name.
--    Link each to her row where the name names exactly one relative of that
--    patient; others stay unlinked (known by their link, as a relative invited
--    by name only is).
UPDATE "Participant" p
SET "relativeId" = r.id
FROM "Conference" c, "Episode" e, "Relative" r
WHERE p."conferenceId" = c.id
  AND c."episodeId" = e.id
  AND r."patientId" = e."patientId"
  AND p.role = 'relative'
  AND p."relativeId" IS NULL
  AND p."externalName" = r.name
  AND (SELECT count(*) FROM "Relative" same WHERE same."patientId" = e."patientId" AND same.name = r.name) = 1;

-- 2. A relative's yes recorded for the patient is her own. Agreements are
--    append-only (a trigger); this one-time move is made with it set aside.
ALTER TABLE "Agreement" DISABLE TRIGGER "Agreement_append_only";
UPDATE "Agreement" a
SET party = 'relative',
    "partyKey" = 'relative:' || coalesce(p."relativeId", p.id)::text
FROM "Participant" p
WHERE p.id = a."participantId"
  AND a.party = 'patient'
  AND p.role = 'relative';
ALTER TABLE "Agreement" ENABLE TRIGGER "Agreement_append_only";

-- 3. The exact party follows the kind of party: a relative's names her, every
--    other is the party's own name; only a yes for the patient can be given on
--    her behalf, and then as a representative.
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_partyKey_matches_party" CHECK (
  CASE WHEN party = 'relative'
    THEN "partyKey" ~ '^relative:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    ELSE "partyKey" = party::text
  END
);
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_onBehalfAs_for_the_patient" CHECK (
  "onBehalfAs" IS NULL OR (party = 'patient' AND "onBehalfAs" <> 'none')
);
