import type { IndicatorsResponse } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { indicatorsCsv } from './indicatorsCsv.ts';

const figures: IndicatorsResponse = {
  period: { from: '2026-01-01', to: '2027-01-01' },
  organisation: { id: '0193a1b2-0000-7000-8000-000000000001', name: 'Hjemmeplejen; "Vest"' },
  computedAt: '2027-02-01T10:00:00.000Z',
  smallCellLimit: 5,
  conferencesHeld: { goal_conversation: { value: 12 }, discharge_conference: { value: 63 }, advice_call: { fewerThan: 5 }, follow_up: { value: 0 } },
  discharges: { value: 163 },
  receptionVisitWithin24h: { numerator: { value: 150 }, denominator: { value: 160 }, percent: 93.8, pending: { fewerThan: 5 } },
  followUpVisitWithin8Days: { numerator: { fewerThan: 5 }, denominator: { fewerThan: 5 }, percent: null, pending: { value: 0 } },
  dischargedBeforeNoon: { numerator: { value: 80 }, denominator: { value: 163 }, percent: 49.1 },
  advice: { requests: { value: 20 }, answered: { value: 18 }, medianMinutesToAnswer: 42.5 },
  readmission: {
    withVideoDischargeConference: { numerator: { value: 5 }, denominator: { value: 63 }, percent: 7.9 },
    withoutVideoDischargeConference: { numerator: { value: 17 }, denominator: { value: 100 }, percent: 17 },
    windowStillOpen: { value: 0 },
  },
};

describe('indicatorsCsv', () => {
  const csv = indicatorsCsv(figures);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a byte order mark and a header, ends with a line break', () => {
    expect(csv.startsWith('\uFEFFNøgle;Indikator;Periode fra;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('one row per figure, small cells as "< 5", decimal commas, the organisation quoted', () => {
    expect(lines).toContain('readmission.with_video_discharge_conference;Genindlagt inden for 30 dage: med videoudskrivelseskonference;2026-01-01;2027-01-01;"Hjemmeplejen; ""Vest""";5;63;7,9;');
    expect(lines).toContain('conferences_held.advice_call;Konferencer afholdt: rådgivning;2026-01-01;2027-01-01;"Hjemmeplejen; ""Vest""";< 5;;;');
    expect(lines).toContain('follow_up_visit_within_8_days;Opfølgende hjemmebesøg inden for 8 dage (screenet ≥ 23);2026-01-01;2027-01-01;"Hjemmeplejen; ""Vest""";< 5;< 5;;0');
    expect(lines).toContain('advice.median_minutes_to_answer;Rådgivning: median tid til svar (minutter);2026-01-01;2027-01-01;"Hjemmeplejen; ""Vest""";42,5;;;');
    expect(lines).toHaveLength(1 + 14 + 1);
  });

  it('a name that starts like a formula is shown, not run', () => {
    const csvOf = (name: string) => indicatorsCsv({ ...figures, organisation: { id: figures.organisation!.id, name } });
    expect(csvOf('=HYPERLINK("x")')).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(csvOf('@SUM(A1)')).toContain(";'@SUM(A1);");
    expect(indicatorsCsv({ ...figures, organisation: null })).toContain(';Alle organisationer;');
  });
});
