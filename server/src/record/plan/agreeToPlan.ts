import { type AgreementParty, type AgreementStatusView, isRelativeParty, ownPartyOf, representsPatient, SamplanError } from '@samplan/shared';
import type { AgreementParty as StoredAgreementParty } from '../../store/generated/enums.ts';
import { IN_CALL_NOW } from '../conferences/callPresence.ts';
import type { Caller } from '../context.ts';
import { AGREEING_PERSON, agreeingPerson, whoIs } from './agreeingPerson.ts';
import { recordAgreedPresence } from './agreedPresence.ts';
import { agreementOf } from './agreements.ts';
import { editorOf } from './authorship.ts';
import { loadPlanConference } from './loadPlanConference.ts';
import type { PlanContext } from './planContext.ts';
import { auditPlan, grant, planCheck } from './planAccess.ts';
import { readPlanState } from './planState.ts';

/** The stored party of a protocol party: a relative's is `relative`, the rest are their own name. */
function storedPartyOf(party: AgreementParty): StoredAgreementParty {
  return isRelativeParty(party) ? 'relative' : party;
}

/**
 * plan:agree — this person's party agrees to the plan as it stands at
 * `revision`; with `onBehalfOfPatient`, a relative the record names the
 * patient's representative agrees for the patient, and the agreement
 * records as what. When that makes it agreed by every party present, the
 * conference records the revision as the one agreed in it. After commit:
 * `plan.agreementGiven`.
 */
export async function agreeToPlan(ctx: PlanContext, caller: Caller, conferenceId: string, revision: number, onBehalfOfPatient = false): Promise<AgreementStatusView> {
  const { db } = ctx;
  const conference = await loadPlanConference(db, conferenceId);
  const place = { episodeId: conference.episodeId, conferenceId: conference.id };
  const granted = await grant(ctx, caller, place.episodeId, planCheck(place, 'plan:agree', 'agree', 'Agreement'));
  const action = onBehalfOfPatient ? 'agree-on-behalf' : 'agree';
  const refuse = async (error: SamplanError): Promise<never> => {
    await auditPlan(db, caller, granted, { action, resourceType: 'Agreement', resourceId: null, outcome: 'denied' });
    throw error;
  };
  // Only someone in the call agrees, for the part they play in it; what the record says of a relative is read now, not at sign-in.
  const participant = conference.ended
    ? null
    : await db.participant.findFirst({ where: { conferenceId: conference.id, ...whoIs(caller.principal), ...IN_CALL_NOW }, select: AGREEING_PERSON });
  const person = participant && agreeingPerson(participant);
  if (!participant || !person) return refuse(new SamplanError('FORBIDDEN', 'Only those present in a conference under way can agree to the plan.'));
  const onBehalfAs = onBehalfOfPatient ? representsPatient(person) : null;
  if (onBehalfOfPatient && onBehalfAs === null) {
    return refuse(new SamplanError('NOT_REPRESENTATIVE', "Only a relative the record names the patient's guardian or holder of her power of attorney agrees on her behalf."));
  }
  const party = onBehalfOfPatient ? 'patient' : ownPartyOf(person);
  if (party === null) return refuse(new SamplanError('FORBIDDEN', 'The geriatric team advises; it is not a party to the plan.'));

  return ctx.planWrites.run(conference.episodeId, async () => {
    const plan = await db.carePlan.findUnique({ where: { episodeId: conference.episodeId }, select: { id: true } });
    const target = plan && (await db.planRevision.findUnique({ where: { planId_number: { planId: plan.id, number: revision } }, select: { id: true } }));
    if (!plan || !target) throw new SamplanError('NOT_FOUND', `The plan has no revision ${revision}.`);

    const agreement = await db.$transaction(async (tx) => {
      const given = await tx.agreement.findUnique({ where: { revisionId_partyKey: { revisionId: target.id, partyKey: party } }, select: { id: true } });
      const row =
        given ??
        (await tx.agreement.create({
          data: { revisionId: target.id, conferenceId: conference.id, party: storedPartyOf(party), partyKey: party, participantId: participant.id, onBehalfAs },
        }));
      await auditPlan(tx, caller, granted, { action, resourceType: 'Agreement', resourceId: row.id, outcome: 'ok' });
      const state = await readPlanState(tx, conference.episodeId, { conferenceId: conference.id, document: false });
      const status = await agreementOf(tx, ctx.planContent, state);
      if (status.state === 'agreed' && status.agreedRevision !== null) {
        const agreed = await tx.planRevision.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: status.agreedRevision } }, select: { id: true } });
        await tx.conference.update({ where: { id: conference.id }, data: { agreedRevisionId: agreed.id } });
        const contentFlags = await ctx.planContent.upTo(tx, plan.id, state.revision);
        await recordAgreedPresence(tx, { conferenceId: conference.id, planId: plan.id, revisionId: agreed.id, revision: status.agreedRevision, contentFlags });
      }
      return status;
    });
    await ctx.events.publish({
      type: 'plan.agreementGiven',
      episodeId: conference.episodeId,
      conferenceId: conference.id,
      party,
      revision,
      onBehalfAs,
      by: editorOf(caller.principal),
      agreement,
      origin: caller.origin,
    });
    return agreement;
  });
}
