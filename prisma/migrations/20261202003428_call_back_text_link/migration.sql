-- A call-back's guest may now also have a join link of her own: when she
-- asked from her link and gave a number that takes a text message, the
-- call-back texts her that link, for when her advice page is closed and the
-- ring reaches nobody. Safe to allow: the link is made in the call-back's own
-- transaction and goes only to the number she gave herself with her question;
-- it expires an hour after the call's planned end like every join link, and
-- her open page still enters through her own session (sessionParticipantId).
ALTER TABLE "Participant" DROP CONSTRAINT "Participant_call_back_without_link";
