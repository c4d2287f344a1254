import { expect, test } from 'vitest';
import { agreementStatus, type Agreement, type AgreementStatus } from './agreement.ts';

/** 'c' = a revision that changes the plan, '.' = comments only; revision 1 is the first character. */
const history = (marks: string) => [...marks].map((mark, i) => ({ revision: i + 1, changesContent: mark === 'c' }));
const agreed = (...pairs: [string, number][]): Agreement[] => pairs.map(([party, revision]) => ({ party, revision }));

test.each<[string, string, Agreement[], string[], AgreementStatus]>([
  ['nobody has agreed', 'cc', [], ['patient', 'ward'], { state: 'not_agreed', currentRevision: 2, agreedRevision: null, awaiting: ['patient', 'ward'] }],
  ['everyone present agreed to the current plan', 'cc', agreed(['patient', 2], ['ward', 2]), ['patient', 'ward'], { state: 'agreed', currentRevision: 2, agreedRevision: 2, awaiting: [] }],
  ['agreements to different contents are no common agreement', 'cc', agreed(['patient', 1], ['ward', 2]), ['patient', 'ward'], { state: 'not_agreed', currentRevision: 2, agreedRevision: null, awaiting: ['patient'] }],
  ['a change after everyone agreed', 'ccc', agreed(['patient', 2], ['ward', 2]), ['patient', 'ward'], { state: 'changed_since_agreement', currentRevision: 3, agreedRevision: 2, awaiting: ['patient', 'ward'] }],
  ['comments after agreeing do not undo it', 'c..', agreed(['patient', 1], ['ward', 3]), ['patient', 'ward'], { state: 'agreed', currentRevision: 3, agreedRevision: 3, awaiting: [] }],
  ['agreed revision is the last one with the agreed content', 'c.c.', agreed(['patient', 1], ['ward', 2]), ['patient', 'ward'], { state: 'changed_since_agreement', currentRevision: 4, agreedRevision: 2, awaiting: ['patient', 'ward'] }],
  ['a party who left does not hold up those present', 'cc', agreed(['patient', 2]), ['patient'], { state: 'agreed', currentRevision: 2, agreedRevision: 2, awaiting: [] }],
  ['a present party who never agreed', 'cc', agreed(['patient', 2], ['ward', 2]), ['patient', 'ward', 'gp'], { state: 'not_agreed', currentRevision: 2, agreedRevision: null, awaiting: ['gp'] }],
  ['re-agreeing after a change, one still to go', 'ccc', agreed(['patient', 1], ['ward', 1], ['patient', 3]), ['patient', 'ward'], { state: 'changed_since_agreement', currentRevision: 3, agreedRevision: 1, awaiting: ['ward'] }],
  ['nobody present', 'c', agreed(['patient', 1]), [], { state: 'not_agreed', currentRevision: 1, agreedRevision: null, awaiting: [] }],
])('%s', (_name, marks, agreements, present, expected) => {
  expect(agreementStatus({ revisions: history(marks), agreements, present })).toEqual(expected);
});

test.each([
  ['a gap in the revisions', [{ revision: 1, changesContent: true }, { revision: 3, changesContent: true }], agreed()],
  ['an agreement to a revision that does not exist', history('cc'), agreed(['patient', 3])],
])('refuses %s', (_name, revisions, agreements) => {
  expect(() => agreementStatus({ revisions, agreements, present: ['patient'] })).toThrow(RangeError);
});
