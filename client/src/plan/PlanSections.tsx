/**
 * The plan's sections, read-only or editable. Editing is per item: "Edit"
 * opens its form and tells the others ("Lone is editing"), saving sends only
 * what changed. Used live by PlanPanel and read-only on the episode page.
 */
import { mayChangeItem, mayRecordOutcome, PLAN_SECTIONS, SECTION_PERMISSION, type Action, type Editor, type PlanDocument, type PlanFocus, type PlanItem, type PlanOperation, type PlanSection } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { PlanItemForm } from './PlanItemForm.tsx';
import { PlanItemView } from './PlanItemView.tsx';
import { PLAIN_SECTION_ORDER } from './sectionOrder.ts';
import { TaskOutcome } from './TaskOutcome.tsx';
import { addOperation, blankValues, formValuesOf, newItemId, updateOperation, type EditableSection } from './planFields.ts';
import './plan.css';

export type PlanMode = 'staff' | 'plain';

type Editing = {
  allowed: readonly Action[];
  you: Editor;
  /** The staff member's organisation's name; absent for guests. */
  organisation?: string;
  others: readonly PlanFocus[];
  onOps(ops: PlanOperation[]): void;
  onFocus(itemId: string | null): void;
};

type PlanSectionsProps = {
  document: PlanDocument;
  mode: PlanMode;
  /** Absent: read-only. */
  editing?: Editing;
  /** While the 7-day advice window is open, the advice line is shown among the contacts (it is not stored in the plan). */
  adviceLineUntil?: string | null;
};


export function PlanSections({ document, mode, editing, adviceLineUntil }: PlanSectionsProps) {
  const order = mode === 'plain' ? PLAIN_SECTION_ORDER : PLAN_SECTIONS;
  return (
    <div className={`plan-sections plan-${mode}`}>
      {order.map((section) => (
        <SectionView key={section} section={section} items={document[section]} mode={mode} editing={editing} adviceLineUntil={section === 'contacts' ? adviceLineUntil : null} />
      ))}
    </div>
  );
}

function labelOf(item: PlanItem): string {
  return 'text' in item ? item.text : 'what' in item ? item.what : item.name;
}

function SectionView({
  section,
  items,
  mode,
  editing,
  adviceLineUntil,
}: {
  section: PlanSection;
  items: readonly PlanItem[];
  mode: PlanMode;
  editing: Editing | undefined;
  adviceLineUntil: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [openItem, setOpenItem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const heading = mode === 'plain' ? t(`plan.plainSections.${section}`) : t(`plan.sections.${section}`);
  const canEdit = editing !== undefined && editing.allowed.includes(SECTION_PERMISSION[section]);
  const headingId = `plan-${section}`;

  const startEdit = (itemId: string) => {
    setOpenItem(itemId);
    editing?.onFocus(itemId);
  };
  const stopEdit = () => {
    setOpenItem(null);
    editing?.onFocus(null);
  };

  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {items.length === 0 && !adviceLineUntil && <p className="plan-empty">{t('plan.empty')}</p>}
      <ul className="plan-items">
        {adviceLineUntil && (
          <li className="plan-item">
            <p>{t('plan.adviceLine', { when: formatDateTime(adviceLineUntil, i18n.language) })}</p>
          </li>
        )}
        {items.map((item) => {
          const others = editing?.others.filter((focus) => focus.itemId === item.id) ?? [];
          // Another's goal or wish gets no buttons the server would refuse: that person comments instead.
          const canChange = canEdit && section !== 'comments' && mayChangeItem(section, item, editing.you.role);
          return (
            <li key={item.id} className="plan-item" data-item-id={item.id}>
              {openItem === item.id && canChange ? (
                <PlanItemForm
                  section={section}
                  initial={formValuesOf(section, item)}
                  submitLabel={t('plan.save')}
                  onCancel={stopEdit}
                  onSubmit={(values) => {
                    const op = updateOperation(section as EditableSection, item, values);
                    if (op) editing.onOps([op]);
                    stopEdit();
                  }}
                />
              ) : (
                <PlanItemView section={section} item={item} />
              )}
              {others.map((focus) => (
                <p key={focus.editor.id} className="plan-presence">
                  <span aria-hidden="true">✎ </span>
                  {t('plan.editing', { name: focus.editor.name })}
                </p>
              ))}
              {canEdit && openItem !== item.id && 'responsible' in item && mayRecordOutcome(item, { role: editing.you.role, name: editing.you.name, ...(editing.organisation === undefined ? {} : { organisation: editing.organisation }) }) && (
                <TaskOutcome task={item} onOps={editing.onOps} />
              )}
              {canChange && openItem !== item.id && (
                <div className="plan-item-actions">
                  <button type="button" className="button button-small" onClick={() => startEdit(item.id)} aria-label={t('plan.edit', { label: labelOf(item) })}>
                    {t('plan.editShort')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => editing.onOps([{ op: 'remove', section: section as EditableSection, id: item.id } as PlanOperation])}
                    aria-label={t('plan.remove', { label: labelOf(item) })}
                  >
                    {t('plan.removeShort')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit &&
        (adding ? (
          <PlanItemForm
            section={section}
            initial={blankValues(section, editing.you.role)}
            submitLabel={t('plan.addShort')}
            onCancel={() => setAdding(false)}
            onSubmit={(values) => {
              editing.onOps([addOperation(section, newItemId(), values)]);
              setAdding(false);
            }}
          />
        ) : (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            {t('plan.add', { section: heading.toLowerCase() })}
          </button>
        ))}
    </section>
  );
}
