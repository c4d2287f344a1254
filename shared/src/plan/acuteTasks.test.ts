import { describe, expect, it } from 'vitest';
import { acuteDecisionOps } from './acuteTasks.ts';
import { applyOperations } from './applyOperations.ts';
import { emptyPlan } from './planDocument.ts';

let next = 0;
const newId = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
const by = { id: 'staff-1', name: 'Læge Vagt', role: 'gp' } as const;

describe('an acute decision in the plan', () => {
  it('treatment at home gives each task to its team with the follow-up as due time, and the follow-up itself', () => {
    const followUpAt = new Date('2026-12-03T08:00:00Z');
    const ops = acuteDecisionOps(
      {
        decision: 'home_treatment',
        reason: 'Let dehydreret, ingen tegn på infektion',
        followUpAt,
        municipality: 'Randers Kommune',
        tasks: [
          { what: 'Væskeskema og 1,5 l væske i døgnet', owner: 'home_nurse' },
          { what: 'Ny TOBS i morgen tidlig', owner: 'acute_team' },
        ],
      },
      newId,
    );
    const result = applyOperations(emptyPlan(), ops, { by, at: '2026-12-02T21:40:00.000Z' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.needs.map((need) => need.text)).toEqual(['Akut vurdering: Let dehydreret, ingen tegn på infektion']);
    expect(result.doc.tasks.map((task) => [task.what, task.responsible.person, task.due])).toEqual([
      ['Væskeskema og 1,5 l væske i døgnet', 'hjemmesygeplejen', followUpAt.toISOString()],
      ['Ny TOBS i morgen tidlig', 'akutteamet', followUpAt.toISOString()],
      ['Opfølgning efter akut vurdering', 'akutteamet', followUpAt.toISOString()],
    ]);
  });

  it('an acute bed asks the municipality to look after the citizen there; other records only the reason', () => {
    const bed = acuteDecisionOps({ decision: 'municipal_acute_bed', reason: 'Kan ikke klare sig hjemme i nat', municipality: 'Randers Kommune' }, newId);
    expect(bed.map((op) => op.section)).toEqual(['needs', 'tasks']);
    expect(acuteDecisionOps({ decision: 'other', reason: 'Henvist til egen læge i morgen' }, newId).map((op) => op.section)).toEqual(['needs']);
  });
});
