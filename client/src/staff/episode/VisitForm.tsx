/**
 * Record a visit after discharge: which, how, when, the checklist (every item
 * answered) and, if measured, TOBS with its score shown as it is typed.
 */
import {
  type ChecklistAnswer,
  checklistAnswersOf,
  VISIT_CHECKLIST_ITEMS,
  VISIT_KINDS,
  VISIT_MODES,
  type VisitChecklist,
  visitChecklistSchema,
  type VisitKind,
  type VisitMode,
} from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useSubmit } from '../../app/useSubmit.ts';
import { TobsFields } from './TobsFields.tsx';
import { EMPTY_TOBS_DRAFT, readTobs } from './tobsInput.ts';
import { useServerNow } from './useServerNow.ts';

interface FormProps {
  episodeId: string;
  onRecorded(): void;
  onCancel(): void;
}

export function VisitForm(props: FormProps) {
  const now = useServerNow(props.episodeId);
  if (now.status !== 'ok') return <LoadStatus loaded={now} onRetry={now.reload} />;
  return <VisitFields {...props} now={now.data} />;
}

function VisitFields({ episodeId, now, onRecorded, onCancel }: FormProps & { now: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<VisitKind>('reception_visit');
  const [mode, setMode] = useState<VisitMode>('at_home');
  const [when, setWhen] = useState(() => toLocalInputValue(now));
  const [performedBy, setPerformedBy] = useState('');
  const [note, setNote] = useState('');
  const [answers, setAnswers] = useState<Partial<Record<keyof VisitChecklist, ChecklistAnswer>>>({});
  const [withTobs, setWithTobs] = useState(false);
  const [tobs, setTobs] = useState(EMPTY_TOBS_DRAFT);
  const { busy, error, setError, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const performedAt = fromLocalInputValue(when);
    const checklist = visitChecklistSchema.safeParse(answers);
    if (!checklist.success) {
      setError(t('visits.answerAll'));
      return;
    }
    const reading = readTobs(tobs);
    if (performedAt === null || (withTobs && reading.state !== 'scored')) return;
    await run(async () => {
      await api.recordVisit(episodeId, {
        kind,
        mode,
        performedAt,
        checklist: checklist.data,
        ...(performedBy.trim() ? { performedBy: performedBy.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(withTobs && reading.state === 'scored' ? { tobs: reading.measurement } : {}),
      });
      onRecorded();
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="visit-form-heading">
      <h3 id="visit-form-heading">{t('visits.recordVisit')}</h3>
      <div className="field">
        <label htmlFor="visit-kind">{t('visits.kind')}</label>
        <select id="visit-kind" value={kind} onChange={(e) => setKind(e.target.value as VisitKind)}>
          {VISIT_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`visits.kinds.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="checklist-item">
        <legend>{t('visits.mode')}</legend>
        <div className="checklist-answers">
          {VISIT_MODES.map((value) => (
            <label key={value} className="check">
              <input type="radio" name="visit-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              <span>{t(`visits.modes.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="visit-when">{t('visits.when')}</label>
        <input id="visit-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="visit-by">{t('visits.performedByLabel')}</label>
        <input id="visit-by" autoComplete="off" maxLength={120} value={performedBy} onChange={(e) => setPerformedBy(e.target.value)} />
      </div>
      <h4>{t('visits.checklistHeading')}</h4>
      {VISIT_CHECKLIST_ITEMS.map((item) => (
        <fieldset key={item} className="checklist-item">
          <legend>{t(`visits.checklist.${item}`)}</legend>
          <div className="checklist-answers">
            {checklistAnswersOf(item).map((answer) => (
              <label key={answer} className="check">
                <input type="radio" name={`checklist-${item}`} value={answer} checked={answers[item] === answer} onChange={() => setAnswers({ ...answers, [item]: answer })} />
                <span>{t(`visits.answers.${answer}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor="visit-note">{t('visits.note')}</label>
        <textarea id="visit-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={withTobs} onChange={(e) => setWithTobs(e.target.checked)} />
        <span>{t('visits.withTobs')}</span>
      </label>
      {withTobs && <TobsFields idPrefix="visit-tobs" draft={tobs} onChange={setTobs} />}
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('visits.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('visits.cancel')}
        </button>
      </div>
    </form>
  );
}
