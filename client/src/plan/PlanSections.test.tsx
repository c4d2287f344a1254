import { emptyPlan, PERMISSIONS, type Editor, type ParticipantRole, type PlanDocument } from '@samplan/shared';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { planWords } from '../i18n/planWords.ts';
import { addWords, resources } from '../i18n/resources.ts';
import { PlanSections } from './PlanSections.tsx';

const i18n = i18next.createInstance();
await i18n.use(initReactI18next).init({ resources, lng: 'en', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
addWords(planWords, i18n);

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const plan: PlanDocument = {
  ...emptyPlan(),
  goals: [{ id: id(1), text: 'Walk to the bakery again', author: 'hospital' }],
  wishes: [
    { id: id(2), text: 'I want to be resuscitated.', topic: 'end_of_life', author: 'patient' },
    { id: id(3), text: 'Mum wants her cat with her.', topic: 'general', author: 'relative' },
  ],
};

function render(role: ParticipantRole | null): string {
  const you: Editor = { id: 'session', name: 'Someone', role: role ?? 'hospital' };
  const allowed = role === 'relative' || role === 'patient' ? PERMISSIONS[role] : PERMISSIONS.care_team_municipality;
  const editing = role === null ? undefined : { allowed, you, others: [], onOps: () => {}, onFocus: () => {} };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PlanSections document={plan} mode="staff" {...(editing ? { editing } : {})} />
    </I18nextProvider>,
  );
}

const buttons = (html: string) => [...html.matchAll(/aria-label="([^"]+)"/g)].map((match) => match[1] ?? '');

describe('the plan shows who wrote what, and offers only the changes the server would take', () => {
  it('names the author of every goal and wish in the staff view', () => {
    const html = render(null);
    expect(html).toContain('Written by: Hospital');
    expect(html).toContain('Written by: Patient');
    expect(html).toContain('Written by: Relative');
  });

  it.each<[ParticipantRole, string[]]>([
    ['relative', ['Edit Mum wants her cat with her.', 'Delete Mum wants her cat with her.']],
    ['patient', ['Edit I want to be resuscitated.', 'Delete I want to be resuscitated.', 'Edit Mum wants her cat with her.', 'Delete Mum wants her cat with her.']],
    ['hospital', ['Edit Walk to the bakery again', 'Delete Walk to the bakery again']],
    ['municipality', []],
  ])('a %s gets edit and delete buttons only for words they may change', (role, offered) => {
    const html = render(role);
    expect(buttons(html).filter((label) => /Walk to the bakery|resuscitated|cat/.test(label))).toEqual(offered);
  });
});
