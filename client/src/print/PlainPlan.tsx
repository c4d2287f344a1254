import { PLAN_SECTIONS, type PlanDocument, type PlanSection, type PlanSnapshot, type ResponsibleParty, type Task, type TaskStatus } from '@samplan/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../guest/formatTime.ts';

/** One way to say an item of each section; the compiler asks for a new section here. */
type ItemRenderers = { readonly [K in PlanSection]: (item: PlanDocument[K][number]) => ReactNode };

type PlainPlanProps = {
  plan: Pick<PlanSnapshot, 'document' | 'revision' | 'agreement'>;
};

const AID_STATUS = { needed: 'guest.plan.aidNeeded', ordered: 'guest.plan.aidOrdered', in_place: 'guest.plan.aidInPlace' } as const;
const TASK_STATUS = { open: 'guest.plan.open', done: 'guest.plan.done', cancelled: 'guest.plan.cancelled' } as const satisfies Record<Exclude<TaskStatus, 'not_done'>, string>;

/**
 * The care plan in everyday words, read-only: what the patient wants, what
 * happens and who does it, whom to call. On screen the live PlanPanel shows
 * the plan; this is its copy for paper, which cannot change under the reader.
 */
export function PlainPlan({ plan }: PlainPlanProps) {
  const { t, i18n } = useTranslation();
  const { document } = plan;
  // The organisation says more than the sector ("Odder Kommune", not "Kommune"); the sector stands in when none is named.
  const who = (party: ResponsibleParty) => [party.person, party.organisation ?? t(`roles.${party.role}`)].filter(Boolean).join(', ');
  const renderers: ItemRenderers = {
    goals: (goal) => goal.text,
    needs: (need) => need.text,
    tasks: (task) => (
      <>
        <strong>{task.what}</strong> — {who(task.responsible)}
        {task.due && <>, {t('guest.plan.due', { date: formatDate(task.due, i18n.language) })}</>}. <em>{taskStatus(task)}</em>
      </>
    ),
    medication: (note) => note.text,
    aids: (aid) => (
      <>
        {aid.what} — {t(AID_STATUS[aid.status])}
      </>
    ),
    contacts: (contact) => (
      <>
        <strong>{contact.name}</strong> ({contact.role}): <a href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</a>
        <br />
        {t('guest.plan.whenToCall', { text: contact.whenToCall })}
      </>
    ),
    wishes: (wish) => (
      <>
        {wish.text}
        {wish.topic === 'end_of_life' && <> ({t('guest.plan.endOfLife')})</>}
      </>
    ),
    comments: (comment) => (
      <>
        {comment.text} — {comment.by.name}
      </>
    ),
  };
  const section = <K extends PlanSection>(key: K) => {
    const items: ReadonlyArray<PlanDocument[K][number]> = document[key];
    const render = renderers[key];
    return (
      items.length > 0 && (
        <section className="plain-plan-section" key={key}>
          <h2>{t(`guest.plan.${key}`)}</h2>
          <ul>
            {items.map((item) => (
              <li key={item.id}>{render(item)}</li>
            ))}
          </ul>
        </section>
      )
    );
  };
  // "Not done" is only half a statement without why.
  const taskStatus = (task: Task) => (task.status === 'not_done' ? t('guest.plan.notDone', { reason: task.notDoneReason ?? '' }) : t(TASK_STATUS[task.status]));
  const empty = Object.values(document).every((items) => items.length === 0);

  return (
    <div className="plain-plan">
      <p className="plain-plan-status">
        <span aria-hidden="true">{plan.agreement.state === 'agreed' ? '✓' : '!'}</span>{' '}
        {t(
          plan.agreement.state === 'agreed'
            ? 'guest.plan.agreedAll'
            : plan.agreement.state === 'changed_since_agreement'
              ? 'guest.plan.changedSinceAgreed'
              : 'guest.plan.notAgreed',
        )}{' '}
        <span className="plain-plan-revision">({t('guest.plan.revision', { revision: plan.revision })})</span>
      </p>
      {empty && <p>{t('guest.plan.empty')}</p>}
      {PLAN_SECTIONS.map((key) => section(key))}
      <p className="plain-plan-acute">{t('guest.plan.acute')}</p>
    </div>
  );
}
