import { z } from 'zod';

/**
 * TOBS (*Tidlig Opsporing af Begyndende Sygdom*): home-care staff measure five
 * vital values when a citizen's state changes; each gives 0–3 points and the
 * sum (0–15) decides the response. The bands below are the region's published
 * pocket card (notes/domain.md), which is written for a rectal temperature.
 *
 * The card leaves gaps between some bands (pulse "< 39" then "40–49", "110–129"
 * then "> 130"; likewise respiration 8 and 25, blood pressure 69 and 200,
 * temperature 33.9 and 40.0). The written closed ranges are taken exactly as
 * printed and each gap value goes to the open-ended band beside it, which is
 * always the more extreme score: a borderline value alerts rather than
 * reassures, and it is the ≤ / ≥ convention of the early-warning scores TOBS
 * belongs with (NEWS scores respiration ≤ 8 and ≥ 25 with 3, exactly this row).
 */

export const TOBS_TEMPERATURE_SITES = ['rectal', 'oral', 'axillary'] as const;
export type TobsTemperatureSite = (typeof TOBS_TEMPERATURE_SITES)[number];

/**
 * Added to a reading to bring it to the rectal basis of the card. Figures from
 * notes/domain.md ("measured orally: add 0.5 °C; in the armpit: add 1 °C").
 * The notes give none for the ear, so an ear reading is not accepted.
 */
export const TOBS_TEMPERATURE_SITE_CORRECTION_CELSIUS: Readonly<Record<TobsTemperatureSite, number>> = {
  rectal: 0,
  oral: 0.5,
  axillary: 1,
};

/**
 * Outside these a non-rectal reading is not trusted: the card says to measure
 * rectally ("below 36 or above 40: rectal"). Applied to the reading as read.
 */
export const TOBS_NON_RECTAL_TRUSTED_CELSIUS = { from: 36, to: 40 } as const;

export const TOBS_CONSCIOUSNESS_LEVELS = ['habitual', 'agitated', 'responds_to_voice', 'responds_to_pain', 'unresponsive'] as const;
export type TobsConsciousness = (typeof TOBS_CONSCIOUSNESS_LEVELS)[number];

/**
 * Wide enough for every living patient a home nurse meets, narrow enough that
 * a slipped key (pulse 700, temperature 378, blood pressure 1200) is refused
 * with the field named instead of scored.
 */
export const TOBS_BOUNDS = {
  pulsePerMinute: { min: 20, max: 250 },
  respirationPerMinute: { min: 4, max: 70 },
  temperatureCelsius: { min: 25, max: 45 },
  systolicMmHg: { min: 40, max: 300 },
  spo2Percent: { min: 50, max: 100 },
} as const;

function wholeNumberIn(field: Exclude<keyof typeof TOBS_BOUNDS, 'temperatureCelsius'>, what: string, unit: string) {
  const { min, max } = TOBS_BOUNDS[field];
  const outside = `${what} must be ${min}–${max} ${unit}`;
  return z
    .number({ error: `${what} must be a number (${unit})` })
    .int(`${what} is a whole number of ${unit}`)
    .min(min, outside)
    .max(max, outside);
}

/** Thermometers show tenths and the card is written in tenths; more decimals are a typing or unit error. */
function isInTenths(celsius: number): boolean {
  return Math.abs(celsius * 10 - Math.round(celsius * 10)) < 1e-6;
}

const temperatureBounds = TOBS_BOUNDS.temperatureCelsius;
const temperatureOutside = `temperature must be ${temperatureBounds.min}–${temperatureBounds.max} °C`;

export const tobsMeasurementSchema = z.object({
  pulsePerMinute: wholeNumberIn('pulsePerMinute', 'pulse', 'beats/min'),
  respirationPerMinute: wholeNumberIn('respirationPerMinute', 'respiration', 'breaths/min'),
  temperatureCelsius: z
    .number({ error: 'temperature must be a number (°C)' })
    .min(temperatureBounds.min, temperatureOutside)
    .max(temperatureBounds.max, temperatureOutside)
    .refine(isInTenths, 'temperature is read to one decimal, e.g. 37.8 °C'),
  temperatureSite: z.enum(TOBS_TEMPERATURE_SITES, {
    error: `temperature site must be one of ${TOBS_TEMPERATURE_SITES.join(', ')}`,
  }),
  systolicMmHg: wholeNumberIn('systolicMmHg', 'systolic blood pressure', 'mmHg'),
  consciousness: z.enum(TOBS_CONSCIOUSNESS_LEVELS, {
    error: `consciousness must be one of ${TOBS_CONSCIOUSNESS_LEVELS.join(', ')}`,
  }),
  /** Often measured beside TOBS; recorded, never scored. */
  spo2Percent: wholeNumberIn('spo2Percent', 'SpO₂', '%').optional(),
});
export type TobsMeasurement = z.infer<typeof tobsMeasurementSchema>;

