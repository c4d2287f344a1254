import { CONFERENCE_KINDS, CONFERENCE_STATUSES, CONSENT_SCOPES, type TimelineEntry, VISIT_KINDS, VISIT_MODES } from '@samplan/shared';
import type { TFunction } from 'i18next';

const is = <T extends string>(values: readonly T[], value: string | undefined): value is T => value !== undefined && (values as readonly string[]).includes(value);

/**
 * The server sends details untranslated ("discharge_conference ended",
 * "share_across_sectors", "3"); words known to the client are translated,
 * anything else is shown as it came rather than hidden.
 */
export function timelineDetail(t: TFunction, entry: TimelineEntry): string {
  const detail = entry.detail ?? '';
  if (entry.kind === 'conference') {
    const [kind, status] = detail.split(' ');
    if (is(CONFERENCE_KINDS, kind)) return [t(`kinds.${kind}`), is(CONFERENCE_STATUSES, status) ? t(`conferenceStatus.${status}`) : status].filter(Boolean).join(', ');
  }
  if ((entry.kind === 'consent_recorded' || entry.kind === 'consent_withdrawn') && is(CONSENT_SCOPES, detail)) return t(`episode.consentScope.${detail}`);
  if (entry.kind === 'visit') {
    const [kind, mode] = detail.split(' ');
    if (is(VISIT_KINDS, kind)) return [t(`visits.kinds.${kind}`), is(VISIT_MODES, mode) ? t(`visits.modes.${mode}`) : mode].filter(Boolean).join(', ');
  }
  const score = /^score (\d+)$/.exec(detail);
  if (entry.kind === 'tobs' && score) return t('tobs.score', { score: Number(score[1]) });
  const revision = /^(?:revision )?(\d+)$/.exec(detail);
  if (entry.kind === 'plan_revision' && revision) return t('episode.revision', { revision: revision[1] });
  return detail;
}
