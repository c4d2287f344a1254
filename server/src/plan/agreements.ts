import { AGREEMENT_PARTIES, agreementStatus, type AgreementStatusView } from '@samplan/shared';
import type { DbClient } from '../store/database.ts';
import { partyOf } from './authorship.ts';
import type { PlanState } from './planState.ts';
import type { ContentIndex } from './revisions.ts';

/** Where agreement stands for the plan as read (planState.ts): the parties present in its conference, and what each agreed to. */
export async function agreementOf(db: DbClient, index: ContentIndex, state: PlanState): Promise<AgreementStatusView> {
  const roles = new Set(state.presentRoles.map(partyOf));
  const present = AGREEMENT_PARTIES.filter((party) => roles.has(party));
  if (state.planId === null || state.revision === 0) return { state: 'not_agreed', currentRevision: 0, agreedRevision: null, awaiting: present };
  const flags = await index.upTo(db, state.planId, state.revision);
  // An agreement holds for the content agreed to, whichever conference it was given in.
  const status = agreementStatus({
    revisions: flags.map((changesContent, i) => ({ revision: i + 1, changesContent })),
    agreements: state.agreements.filter((agreement) => agreement.revision <= state.revision),
    present,
  });
  return { ...status, awaiting: present.filter((party) => status.awaiting.includes(party)) };
}

/** The plan revision the parties agreed on in a conference (recorded when the last of them agreed), or null. */
export async function agreedRevisionFor(db: DbClient, conferenceId: string): Promise<number | null> {
  const row = await db.conference.findUnique({ where: { id: conferenceId }, select: { agreedRevision: { select: { number: true } } } });
  return row?.agreedRevision?.number ?? null;
}
