import { type Action, recordIdSchema } from '@samplan/shared';
import { allowedFor, type EpisodeRef, loadEpisodeRef, requireEpisodeAccess } from '../record/access.ts';
import type { Caller, RecordContext } from '../record/context.ts';

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
