import { z } from 'zod';
import { TOBS_MAX_SCORE } from './tobs.ts';

/**
 * What a TOBS score calls for. Municipalities adapt the responses, so a table
 * is data an organisation may store as its own; `DEFAULT_TOBS_RESPONSES` is
 * the pocket card's wording (notes/domain.md) for those that have not.
 */
export const tobsResponseBandSchema = z.object({
  /** The band holds every total from here up to the next band's `fromScore`. */
  fromScore: z.number().int().min(0).max(TOBS_MAX_SCORE),
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'code is lower_snake_case').max(64),
  text: z.object({ da: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }),
});
export type TobsResponseBand = z.infer<typeof tobsResponseBandSchema>;

export const tobsResponseTableSchema = z
  .array(tobsResponseBandSchema)
  .max(TOBS_MAX_SCORE + 1)
  .refine((bands) => bands[0]?.fromScore === 0, 'the first band starts at score 0, so every score has a response')
  .refine(
    (bands) => bands.every((band, index) => index === 0 || band.fromScore > (bands[index - 1]?.fromScore ?? Infinity)),
    'bands are in rising order of fromScore, no two alike',
  )
  .refine((bands) => new Set(bands.map((band) => band.code)).size === bands.length, 'each band has its own code');
export type TobsResponseTable = z.infer<typeof tobsResponseTableSchema>;

/**
 * The card names a fourth step ("higher scores call for the doctor at once")
 * without the score it starts at, so it stays in the words of the last band
 * here; an organisation that has the figure adds its own band.
 */
export const DEFAULT_TOBS_RESPONSES: TobsResponseTable = [
  {
    fromScore: 0,
    code: 'repeat_at_discretion',
    text: { da: 'Gentag målingen efter skøn.', en: 'Repeat the measurement at your discretion.' },
  },
  {
    fromScore: 1,
    code: 'check_and_repeat',
    text: {
      da: 'Tjek urin, blodsukker, væskeindtag og medicin, og overvej at kontakte egen læge. Gentag målingen 3 gange det næste døgn.',
      en: 'Check urine, blood sugar, fluid intake and medication, and consider calling the GP. Repeat the measurement 3 times over the next day.',
    },
  },
  {
    fromScore: 2,
    code: 'call_nurse',
    text: {
      da: 'Sygeplejersken tilkaldes og beslutter, om egen læge eller vagtlægen skal kontaktes. Ved højere score tilkaldes lægen straks.',
      en: 'Call the nurse, who decides whether to contact the GP or the out-of-hours doctor. At higher scores the doctor is called at once.',
    },
  },
];

/** The band of `table` that holds `total`; the table is one that passed `tobsResponseTableSchema`. */
export function tobsResponse(total: number, table: TobsResponseTable = DEFAULT_TOBS_RESPONSES): TobsResponseBand {
  if (!Number.isInteger(total) || total < 0 || total > TOBS_MAX_SCORE) {
    throw new RangeError(`a TOBS total is a whole number 0–${TOBS_MAX_SCORE}, not ${total}`);
  }
  const band = table.findLast((candidate) => candidate.fromScore <= total);
  if (band === undefined) throw new RangeError('the TOBS response table has no band from score 0');
  return band;
}
