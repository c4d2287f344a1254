import { AGREEMENT_PARTIES, type AgreementParty, agreementStatus, type AgreementStatusView } from '@samplan/shared';
import type { DbClient } from '../store/database.ts';
import { partyOf } from './authorship.ts';
import type { ContentIndex } from './revisions.ts';

export interface ConferenceRef {
  readonly id: string;
  readonly ended: boolean;
}

/**
 * The parties present in a conference. While it runs: those in the call now
 * (someone who left does not hold up the rest). Once it has ended: everyone
 * who took part, so the conference's record does not depend on the order in
 * which people hung up.
 */
export async function presentParties(db: DbClient, conference: ConferenceRef): Promise<AgreementParty[]> {
  const rows = await db.participant.findMany({
    where: { conferenceId: conference.id, lobbyState: 'admitted', joinedAt: { not: null }, ...(conference.ended ? {} : { leftAt: null }) },
    select: { role: true },
  });
  const parties = new Set(rows.map((row) => partyOf(row.role)));
  return AGREEMENT_PARTIES.filter((party) => parties.has(party));
}

/** The conference whose parties the plan is judged by outside a call: the latest one anybody joined. */
export async function latestJoinedConference(db: DbClient, episodeId: string): Promise<ConferenceRef | null> {
  const row = await db.conference.findFirst({
    where: { episodeId, participants: { some: { joinedAt: { not: null } } } },
    orderBy: { scheduledStart: 'desc' },
    select: { id: true, status: true, endedAt: true },
  });
  return row === null ? null : { id: row.id, ended: row.status === 'ended' || row.endedAt !== null };
}

export async function agreementView(
  db: DbClient,
  index: ContentIndex,
  plan: { readonly id: string; readonly revision: number } | null,
  conference: ConferenceRef | null,
): Promise<AgreementStatusView> {
  const present = conference === null ? [] : await presentParties(db, conference);
  if (plan === null || plan.revision === 0) return { state: 'not_agreed', currentRevision: 0, agreedRevision: null, awaiting: present };
  const flags = await index.upTo(db, plan.id, plan.revision);
  // An agreement holds for the content agreed to, whichever conference it was given in.
  const rows = await db.agreement.findMany({
    where: { revision: { planId: plan.id, number: { lte: plan.revision } } },
    select: { party: true, revision: { select: { number: true } } },
  });
  const status = agreementStatus({
    revisions: flags.map((changesContent, i) => ({ revision: i + 1, changesContent })),
    agreements: rows.map((row) => ({ party: row.party, revision: row.revision.number })),
    present,
  });
  return { ...status, awaiting: present.filter((party) => status.awaiting.includes(party)) };
}

/** The plan revision the parties agreed on in a conference (recorded when the last of them agreed), or null. */
export async function agreedRevisionFor(db: DbClient, conferenceId: string): Promise<number | null> {
  const row = await db.conference.findUnique({ where: { id: conferenceId }, select: { agreedRevision: { select: { number: true } } } });
  return row?.agreedRevision?.number ?? null;
}
