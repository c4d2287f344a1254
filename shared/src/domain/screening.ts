import { z } from 'zod';

/**
 * The region's screening tool for follow-up home visits (*screening til
 * opfølgende hjemmebesøg*) gives a whole-number score. The sources name the
 * thresholds but not the scale's maximum, so the bound below only keeps typing
 * errors (a CPR fragment, 310 for 31) out; tighten it to the tool's real
 * maximum when the form is at hand.
 */
export const SCREENING_SCORE_MAX = 100;
/** "Everyone scoring 31+ is offered a discharge meeting by video, whatever their age." */
export const VIDEO_DISCHARGE_CONFERENCE_FROM = 31;
/** "Citizens with a score of 23 or more" are offered a follow-up home visit. */
export const FOLLOW_UP_HOME_VISIT_FROM = 23;

export const screeningScoreSchema = z.number().int().min(0).max(SCREENING_SCORE_MAX);

export const SCREENING_RECOMMENDATIONS = ['video_discharge_conference', 'follow_up_home_visit'] as const;
export type ScreeningRecommendation = (typeof SCREENING_RECOMMENDATIONS)[number];

export type ScreeningResult =
  | { readonly ok: true; readonly score: number; readonly recommend: readonly ScreeningRecommendation[] }
  | { readonly ok: false; readonly code: 'SCORE_NOT_A_WHOLE_NUMBER' | 'SCORE_OUT_OF_RANGE'; readonly min: 0; readonly max: typeof SCREENING_SCORE_MAX };

/** What the score recommends; the input is untrusted (a form field), so nonsense is answered, not thrown. */
export function screeningRecommendations(score: unknown): ScreeningResult {
  if (typeof score !== 'number' || !Number.isInteger(score)) {
    return { ok: false, code: 'SCORE_NOT_A_WHOLE_NUMBER', min: 0, max: SCREENING_SCORE_MAX };
  }
  if (!screeningScoreSchema.safeParse(score).success) {
    return { ok: false, code: 'SCORE_OUT_OF_RANGE', min: 0, max: SCREENING_SCORE_MAX };
  }
  const recommend: ScreeningRecommendation[] = [];
  if (score >= VIDEO_DISCHARGE_CONFERENCE_FROM) recommend.push('video_discharge_conference');
  if (score >= FOLLOW_UP_HOME_VISIT_FROM) recommend.push('follow_up_home_visit');
  return { ok: true, score, recommend };
}
