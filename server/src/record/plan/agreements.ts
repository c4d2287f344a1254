import { type AgreementParties, agreementOfParties, type AgreementStatusView, isRelativeParty, ownPartyOf, presentParties, type RelativeParty } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import type { PlanState } from './planState.ts';
import type { ContentIndex } from './revisions.ts';

/**
 * Who is present and who agreed to what, for the plan as read (planState.ts):
 * present parties in the order they are asked (plan/agreementParties.ts),
 * each relative party with her name.
 */
export function partiesOf(state: PlanState): AgreementParties {
  const names = new Map<RelativeParty, string>();
  for (const given of state.agreements) if (isRelativeParty(given.party)) names.set(given.party, given.name);
  for (const person of state.present) {
    const party = ownPartyOf(person);
    if (party !== null && isRelativeParty(party)) names.set(party, person.name);
  }
  return {
    present: presentParties(state.present),
    agreements: state.agreements.map(({ party, revision, onBehalfAs }) => ({ party, revision, onBehalfAs })),
    relatives: [...names].map(([party, name]) => ({ party, name })),
  };
}

/** Whether each revision of the plan as read changed its content, 1…its revision. */
export async function contentFlagsOf(db: DbClient, index: ContentIndex, state: PlanState): Promise<readonly boolean[]> {
  return state.planId === null || state.revision === 0 ? [] : index.upTo(db, state.planId, state.revision);
}

/**
 * Where agreement stands for the plan as read. An agreement holds for the
 * content agreed to, whichever conference it was given in. The client judges
 * the same inputs with the same function (agreementOfParties).
 */
export async function agreementOf(db: DbClient, index: ContentIndex, state: PlanState): Promise<AgreementStatusView> {
  return agreementOfParties(await contentFlagsOf(db, index, state), partiesOf(state));
}

/** The plan revision the parties agreed on in a conference (recorded when the last of them agreed), or null. */
export async function agreedRevisionFor(db: DbClient, conferenceId: string): Promise<number | null> {
  const row = await db.conference.findUnique({ where: { id: conferenceId }, select: { agreedRevision: { select: { number: true } } } });
  return row?.agreedRevision?.number ?? null;
}
