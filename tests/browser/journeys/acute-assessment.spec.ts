import { expect, type Page } from '@playwright/test';
import { hashPassword } from '@samplan/server/auth/password.ts';
import { DEMO_PASSWORD } from '@samplan/server/store/seed/demoPeople.ts';
import { da } from '../../../client/src/i18n/da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { emptyRecordTest as test, type GuestServer } from '../support/guestServer.ts';
import { signIn } from '../support/staffFlow.ts';

test.setTimeout(300_000);

const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, key: string) => String(values[key] ?? ''));

/** 22:30 in Copenhagen on a Tuesday in March (winter time): Randers' acute team takes requests until 23:00. */
const EVENING = new Date('2026-03-10T21:30:00Z');
/** 23:30: it has closed. */
const LATE = new Date('2026-03-10T22:30:00Z');
const TABLET = { width: 1024, height: 768 };
const CPR = '150639-2468';
const CITIZEN = 'Gerda Mikkelsen';
const DOCTOR = 'Mads Holm';
const NURSE = 'Rikke Dam';
const VISITATION = 'Hanne Vestergaard';
const OFFER = 'Akutpladser, Plejecenter Randershus';

/**
 * Randers: its acute team (08–23, within 2 h) with one acute bed, the
 * out-of-hours doctor, the hospital's visitation nurse, and an 86-year-old
 * citizen home from an admission last autumn.
 */
async function randers(server: GuestServer): Promise<{ doctor: string; nurse: string; visitation: string }> {
  const db = server.samplan.database.prisma;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const municipality = await db.organisation.create({
    data: { sector: 'municipal_unit', name: 'Randers Kommune', acuteServiceFromMinute: 8 * 60, acuteServiceToMinute: 23 * 60, acutePromiseMinutes: 120 },
  });
  const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Regionshospitalet Randers, Medicinsk afdeling' } });
  const vagt = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægevagten Region Midtjylland' } });
  await db.staffUser.create({ data: { name: DOCTOR, role: 'out_of_hours_doctor', organisationId: vagt.id, login: 'vagtlaege@randers.test', passwordHash } });
  await db.staffUser.create({ data: { name: NURSE, role: 'acute_nurse', organisationId: municipality.id, login: 'akut@randers.test', passwordHash } });
  await db.staffUser.create({ data: { name: VISITATION, role: 'visitation_nurse', organisationId: ward.id, login: 'visitation@randers.test', passwordHash } });
  await db.acuteOffer.create({ data: { municipalityId: municipality.id, name: OFFER, bedsTotal: 1, competences: ['iv_fluids', 'observation_tobs'] } });
  const patient = await db.patient.create({ data: { name: CITIZEN, cprNumber: CPR, dateOfBirth: new Date('1939-06-15'), homeMunicipalityId: municipality.id } });
  await db.episode.create({
    data: {
      patientId: patient.id,
      admittingWardId: ward.id,
      admittedAt: new Date('2025-10-01T09:00:00Z'),
      dischargedAt: new Date('2025-10-06T11:00:00Z'),
      status: 'discharged',
      careTeamOrganisations: { create: [{ organisationId: ward.id }, { organisationId: municipality.id }] },
    },
  });
  return { doctor: 'vagtlaege@randers.test', nurse: 'akut@randers.test', visitation: 'visitation@randers.test' };
}

async function openAcuteBeds(page: Page): Promise<void> {
  await page.getByRole('link', { name: staffDa.acuteBeds.nav, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: staffDa.acuteBeds.heading })).toBeVisible();
}

const offerOf = (page: Page) => page.getByRole('article', { name: OFFER });

