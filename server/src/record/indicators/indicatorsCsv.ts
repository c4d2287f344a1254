import { type IndicatorsResponse, PATHWAY_CONFERENCE_KINDS, type PathwayConferenceKind } from '@samplan/shared';
import type { z } from 'zod';
import type { publishedCountSchema, publishedShareSchema } from '@samplan/shared';

type Count = z.infer<typeof publishedCountSchema>;
type Share = z.infer<typeof publishedShareSchema>;

/** The CSV's columns: the key is for machines, the rest for a person in Danish Excel. */
export const INDICATOR_CSV_HEADER = ['Nøgle', 'Indikator', 'Periode fra', 'Periode til (ekskl.)', 'Organisation', 'Antal', 'Ud af', 'Procent', 'Afventer'] as const;

interface CsvRow {
  key: string;
  label: string;
  count: string;
  of?: string;
  percent?: string;
  pending?: string;
}

/** Each counted kind's words in the CSV; a record, so a new pathway kind must be given its own. */
const CONFERENCE_KIND_LABEL: Readonly<Record<PathwayConferenceKind, string>> = {
  goal_conversation: 'målsamtale',
  discharge_conference: 'udskrivelseskonference',
  advice_call: 'rådgivning',
  follow_up: 'opfølgning',
};

const count = (value: Count): string => ('value' in value ? String(value.value) : `< ${value.fewerThan}`);
// Danish Excel reads a decimal comma.
const decimal = (value: number | null): string => (value === null ? '' : String(value).replace('.', ','));
const share = (key: string, label: string, value: Share & { pending?: Count }): CsvRow => ({
  key,
  label,
  count: count(value.numerator),
  of: count(value.denominator),
  percent: decimal(value.percent),
  ...(value.pending === undefined ? {} : { pending: count(value.pending) }),
});

/**
 * Semicolon-separated (Excel's separator where the decimal separator is a
 * comma), CRLF line ends, and a UTF-8 byte order mark, without which Excel
 * reads "Nøgle" as "NÃ¸gle". Fields that hold the separator, a quote or a line
 * break are quoted; a field that starts like a formula is prefixed with an
 * apostrophe so a spreadsheet shows it instead of running it.
 */
export function indicatorsCsv(figures: IndicatorsResponse): string {
  const rows: CsvRow[] = [
    ...PATHWAY_CONFERENCE_KINDS.map((kind) => ({ key: `conferences_held.${kind}`, label: `Konferencer afholdt: ${CONFERENCE_KIND_LABEL[kind]}`, count: count(figures.conferencesHeld[kind]) })),
    { key: 'discharges', label: 'Udskrivelser', count: count(figures.discharges) },
    share('reception_visit_within_24h', 'Modtagebesøg inden for 24 timer', figures.receptionVisitWithin24h),
    share('follow_up_visit_within_8_days', 'Opfølgende hjemmebesøg inden for 8 dage (screenet ≥ 23)', figures.followUpVisitWithin8Days),
    share('discharged_before_noon', 'Udskrevet før kl. 12', figures.dischargedBeforeNoon),
    { key: 'advice.requests', label: 'Rådgivning: henvendelser i 7-dagesvinduet', count: count(figures.advice.requests) },
    { key: 'advice.answered', label: 'Rådgivning: besvaret', count: count(figures.advice.answered) },
    { key: 'advice.median_minutes_to_answer', label: 'Rådgivning: median tid til svar (minutter)', count: decimal(figures.advice.medianMinutesToAnswer) },
    share('readmission.with_video_discharge_conference', 'Genindlagt inden for 30 dage: med videoudskrivelseskonference', figures.readmission.withVideoDischargeConference),
    share('readmission.without_video_discharge_conference', 'Genindlagt inden for 30 dage: uden videoudskrivelseskonference', figures.readmission.withoutVideoDischargeConference),
    { key: 'readmission.window_still_open', label: 'Genindlæggelse: 30 dage endnu ikke gået', count: count(figures.readmission.windowStillOpen) },
  ];
  const organisation = figures.organisation?.name ?? 'Alle organisationer';
  const lines = [
    INDICATOR_CSV_HEADER.map(field),
    ...rows.map((row) => [row.key, row.label, figures.period.from, figures.period.to, organisation, row.count, row.of ?? '', row.percent ?? '', row.pending ?? ''].map(field)),
  ];
  return `\uFEFF${lines.map((line) => line.join(';')).join('\r\n')}\r\n`;
}

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
