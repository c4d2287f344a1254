import type { PlanItem, PlanSection } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';

/** One item as everyone reads it: its text first, then who, when and its state in words. */
export function PlanItemView({ section, item }: { section: PlanSection; item: PlanItem }) {
  const { t, i18n } = useTranslation();
  const role = (value: string) => t(`roles.${value as 'patient'}`);
  const value = (key: string) => t(`plan.values.${key as 'open'}`);
  if ('what' in item && 'responsible' in item) {
    const who = [role(item.responsible.role), item.responsible.organisation, item.responsible.person].filter(Boolean).join(', ');
    return (
      <div className="plan-item-text">
        <p className={item.status === 'open' ? '' : 'plan-task-closed'}>{item.what}</p>
        <p className="plan-meta">
          <span className="tag">{value(item.status)}</span> {t('plan.responsible', { who })}
          {item.due && <> · {t('plan.dueBy', { when: formatDateTime(item.due, i18n.language) })}</>}
        </p>
        {item.status === 'not_done' && item.notDoneReason && <p className="plan-meta">{t('plan.notDoneBecause', { reason: item.notDoneReason })}</p>}
      </div>
    );
  }
  if ('what' in item) {
    return (
      <div className="plan-item-text">
        <p>{item.what}</p>
        <p className="plan-meta">
          <span className="tag">{value(item.status)}</span>
        </p>
      </div>
    );
  }
  if ('phone' in item) {
    return (
      <div className="plan-item-text">
        <p>
          <strong>{item.name}</strong> ({item.role})
        </p>
        <p className="plan-meta">{t('plan.call', { phone: item.phone, when: item.whenToCall })}</p>
      </div>
    );
  }
  if ('by' in item) {
    return (
      <div className="plan-item-text">
        <p>{item.text}</p>
        <p className="plan-meta">{t('plan.commentBy', { name: item.by.name, when: formatDateTime(item.at, i18n.language) })}</p>
      </div>
    );
  }
  return (
    <div className="plan-item-text">
      <p>{item.text}</p>
      {'topic' in item && item.topic === 'end_of_life' && <p className="plan-meta">{value('end_of_life')}</p>}
      {'author' in item && <p className="plan-meta">{t('plan.writtenBy', { who: role(item.author) })}</p>}
    </div>
  );
}