async function findCitizen(page: Page): Promise<void> {
  await page.getByRole('link', { name: staffDa.acute.nav, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: staffDa.acute.requestHeading })).toBeVisible();
  await page.getByLabel(staffDa.acute.cpr).fill(CPR);
  await page.getByRole('button', { name: staffDa.acute.find }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${CITIZEN}, 86 år` })).toBeVisible();
}

test('acute assessment: at 22:30 the out-of-hours doctor asks Randers’ acute team about an 86-year-old; the acute nurse takes it and joins from the home; her TOBS reaches the doctor with the score; the hospital’s visitation sees Randers’ one free acute bed taken when he reserves it; his decision for it lands in the episode’s plan for the municipality; at 23:30 he is told the hours', async ({ browser, server }) => {
  server.clock.set(EVENING);
  const logins = await randers(server);

  // The doctor finds her by CPR: 86, and her municipality's acute team is open until 23:00 with its promise.
  const doctor = await signIn(browser, server, logins.doctor);
  await findCitizen(doctor);
  await expect(doctor.getByText(fill(staffDa.acute.hours, { name: 'Randers Kommune', from: '08:00', to: '23:00', minutes: 120 }))).toBeVisible();
  await doctor.getByLabel(staffDa.acute.reason).fill('Faldet i stuen, svimmel, varm. Bor alene.');
  await doctor.getByRole('button', { name: fill(staffDa.acute.ask, { team: 'Randers Kommune' }) }).click();
  await expect(doctor.getByText(fill(staffDa.acute.waitingForTeam, { team: 'Randers Kommune' }))).toBeVisible();
  await expectNoSeriousA11yViolations(doctor, 'acute request sent');

  // Twelve minutes later the acute nurse, on her tablet, sees it in the queue with the time waited.
  server.clock.set(new Date(EVENING.getTime() + 12 * 60_000));
  const nurse = await signIn(browser, server, logins.nurse, TABLET);
  await nurse.getByRole('link', { name: staffDa.acute.nav, exact: true }).click();
  const card = nurse.getByRole('article', { name: new RegExp(CITIZEN) });
  await expect(card).toContainText(fill(staffDa.acute.waited, { minutes: 12 }));
  await expect(card).toContainText('Faldet i stuen');
  await expectNoSeriousA11yViolations(nurse, 'acute queue');
  await card.getByRole('button', { name: staffDa.acute.take }).click();

  // She joins from the citizen's home; the doctor's page, open all along, offers him the call.
  await nurse.getByRole('button', { name: staffDa.acute.joinFromHome }).click();
  await doctor.getByRole('button', { name: staffDa.acute.joinFromDesk }).click();
  await expect(doctor.getByRole('figure', { name: new RegExp(NURSE) })).toBeVisible({ timeout: 30_000 });
  await expect(nurse.getByRole('figure', { name: new RegExp(DOCTOR) })).toBeVisible({ timeout: 30_000 });
  // His tile names him as the out-of-hours doctor, not her own GP.
  await expect(nurse.getByRole('figure', { name: new RegExp(DOCTOR) })).toContainText(da.roles.out_of_hours_doctor);

  // TOBS in the home: pulse 112, respiration 22, 38.6 °C rectally, systolic 98, habitual; SpO₂ 93 beside it.
  await nurse.getByLabel(staffDa.tobs.pulsePerMinute).fill('112');
  await nurse.getByLabel(staffDa.tobs.respirationPerMinute).fill('22');
  await nurse.getByLabel(staffDa.tobs.temperatureCelsius).fill('38.6');
  await nurse.getByLabel(staffDa.tobs.temperatureSite).selectOption('rectal');
  await nurse.getByLabel(staffDa.tobs.systolicMmHg).fill('98');
  await nurse.getByLabel(staffDa.tobs.spo2Percent).fill('93');
  await nurse.getByRole('button', { name: staffDa.acute.sendTobs }).click();
  // The doctor sees it at once, with the score and the card's escalation.
  await expect(doctor.getByText(fill(staffDa.tobs.score, { score: 6 }))).toBeVisible();
  await expect(doctor.getByText(/Sygeplejersken tilkaldes/)).toBeVisible();
  await expectNoSeriousA11yViolations(doctor, 'acute call, doctor');

  // The hospital's visitation nurse watches the acute beds: one free in Randers.
  const visitation = await signIn(browser, server, logins.visitation);
  await openAcuteBeds(visitation);
  await expect(offerOf(visitation).getByTestId('acute-free')).toHaveText('1');

  // One click in the call brings in the hospital's visitation nurse; now in the care team, she can follow the assessment.
  await doctor.getByRole('button', { name: staffDa.acute.pullIn.hospital_visitation }).click();
  await expect(doctor.getByRole('status').filter({ hasText: staffDa.acute.pulledIn })).toBeVisible();

  // The doctor reserves it in a tab of his own (the call stays open); the visitation nurse sees it taken without reloading.
  const doctorBeds = await doctor.context().newPage();
  await doctorBeds.goto(`${server.url}/`);
  await openAcuteBeds(doctorBeds);
  await offerOf(doctorBeds).getByRole('button', { name: staffDa.acuteBeds.reserve }).click();
  await expect(offerOf(doctorBeds).getByText(staffDa.acuteBeds.mine)).toBeVisible();
  await expect(offerOf(visitation).getByTestId('acute-free')).toHaveText('0');
  await expect(offerOf(visitation).getByRole('button', { name: staffDa.acuteBeds.reserve })).toHaveCount(0);
  await expect(offerOf(visitation).getByText(fill(staffDa.acuteBeds.reservedBy, { name: DOCTOR, until: '' }).trim(), { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(visitation, 'acute beds, seen by the hospital visitation');

  // In the call he decides on the municipal acute bed he holds; deciding confirms it.
  await doctor.getByLabel(staffDa.acute.decision.municipal_acute_bed).check();
  await doctor.getByLabel(`Randers Kommune, ${OFFER}`).check();
  await doctor.getByLabel(staffDa.acute.decisionReason).fill('Dehydreret og febril, kan ikke klare sig alene i nat; observation og IV-væske på akutpladsen.');
  await doctor.getByRole('button', { name: staffDa.acute.decide }).click();
  await expect(doctor.getByRole('heading', { level: 2, name: staffDa.acute.decidedHeading })).toBeVisible();
  await expect(doctor.getByRole('status').filter({ hasText: staffDa.acute.decision.municipal_acute_bed })).toBeVisible();

  // The municipality finds the episode and the decision's task in its plan.
  await expect(nurse.getByRole('heading', { level: 2, name: staffDa.acute.decidedHeading })).toBeVisible();
  await nurse.getByRole('link', { name: staffDa.acute.toEpisode }).click();
  await expect(nurse.getByText('Tilse borgeren på den kommunale akutplads', { exact: true })).toBeVisible();
  await expect(nurse.getByText(/^Akut vurdering: Dehydreret og febril/).first()).toBeVisible();

  // 23:30: the team has closed; the doctor is told so at once, with when it opens and what to do instead.
  server.clock.set(LATE);
  await doctor.goto(`${server.url}/`);
  await findCitizen(doctor);
  await expect(doctor.getByRole('alert')).toContainText('Akutteamet tager imod henvendelser kl. 08:00–23:00');
  await expect(doctor.getByRole('alert')).toContainText('ring 112');
  await expect(doctor.getByLabel(staffDa.acute.reason)).toHaveCount(0);

  for (const page of [doctor, nurse, visitation]) await page.context().close();
});
