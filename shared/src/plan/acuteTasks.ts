import type { ResponsibleParty } from './planDocument.ts';
import type { PlanOperation } from './planOperations.ts';

/**
 * What an acute assessment's decision puts in the episode's shared plan, so
 * the pathway after it starts from the decision: the doctor's reason as a
 * need, and the tasks it gives — the home-treatment plan's tasks to the acute
 * team and the home nurse with the follow-up as their due time, the acute
 * bed's look-again for the municipality, the ward's reception of the
 * admission.
 */
export type AcuteDecisionForPlan =
  | { readonly decision: 'admission'; readonly reason: string; readonly ward: string }
  | { readonly decision: 'municipal_acute_bed'; readonly reason: string; readonly municipality: string }
  | {
      readonly decision: 'home_treatment';
      readonly reason: string;
      readonly followUpAt: Date;
      readonly tasks: ReadonlyArray<{ readonly what: string; readonly owner: 'acute_team' | 'home_nurse' }>;
      readonly municipality: string;
    }
  | { readonly decision: 'other'; readonly reason: string };

const OWNER_UNIT: Readonly<Record<'acute_team' | 'home_nurse', string>> = { acute_team: 'akutteamet', home_nurse: 'hjemmesygeplejen' };

export function acuteDecisionOps(decision: AcuteDecisionForPlan, newId: () => string): PlanOperation[] {
  const need: PlanOperation = { op: 'add', section: 'needs', item: { id: newId(), text: `Akut vurdering: ${decision.reason}` } };
  const task = (what: string, responsible: ResponsibleParty, due: Date | null): PlanOperation => ({
    op: 'add',
    section: 'tasks',
    item: { id: newId(), what, responsible, due: due === null ? null : due.toISOString(), status: 'open' },
  });
  switch (decision.decision) {
    case 'admission':
      return [need, task('Modtag patienten indlagt efter akut vurdering i hjemmet', { role: 'hospital', organisation: decision.ward }, null)];
    case 'municipal_acute_bed':
      return [need, task('Tilse borgeren på den kommunale akutplads', { role: 'municipality', organisation: decision.municipality }, null)];
    case 'home_treatment':
      return [
        need,
        ...decision.tasks.map(({ what, owner }) => task(what, { role: 'municipality', organisation: decision.municipality, person: OWNER_UNIT[owner] }, decision.followUpAt)),
        task('Opfølgning efter akut vurdering', { role: 'municipality', organisation: decision.municipality, person: OWNER_UNIT.acute_team }, decision.followUpAt),
      ];
    case 'other':
      return [need];
  }
}
