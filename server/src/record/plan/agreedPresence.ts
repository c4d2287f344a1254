import { ownPartyOf, representsPatient } from '@samplan/shared';
import type { DbTransaction } from '../../store/database.ts';
import { IN_CALL_NOW } from '../conferences/callPresence.ts';

/**
 * When a conference records a revision as agreed by all present, it also
 * records who was in the call at that moment and, for each of them, the
 * agreement that counted for their own party (a relative's is hers, not the
 * patient's): the one given to the same content (domain/agreement.ts),
 * earliest first; for a relative who represents the patient, also the one
 * that counted for the patient. Run in the agreement's transaction,
 * so the record and the agreement stand or fall together.
 */
export async function recordAgreedPresence(
  tx: DbTransaction,
  agreed: { conferenceId: string; planId: string; revisionId: string; revision: number; contentFlags: readonly boolean[] },
): Promise<void> {
  const contentOf = [0];
  agreed.contentFlags.forEach((changes, index) => contentOf.push(changes ? index + 1 : (contentOf[index] ?? 0)));
  const agreedContent = contentOf[agreed.revision];

  const present = await tx.participant.findMany({ where: { conferenceId: agreed.conferenceId, ...IN_CALL_NOW }, select: { id: true, role: true, relativeId: true, relative: { select: { representation: true } } } });
  const given = await tx.agreement.findMany({
    where: { revision: { planId: agreed.planId, number: { lte: agreed.revision } } },
    select: { id: true, partyKey: true, revision: { select: { number: true } } },
    orderBy: { agreedAt: 'asc' },
  });
  const counted = new Map<string, string>();
  for (const agreement of given) {
    if (contentOf[agreement.revision.number] === agreedContent && !counted.has(agreement.partyKey)) counted.set(agreement.partyKey, agreement.id);
  }

  await tx.agreedPresence.createMany({
    data: present.map((participant) => {
      const person = { participantId: participant.id, role: participant.role, relativeId: participant.relativeId, representation: participant.relative?.representation ?? 'none' };
      const party = ownPartyOf(person);
      return {
        conferenceId: agreed.conferenceId,
        revisionId: agreed.revisionId,
        participantId: participant.id,
        agreementId: party === null ? null : (counted.get(party) ?? null),
        representedAgreementId: representsPatient(person) === null ? null : (counted.get('patient') ?? null),
      };
    }),
    skipDuplicates: true,
  });
}
