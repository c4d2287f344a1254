import { isConferenceOver, SamplanError } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import { isRecordId } from './planAccess.ts';

export interface PlanConference {
  readonly id: string;
  readonly episodeId: string;
  readonly ended: boolean;
}

/** The conference a plan is opened or agreed in, and its episode; NOT_FOUND for a conference that does not exist. */
export async function loadPlanConference(db: DbClient, conferenceId: string): Promise<PlanConference> {
  const row = isRecordId(conferenceId) ? await db.conference.findUnique({ where: { id: conferenceId }, select: { id: true, episodeId: true, status: true } }) : null;
  if (row === null) throw new SamplanError('NOT_FOUND', 'No such conference.');
  return { id: row.id, episodeId: row.episodeId, ended: isConferenceOver(row.status) };
}
