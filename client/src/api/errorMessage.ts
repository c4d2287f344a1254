/**
 * Any failure as one sentence in the page's language. A REFUSED answer
 * carries the rule's reason (advice window closed on <date>, conference
 * after discharge…), which says much more than "not possible now".
 */
import { SamplanError, type TimingRefusal } from '@samplan/shared';
import type { TFunction } from 'i18next';
import { clockOf, formatDateTime } from '../app/format.ts';
import { uiErrorCodeOf } from '../uiError.ts';

/** "08:00" from minutes since midnight. */

export function refusalMessage(t: TFunction, refusal: TimingRefusal, language: string): string {
  switch (refusal.code) {
    case 'BEFORE_ADMISSION':
      return t('refusals.BEFORE_ADMISSION', { when: formatDateTime(refusal.admittedAt, language) });
    case 'AFTER_DISCHARGE':
    case 'ALREADY_DISCHARGED':
    case 'BEFORE_DISCHARGE':
      return t(`refusals.${refusal.code}`, { when: formatDateTime(refusal.dischargedAt, language) });
    case 'ADVICE_WINDOW_CLOSED':
      return t('refusals.ADVICE_WINDOW_CLOSED', { when: formatDateTime(refusal.closedAt, language) });
    case 'ACUTE_TEAM_CLOSED':
      return t('refusals.ACUTE_TEAM_CLOSED', { from: clockOf(refusal.fromMinute), to: clockOf(refusal.toMinute), when: formatDateTime(refusal.opensAt, language) });
    case 'NO_ACUTE_TEAM':
    case 'STARTS_IN_PAST':
    case 'NOT_DISCHARGED_YET':
    case 'ADVICE_WINDOW_NOT_OPEN':
    case 'IN_THE_FUTURE':
      return t(`refusals.${refusal.code}`);
  }
}

export function errorMessage(t: TFunction, error: unknown, language: string): string {
  if (error instanceof SamplanError && error.refusal) return refusalMessage(t, error.refusal, language);
  return t(`errors.${uiErrorCodeOf(error)}`);
}
