import type { ConferenceKind } from '@samplan/shared';
import type { ConferenceKind as StoredConferenceKind } from './generated/enums.ts';

/**
 * The protocol calls the geriatric advice call `advice_call`; the schema
 * stores it as `geriatric_advice`. Every other kind is spelled the same. The
 * mapping lives here so nothing else has to know.
 */
export function storedConferenceKind(kind: ConferenceKind): StoredConferenceKind {
  return kind === 'advice_call' ? 'geriatric_advice' : kind;
}

export function conferenceKindOf(stored: StoredConferenceKind): ConferenceKind {
  return stored === 'geriatric_advice' ? 'advice_call' : stored;
}
