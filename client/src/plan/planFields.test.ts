import { applyOperation, emptyPlan, planOperationSchema, type Task } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { addOperation, blankValues, formValuesOf, newItemId, updateOperation } from './planFields.ts';

const stamp = { by: { id: 'staff:1', name: 'Hanne Bech', role: 'hospital' as const }, at: '2026-11-24T09:00:00.000Z' };

function added(values: Record<string, string>) {
  const op = addOperation('tasks', newItemId(), { ...blankValues('tasks', 'municipality'), ...values });
  expect(planOperationSchema.safeParse(op).success).toBe(true);
  const result = applyOperation(emptyPlan(), op, stamp);
  if (!result.ok) throw new Error(JSON.stringify(result.rejection));
  return result.doc.tasks[0] as Task;
}

describe('plan item forms', () => {
  it('make a valid task from a form, leaving out blank optional fields', () => {
    const task = added({ what: 'Modtagebesøg inden 24 timer', 'responsible.organisation': 'Skanderborg Kommune', due: '2026-11-25T10:00' });
    expect(task).toMatchObject({
      what: 'Modtagebesøg inden 24 timer',
      responsible: { role: 'municipality', organisation: 'Skanderborg Kommune' },
      due: '2026-11-25T09:00:00.000Z',
      status: 'open',
    });
    expect(task.responsible).not.toHaveProperty('person');
  });

  it('round-trip an item through the form without inventing changes', () => {
    const task = added({ what: 'Bestil rollator', 'responsible.person': 'Karina Holt' });
    expect(updateOperation('tasks', task, formValuesOf('tasks', task))).toBeNull();
  });

  it('send only the fields that changed', () => {
    const task = added({ what: 'Bestil rollator', 'responsible.organisation': 'Odder Kommune' });
    const values = { ...formValuesOf('tasks', task), status: 'done' };
    expect(updateOperation('tasks', task, values)).toEqual({ op: 'update', section: 'tasks', id: task.id, set: { status: 'done' } });
  });

  // A field the schema needs but the form lacks leaves the person waiting on an add that can never land.
  it.each(['goals', 'needs', 'tasks', 'medication', 'aids', 'contacts', 'wishes', 'comments'] as const)('make an addable %s item from a filled-in blank form', (section) => {
    const filled = Object.fromEntries(Object.entries(blankValues(section, 'patient')).map(([key, value]) => [key, value !== '' ? value : key === 'phone' ? '+45 70 11 31 31' : 'Hjem til haven']));
    const op = addOperation(section, newItemId(), filled);
    expect(planOperationSchema.safeParse(op).success).toBe(true);
    const result = applyOperation(emptyPlan(), op, stamp);
    expect(result.ok ? 'applied' : result.rejection).toBe('applied');
  });

  it('make ids the schema accepts', () => {
    expect(newItemId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
