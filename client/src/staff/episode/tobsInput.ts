import { scoreTobs, TOBS_BOUNDS, type TobsMeasurement, tobsMeasurementSchema, tobsResponse, type TobsResponseBand, type TobsScore } from '@samplan/shared';

/** The form's fields as typed: text, so a half-typed "37," is kept as the nurse typed it. */
export interface TobsDraft {
  pulsePerMinute: string;
  respirationPerMinute: string;
  temperatureCelsius: string;
  temperatureSite: TobsMeasurement['temperatureSite'];
  systolicMmHg: string;
  consciousness: TobsMeasurement['consciousness'];
  spo2Percent: string;
}

export const EMPTY_TOBS_DRAFT: TobsDraft = {
  pulsePerMinute: '',
  respirationPerMinute: '',
  temperatureCelsius: '',
  temperatureSite: 'rectal',
  systolicMmHg: '',
  consciousness: 'habitual',
  spo2Percent: '',
};

export type NumericTobsField = keyof typeof TOBS_BOUNDS;

export type TobsReading =
  | { readonly state: 'incomplete'; readonly invalid: readonly NumericTobsField[] }
  | { readonly state: 'invalid'; readonly invalid: readonly NumericTobsField[] }
  | { readonly state: 'scored'; readonly measurement: TobsMeasurement; readonly score: TobsScore; readonly response: TobsResponseBand };

/** A Danish keyboard types "37,8"; the card means 37.8. */
function number(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * What the draft says so far, with the same schema and score the server
 * uses: the score and the card's response once all five values are there
 * and in range, else which typed fields are out of range.
 */
export function readTobs(draft: TobsDraft): TobsReading {
  const candidate = {
    pulsePerMinute: number(draft.pulsePerMinute),
    respirationPerMinute: number(draft.respirationPerMinute),
    temperatureCelsius: number(draft.temperatureCelsius),
    temperatureSite: draft.temperatureSite,
    systolicMmHg: number(draft.systolicMmHg),
    consciousness: draft.consciousness,
    spo2Percent: number(draft.spo2Percent),
  };
  const parsed = tobsMeasurementSchema.safeParse(candidate);
  if (parsed.success) {
    const score = scoreTobs(parsed.data);
    return { state: 'scored', measurement: parsed.data, score, response: tobsResponse(score.total) };
  }
  const numeric = Object.keys(TOBS_BOUNDS) as NumericTobsField[];
  // A field left empty is not yet wrong; one typed and refused is.
  const invalid = numeric.filter((field) => candidate[field] !== undefined && parsed.error.issues.some((issue) => issue.path[0] === field));
  const missing = numeric.some((field) => field !== 'spo2Percent' && candidate[field] === undefined);
  return { state: missing ? 'incomplete' : 'invalid', invalid };
}
