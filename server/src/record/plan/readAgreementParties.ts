import type { AgreementParties } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import { partiesOf } from './agreements.ts';
import { loadPlanConference } from './loadPlanConference.ts';
import { readPlanState } from './planState.ts';

/**
 * Who is in a conference and who agreed to its episode's plan, for the
 * connections that already have that plan open (they were checked when they
 * opened it, and are checked again at every request they make).
 */
export async function readAgreementParties(db: DbClient, conferenceId: string): Promise<AgreementParties> {
  const conference = await loadPlanConference(db, conferenceId);
  return partiesOf(await readPlanState(db, conference.episodeId, { conferenceId: conference.id, document: false }));
}
