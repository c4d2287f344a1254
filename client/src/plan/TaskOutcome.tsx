/**
 * "Udført" / "Ikke udført" on a task, for its responsible party only
 * (shared/src/plan/responsibility.ts decides, here and on the server). Not
 * done asks why before it is sent: the reason is part of the account.
 */
import { type PlanOperation, type Task } from '@samplan/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TaskOutcome({ task, onOps }: { task: Pick<Task, 'id' | 'what' | 'status'>; onOps(ops: PlanOperation[]): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  if (task.status !== 'open') return null;
  const set = (fields: { status: 'done' } | { status: 'not_done'; notDoneReason: string }): void => onOps([{ op: 'update', section: 'tasks', id: task.id, set: fields }]);

  if (asking) {
    return (
      <form
        className="plan-task-outcome"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() === '') return;
          set({ status: 'not_done', notDoneReason: reason.trim() });
          setAsking(false);
          setReason('');
        }}
      >
        <label htmlFor={reasonId}>{t('plan.notDoneReason')}</label>
        <textarea id={reasonId} value={reason} required maxLength={2000} onChange={(event) => setReason(event.target.value)} />
        <div className="plan-item-actions">
          <button type="submit" className="button button-small">
            {t('plan.saveNotDone')}
          </button>
          <button type="button" className="button button-small" onClick={() => setAsking(false)}>
            {t('plan.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="plan-item-actions plan-task-outcome">
      <button type="button" className="button button-small" onClick={() => set({ status: 'done' })} aria-label={t('plan.markDoneLabel', { label: task.what })}>
        {t('plan.markDone')}
      </button>
      <button type="button" className="button button-small" onClick={() => setAsking(true)} aria-label={t('plan.markNotDoneLabel', { label: task.what })}>
        {t('plan.markNotDone')}
      </button>
    </div>
  );
}
