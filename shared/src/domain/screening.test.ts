import { expect, test } from 'vitest';
import { screeningRecommendations } from './screening.ts';

test.each([
  [0, []],
  [22, []],
  [23, ['follow_up_home_visit']],
  [30, ['follow_up_home_visit']],
  [31, ['video_discharge_conference', 'follow_up_home_visit']],
  [100, ['video_discharge_conference', 'follow_up_home_visit']],
])('score %i recommends %j', (score, recommend) => {
  expect(screeningRecommendations(score)).toEqual({ ok: true, score, recommend });
});

test.each([
  [-1, 'SCORE_OUT_OF_RANGE'],
  [101, 'SCORE_OUT_OF_RANGE'],
  [310, 'SCORE_OUT_OF_RANGE'],
  [30.5, 'SCORE_NOT_A_WHOLE_NUMBER'],
  [Number.NaN, 'SCORE_NOT_A_WHOLE_NUMBER'],
  [Number.POSITIVE_INFINITY, 'SCORE_NOT_A_WHOLE_NUMBER'],
  ['31', 'SCORE_NOT_A_WHOLE_NUMBER'],
  [null, 'SCORE_NOT_A_WHOLE_NUMBER'],
])('score %j is refused with %s', (score, code) => {
  expect(screeningRecommendations(score)).toEqual({ ok: false, code, min: 0, max: 100 });
});
