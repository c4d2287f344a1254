-- Hand-written migration: the SQL must run on PostgreSQL 15 and on PGlite (PostgreSQL 18).
-- The protocol and the screens call it advice_call; one name from the database to the screen.
ALTER TYPE "ConferenceKind" RENAME VALUE 'geriatric_advice' TO 'advice_call';
