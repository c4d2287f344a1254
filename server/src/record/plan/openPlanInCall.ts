import { type AgreeAs, type AgreementParties, ownPartyOf, type PlanSnapshot, representsPatient } from '@samplan/shared';
import type { Principal } from '../../auth/principal.ts';
import type { Caller } from '../context.ts';
import { AGREEING_PERSON, agreeingPerson, whoIs } from './agreeingPerson.ts';
import type { PlanContext } from './planContext.ts';
import type { PlanConference } from './loadPlanConference.ts';
import { planSnapshotOf } from './planSnapshot.ts';

/**
 * plan:open — the snapshot for a plan open in a call, with what its client
 * judges agreement on from then on (protocol/plan.ts).
 */
export async function openPlanInCall(
  ctx: PlanContext,
  caller: Caller,
  conference: PlanConference,
): Promise<PlanSnapshot & { parties: AgreementParties; agreeAs: AgreeAs; contentRevisions: number[] }> {
  const { snapshot, parties, flags } = await planSnapshotOf(ctx, caller, { episodeId: conference.episodeId, conferenceId: conference.id });
  const agreeAs = await agreeAsIn(ctx, caller.principal, conference.id);
  return { ...snapshot, parties, agreeAs, contentRevisions: flags.flatMap((changes, index) => (changes ? [index + 1] : [])) };
}

/** How this person agrees in the conference: for her own party and, as the record says now, for the patient. */
async function agreeAsIn(ctx: PlanContext, principal: Principal, conferenceId: string): Promise<AgreeAs> {
  const participant = await ctx.db.participant.findFirst({ where: { conferenceId, ...whoIs(principal) }, select: AGREEING_PERSON });
  const person = participant && agreeingPerson(participant);
  const party = person && ownPartyOf(person);
  if (!participant || !person || party === null) return null;
  const as = representsPatient(person);
  return { party, onBehalfOf: as === null ? null : { name: participant.conference.episode.patient.name, as } };
}
