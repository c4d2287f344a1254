import { type Action, recordIdSchema } from '@samplan/shared';
import { allowedFor, type EpisodeRef, loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import type { DbClient } from '../../store/database.ts';

/** What a checked plan request carries on: the episode and everything the person may do in it (for the client's controls). */
export interface Granted {
  readonly episode: EpisodeRef;
  readonly allowed: readonly Action[];
}

export interface PlanAccessCheck {
  readonly action: Action;
  /** What the audit row of a refusal says was attempted: a verb ("read", "update", "agree") on a model. */
  readonly audit: { readonly action: string; readonly resourceType: string };
  /** Set when the request is made in a conference: a link reaches only its own. */
  readonly conferenceId?: string;
}

/** An id that is no uuid names nothing; asking PostgreSQL would be an error, not a miss. */
export const isRecordId = (id: string) => recordIdSchema.safeParse(id).success;

/** record/access.ts's check (audited refusal: 404 without standing, 403 without the right) on an episode read already. */
export async function grantOn(ctx: Pick<RecordContext, 'db' | 'now'>, caller: Caller, episode: EpisodeRef | null, check: PlanAccessCheck): Promise<Granted> {
  const { episode: granted } = await requireEpisodeAccess(ctx, caller, episode, check);
  return { episode: granted, allowed: allowedFor(caller.principal, granted.access, ctx.now(), check.conferenceId) };
}

export async function grant(ctx: Pick<RecordContext, 'db' | 'now'>, caller: Caller, episodeId: string, check: PlanAccessCheck): Promise<Granted> {
  return grantOn(ctx, caller, isRecordId(episodeId) ? await loadEpisodeRef(ctx.db, episodeId) : null, check);
}

/** Where in the record a plan request is made: the episode, and the conference when it is made in one (its revisions link to it). */
export interface PlanPlace {
  readonly episodeId: string;
  readonly conferenceId?: string;
}

/** The check of a plan request made at `place`: a link reaches only its own conference. */
export function planCheck(place: PlanPlace, action: 'plan:read' | 'plan:agree', verb: string, resourceType: string): PlanAccessCheck {
  return { action, audit: { action: verb, resourceType }, ...(place.conferenceId === undefined ? {} : { conferenceId: place.conferenceId }) };
}

/** A plan act's audit row, for the patient of the episode granted; pass the write's transaction so both commit or neither. */
export function auditPlan(db: DbClient, caller: Caller, granted: Granted, { outcome, ...act }: { action: string; resourceType: string; resourceId: string | null; outcome: 'ok' | 'denied' }) {
  const audited = { ...act, patientId: granted.episode.patientId };
  return outcome === 'ok' ? auditOk(db, caller, audited) : auditDenied(db, caller, audited);
}
