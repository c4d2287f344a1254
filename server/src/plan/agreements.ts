import { AGREEMENT_PARTIES, type AgreementParties, agreementOnFlags, type AgreementStatusView } from '@samplan/shared';
import type { DbClient } from '../store/database.ts';
import { partyOf } from './authorship.ts';
import type { PlanState } from './planState.ts';
import type { ContentIndex } from './revisions.ts';

/** Who is present and who agreed to what, for the plan as read (planState.ts); present parties in the protocol's order. */
export function partiesOf(state: PlanState): AgreementParties {
  const roles = new Set(state.presentRoles.map(partyOf));
  return { present: AGREEMENT_PARTIES.filter((party) => roles.has(party)), agreements: [...state.agreements] };
}

/** Whether each revision of the plan as read changed its content, 1…its revision. */
export async function contentFlagsOf(db: DbClient, index: ContentIndex, state: PlanState): Promise<readonly boolean[]> {
  return state.planId === null || state.revision === 0 ? [] : index.upTo(db, state.planId, state.revision);
}

/**
 * Where agreement stands for the plan as read. An agreement holds for the
 * content agreed to, whichever conference it was given in. The client judges
 * the same inputs with the same function (agreementOnFlags).
 */
export async function agreementOf(db: DbClient, index: ContentIndex, state: PlanState): Promise<AgreementStatusView> {
  const { present, agreements } = partiesOf(state);
  return agreementOnFlags(await contentFlagsOf(db, index, state), agreements, present);
}

/** The plan revision the parties agreed on in a conference (recorded when the last of them agreed), or null. */
export async function agreedRevisionFor(db: DbClient, conferenceId: string): Promise<number | null> {
  const row = await db.conference.findUnique({ where: { id: conferenceId }, select: { agreedRevision: { select: { number: true } } } });
  return row?.agreedRevision?.number ?? null;
}
