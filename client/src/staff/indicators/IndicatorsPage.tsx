/**
 * The pathway's figures for a period and an organisation, each as a chart and
 * as the table it pictures, with the CSV export of the same figures. Only
 * counts reach this page; 1–4 arrive as "fewer than 5" and shares of fewer
 * than 5 without their percentage (the server decides, not this page).
 */
import { type IndicatorsQuery, type IndicatorsResponse, type OrganisationView, PATHWAY_CONFERENCE_KINDS, type PublishedCount, type PublishedShare, STAFF_SECTORS } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, indicatorSearch } from '../../api/endpoints.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { type Bar, BarChart } from './BarChart.tsx';

function defaultQuery(): IndicatorsQuery {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** The one organisation list (by name), offered ward by ward, then municipalities, then GP practices. */
const bySector = (organisations: readonly OrganisationView[]) =>
  [...organisations].sort((a, b) => STAFF_SECTORS.indexOf(a.sector) - STAFF_SECTORS.indexOf(b.sector));

export function IndicatorsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<IndicatorsQuery>(defaultQuery);
  const [draft, setDraft] = useState<IndicatorsQuery>(query);
  const organisations = useLoad(() => api.organisations().then((r) => bySector(r.organisations)), 'organisations');
  const figures = useLoad(() => api.indicators(query), `indicators?${indicatorSearch(query)}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  return (
    <div className="staff-page indicators">
      <h1>{t('indicators.heading')}</h1>
      <form className="indicator-filters" onSubmit={submit}>
        <label>
          {t('indicators.from')}
          <input type="date" required value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {t('indicators.to')}
          <input type="date" required value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <label>
          {t('indicators.organisation')}
          <select
            value={draft.organisationId ?? ''}
            onChange={(event) => {
              const { organisationId: _previous, ...rest } = draft;
              setDraft(event.target.value === '' ? rest : { ...rest, organisationId: event.target.value });
            }}
          >
            <option value="">{t('indicators.allOrganisations')}</option>
            {organisations.status === 'ok' &&
              organisations.data.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="button primary">
          {t('indicators.show')}
        </button>
        <a className="button" href={`/api/indicators.csv?${indicatorSearch(query)}`} download>
          {t('indicators.csv')}
        </a>
      </form>
      <p className="indicator-note">{t('indicators.smallCells')}</p>
      {figures.status !== 'ok' ? <LoadStatus loaded={figures} onRetry={figures.reload} /> : <Figures figures={figures.data} />}
    </div>
  );
}

function Figures({ figures }: { figures: IndicatorsResponse }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const count = (value: PublishedCount) => ('value' in value ? number.format(value.value) : t('indicators.fewerThan', { limit: value.fewerThan }));
  const countValue = (value: PublishedCount) => ('value' in value ? value.value : null);
  const percent = (share: PublishedShare) => (share.percent === null ? t('indicators.withheld') : `${number.format(share.percent)} %`);
  const shareText = (share: PublishedShare) => t('indicators.shareText', { percent: percent(share), numerator: count(share.numerator), denominator: count(share.denominator) });
  const shareBar = (label: string, share: PublishedShare, hatched = false): Bar => ({ label, value: share.percent, text: shareText(share), hatched });

  const conferenceBars = PATHWAY_CONFERENCE_KINDS.map((kind): Bar => ({ label: t(`kinds.${kind}`), value: countValue(figures.conferencesHeld[kind]), text: count(figures.conferencesHeld[kind]) }));
  const adviceBars: Bar[] = [
    { label: t('indicators.adviceRequests'), value: countValue(figures.advice.requests), text: count(figures.advice.requests) },
    { label: t('indicators.adviceAnswered'), value: countValue(figures.advice.answered), text: count(figures.advice.answered), hatched: true },
  ];
  const maxOf = (bars: readonly Bar[]) => Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const median = figures.advice.medianMinutesToAnswer;

  return (
    <div className="indicator-figures">
      <p>
        {t('indicators.scope', { organisation: figures.organisation?.name ?? t('indicators.allOrganisations'), from: figures.period.from, to: figures.period.to })}{' '}
        {t('indicators.discharges', { text: count(figures.discharges) })}
      </p>
      <Figure id="conferences" heading={t('indicators.conferencesHeld')} bars={conferenceBars} max={maxOf(conferenceBars)} columns={[t('indicators.kind'), t('indicators.count')]} />
      <Figure
        id="reception"
        heading={t('indicators.reception')}
        bars={[shareBar(t('indicators.kept'), figures.receptionVisitWithin24h)]}
        max={100}
        columns={[t('indicators.figure'), t('indicators.share')]}
        note={t('indicators.pending', { text: count(figures.receptionVisitWithin24h.pending) })}
      />
      <Figure
        id="follow-up"
        heading={t('indicators.followUp')}
        bars={[shareBar(t('indicators.kept'), figures.followUpVisitWithin8Days)]}
        max={100}
        columns={[t('indicators.figure'), t('indicators.share')]}
        note={`${t('indicators.followUpWho')} ${t('indicators.pending', { text: count(figures.followUpVisitWithin8Days.pending) })}`}
      />
      <Figure id="noon" heading={t('indicators.beforeNoon')} bars={[shareBar(t('indicators.beforeNoonBar'), figures.dischargedBeforeNoon)]} max={100} columns={[t('indicators.figure'), t('indicators.share')]} />
      <Figure
        id="advice"
        heading={t('indicators.advice')}
        bars={adviceBars}
        max={maxOf(adviceBars)}
        columns={[t('indicators.figure'), t('indicators.count')]}
        note={median === null ? t('indicators.medianWithheld') : t('indicators.median', { minutes: number.format(median) })}
      />
      <Figure
        id="readmission"
        heading={t('indicators.readmission')}
        bars={[
          shareBar(t('indicators.withConference'), figures.readmission.withVideoDischargeConference),
          shareBar(t('indicators.withoutConference'), figures.readmission.withoutVideoDischargeConference, true),
        ]}
        max={100}
        columns={[t('indicators.figure'), t('indicators.share')]}
        note={t('indicators.windowOpen', { text: count(figures.readmission.windowStillOpen) })}
      />
    </div>
  );
}

function Figure({ id, heading, bars, max, columns, note }: { id: string; heading: string; bars: readonly Bar[]; max: number; columns: readonly [string, string]; note?: string }) {
  return (
    <section className="card indicator" aria-labelledby={`indicator-${id}`}>
      <h2 id={`indicator-${id}`}>{heading}</h2>
      <BarChart id={`chart-${id}`} bars={bars} max={max} />
      <table className="indicator-table" aria-labelledby={`indicator-${id}`}>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="indicator-note">{note}</p>}
    </section>
  );
}
