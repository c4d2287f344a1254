import { expect, test } from 'vitest';
import { auditActInWords, isKnownAuditAct } from './auditWords.ts';

test.each([
  ['read', 'CarePlan', 'da', 'læste planen'],
  ['read', 'CarePlan', 'en', 'read the plan'],
  ['read', 'PlanRevision', 'en', "read the plan's changes"],
  ['agree-on-behalf', 'Agreement', 'da', 'sagde ja til planen på patientens vegne'],
  ['reveal-cpr', 'Patient', 'en', 'saw the full CPR number'],
  ['set-representation', 'Relative', 'da', 'registrerede værge eller fremtidsfuldmagt'],
  // Not in the table as a whole: put together from verb and thing.
  ['read', 'Relative', 'da', 'læste en pårørende'],
  ['send', 'Visit', 'en', 'sent a visit'],
  // Nothing known: the stored words, so a new act is never hidden.
  ['notify', 'Invitation', 'da', 'notify Invitation'],
] as const)('%s %s in %s: %s', (action, resourceType, language, words) => {
  expect(auditActInWords(action, resourceType, language)).toBe(words);
});

test('tells acts it knows as a whole from those put together, and is not fooled by property names', () => {
  expect(isKnownAuditAct('read', 'CarePlan')).toBe(true);
  expect(isKnownAuditAct('read', 'Relative')).toBe(false);
  expect(isKnownAuditAct('toString', '')).toBe(false);
});
