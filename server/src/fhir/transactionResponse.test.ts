import { describe, expect, it } from 'vitest';
import type { AppliedNotice } from './applyHospitalNotice.ts';
import { transactionResponse } from './transactionResponse.ts';

const at = new Date('2026-03-10T12:00:00Z');

describe('the transaction-response', () => {
  it('answers each entry in the order sent, 201 for what was made and 200 for what Samplan had', () => {
    const applied: AppliedNotice = {
      patient: { id: 'p1', change: 'unchanged' },
      episode: { id: 'e1', change: 'created' },
      relatives: [{ id: 'r1', change: 'updated' }],
      organisations: new Map([['111', 'o1']]),
      events: [],
    };
    const bundle = transactionResponse([{ kind: 'Encounter' }, { kind: 'Organization', sorCode: '111' }, { kind: 'RelatedPerson', relative: 0 }, { kind: 'Patient' }], applied, at);
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      type: 'transaction-response',
      timestamp: '2026-03-10T12:00:00.000Z',
      entry: [
        { response: { status: '201 Created', location: 'Encounter/e1', lastModified: '2026-03-10T12:00:00.000Z' } },
        { response: { status: '200 OK', location: 'Organization/o1' } },
        { response: { status: '200 OK', location: 'RelatedPerson/r1', lastModified: '2026-03-10T12:00:00.000Z' } },
        { response: { status: '200 OK', location: 'Patient/p1' } },
      ],
    });
  });
});
