import { expect, test } from 'vitest';
import { isOnAcuteTeam, mayRequestAcuteAssessment } from './acuteAccess.ts';

const randers = 'org-randers';

test.each([
  [{ role: 'gp', sector: 'general_practice', organisationId: 'org-gp' }, true, false],
  [{ role: 'out_of_hours_doctor', sector: 'general_practice', organisationId: 'org-vagt' }, true, false],
  [{ role: 'acute_nurse', sector: 'municipality', organisationId: randers }, false, true],
  [{ role: 'acute_nurse', sector: 'municipality', organisationId: 'org-aarhus' }, false, false],
  [{ role: 'home_nurse', sector: 'municipality', organisationId: randers }, false, false],
  [{ role: 'doctor', sector: 'hospital', organisationId: 'org-ward' }, false, false],
] as const)('%j asks: %s, on Randers acute team: %s', (staff, asks, onTeam) => {
  expect(mayRequestAcuteAssessment(staff)).toBe(asks);
  expect(isOnAcuteTeam(staff, randers)).toBe(onTeam);
});