/** A band holds every value up to and including `upTo`; the first band that holds the value scores it. */
interface Band {
  readonly upTo: number;
  readonly points: number;
}

const PULSE_BANDS: readonly Band[] = [
  { upTo: 39, points: 2 }, // card "< 39": 39 itself closes the gap to 40–49
  { upTo: 49, points: 1 },
  { upTo: 89, points: 0 },
  { upTo: 109, points: 1 },
  { upTo: 129, points: 2 },
  { upTo: Infinity, points: 3 }, // card "> 130": 130 itself closes the gap to 110–129
];

const RESPIRATION_BANDS: readonly Band[] = [
  { upTo: 8, points: 3 }, // card "< 8": 8 itself closes the gap to 9–11
  { upTo: 11, points: 1 },
  { upTo: 20, points: 0 },
  { upTo: 24, points: 2 },
  { upTo: Infinity, points: 3 }, // card "> 25": 25 itself closes the gap to 21–24
];

/** In tenths of a degree, rectal basis. */
const TEMPERATURE_TENTHS_BANDS: readonly Band[] = [
  { upTo: 339, points: 3 }, // card "< 33.9": 33.9 itself closes the gap to 34–35.9
  { upTo: 359, points: 2 },
  { upTo: 379, points: 0 },
  { upTo: 389, points: 1 },
  { upTo: 399, points: 2 },
  { upTo: Infinity, points: 3 }, // card "> 40": 40.0 itself closes the gap to 39–39.9
];

const SYSTOLIC_BANDS: readonly Band[] = [
  { upTo: 69, points: 3 }, // card "< 69": 69 itself closes the gap to 70–79
  { upTo: 79, points: 2 },
  { upTo: 99, points: 1 },
  { upTo: 199, points: 0 },
  { upTo: Infinity, points: 2 }, // card "> 200": 200 itself closes the gap to 100–199
];

const CONSCIOUSNESS_POINTS: Readonly<Record<TobsConsciousness, number>> = {
  habitual: 0,
  agitated: 1,
  responds_to_voice: 1,
  responds_to_pain: 2,
  unresponsive: 3,
};

function pointsIn(bands: readonly Band[], value: number): number {
  const band = bands.find((candidate) => value <= candidate.upTo);
  if (band === undefined) throw new RangeError(`no TOBS band holds ${value}`);
  return band.points;
}

export const TOBS_MAX_SCORE = 15;

export interface TobsScore {
  readonly points: {
    readonly pulse: number;
    readonly respiration: number;
    readonly temperature: number;
    readonly systolic: number;
    readonly consciousness: number;
  };
  /** 0–15. */
  readonly total: number;
  /** The temperature the card was read with, after the site correction. */
  readonly rectalBasisCelsius: number;
  /** A non-rectal reading outside 36–40 °C: the card asks for a rectal measurement. */
  readonly measureRectally: boolean;
}

/** Scores a measurement that passed `tobsMeasurementSchema`. */
export function scoreTobs(measurement: TobsMeasurement): TobsScore {
  const { temperatureCelsius, temperatureSite } = measurement;
  const rectalTenths =
    Math.round(temperatureCelsius * 10) + Math.round(TOBS_TEMPERATURE_SITE_CORRECTION_CELSIUS[temperatureSite] * 10);
  const points = {
    pulse: pointsIn(PULSE_BANDS, measurement.pulsePerMinute),
    respiration: pointsIn(RESPIRATION_BANDS, measurement.respirationPerMinute),
    temperature: pointsIn(TEMPERATURE_TENTHS_BANDS, rectalTenths),
    systolic: pointsIn(SYSTOLIC_BANDS, measurement.systolicMmHg),
    consciousness: CONSCIOUSNESS_POINTS[measurement.consciousness],
  };
  const { from, to } = TOBS_NON_RECTAL_TRUSTED_CELSIUS;
  return {
    points,
    total: points.pulse + points.respiration + points.temperature + points.systolic + points.consciousness,
    rectalBasisCelsius: rectalTenths / 10,
    measureRectally: temperatureSite !== 'rectal' && (temperatureCelsius < from || temperatureCelsius > to),
  };
}
