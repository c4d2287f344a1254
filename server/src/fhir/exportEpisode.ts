import { SamplanError } from '@samplan/shared';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../record/clock.ts';
import { requireAccess } from '../plan/access.ts';
import { auditActorOf } from '../plan/authorship.ts';
import { recordAudit } from '../store/audit.ts';
import type { Db } from '../store/database.ts';
import { type CollectionBundle, episodeBundle } from './episodeBundle.ts';
import { loadEpisodeExport } from './loadEpisodeExport.ts';

/**
 * The episode as a FHIR R4 Bundle, for the care team: it carries the CPR
 * number and the whole record, so a conference link (patient, relative) does
 * not reach it. Audited as an export.
 */
export async function exportEpisode(db: Db, principal: Principal, episodeId: string, via: string, now: Clock): Promise<CollectionBundle> {
  const at = now();
  const granted = await requireAccess(db, { principal, action: 'episode:read', episodeId, via, audit: { action: 'export', resourceType: 'Episode' }, now: at });
  const record = await loadEpisodeExport(db, episodeId, at);
  if (record === null) throw new SamplanError('NOT_FOUND', 'No such episode.');
  await recordAudit(db, { actor: auditActorOf(principal), action: 'export', resourceType: 'Episode', resourceId: episodeId, patientId: granted.episode.patientId, via, outcome: 'ok' });
  return episodeBundle(record);
}
