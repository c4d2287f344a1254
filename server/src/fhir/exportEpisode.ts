import { SamplanError } from '@samplan/shared';
import { grant } from '../record/plan/planAccess.ts';
import { auditOk } from '../record/audit.ts';
import type { Caller, RecordContext } from '../record/context.ts';
import { type CollectionBundle, episodeBundle } from './episodeBundle.ts';
import { loadEpisodeExport } from './loadEpisodeExport.ts';

/**
 * The episode as a FHIR R4 Bundle, for the care team: it carries the CPR
 * number and the whole record, so a conference link (patient, relative) does
 * not reach it. Audited as an export.
 */
export async function exportEpisode(ctx: RecordContext, caller: Caller, episodeId: string): Promise<CollectionBundle> {
  const granted = await grant(ctx, caller, episodeId, { action: 'episode:read', audit: { action: 'export', resourceType: 'Episode' } });
  const record = await loadEpisodeExport(ctx.db, episodeId, ctx.now());
  if (record === null) throw new SamplanError('NOT_FOUND', 'No such episode.');
  await auditOk(ctx.db, caller, { action: 'export', resourceType: 'Episode', resourceId: episodeId, patientId: granted.episode.patientId });
  return episodeBundle(record);
}
