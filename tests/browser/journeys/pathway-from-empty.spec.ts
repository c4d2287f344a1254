import { expect, type Browser, type Page } from '@playwright/test';
import { adminDa } from '../../../client/src/i18n/admin.da.ts';
import { staffDa } from '../../../client/src/i18n/staff.da.ts';
import { planDa } from '../../../client/src/i18n/plan.da.ts';
import { createOrganisation } from '@samplan/server/record/organisations/createOrganisation.ts';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { emptyRecordTest as test, SCENARIO_NOW, type GuestServer } from '../support/guestServer.ts';
import { acceptNextDialog, admitFromLobby, DESKTOP, guestToWaitingRoom, joinCall, planOf } from '../support/staffFlow.ts';

test.setTimeout(300_000);

const fill = (text: string, values: Record<string, string>) => text.replace(/{{(\w+)}}/g, (_, key: string) => values[key] ?? '');

const WARD = 'Regionshospitalet Testby, Medicinsk Afdeling';
const MUNICIPALITY = 'Testby Kommune';
const GP_PRACTICE = 'Lægehuset Testby';
const PATIENT = 'Gudrun Hansen';
const PATIENT_LINK = 'Gudrun Hansen 020439-****';
const DAUGHTER = 'Birthe Hansen';
const RECEPTION_TASK = 'Modtagebesøg hos borgeren (senest 24 timer efter udskrivelsen)';
const FOLLOW_UP_TASK = 'Opfølgende hjemmebesøg (senest 8 dage efter udskrivelsen)';

/** A set-password link opened, the password set twice, and signed in with it: lands on the day view. */
async function setPasswordAndSignIn(page: Page, link: string, login: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: adminDa.setPassword.heading })).toBeVisible();
  await page.getByLabel(adminDa.setPassword.password).fill(password);
  await page.getByLabel(adminDa.setPassword.repeat).fill(password);
  await page.getByRole('button', { name: adminDa.setPassword.submit }).click();
  await page.getByRole('link', { name: adminDa.setPassword.signIn }).click();
  await page.getByLabel(staffDa.signIn.login).fill(login);
  await page.getByLabel(staffDa.signIn.password).fill(password);
  await page.getByRole('button', { name: staffDa.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: staffDa.day.heading })).toBeVisible();
}

async function newDesktopPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: DESKTOP })).newPage();
}

/**
 * An organisation's first administrator, made as the operator makes it
 * (`npm run admin -- create-organisation`), sets a password, and adds one
 * colleague through the administration screen; the colleague's link is
 * returned for the colleague to open.
 */
async function administratorAddsColleague(
  browser: Browser,
  server: GuestServer,
  organisation: { name: string; sector: 'hospital_ward' | 'municipal_unit'; admin: { name: string; login: string; role: 'nurse' | 'visitator' } },
  colleague: { name: string; login: string; role: 'discharge_coordinator' | 'home_nurse'; unit: string },
): Promise<string> {
  const created = await createOrganisation(
    server.samplan.database.prisma,
    server.clock.now(),
    { name: organisation.name, sector: organisation.sector, administrator: organisation.admin },
    'browser test',
  );
  const admin = await newDesktopPage(browser);
  await setPasswordAndSignIn(admin, `${server.url}${created.administrator!.link.path}`, organisation.admin.login, 'administratorens lange kodeord');
  await admin.getByRole('link', { name: adminDa.admin.nav }).click();
  await expect(admin.getByRole('heading', { level: 1, name: adminDa.admin.heading })).toBeVisible();
  await admin.getByLabel(adminDa.admin.name, { exact: true }).fill(colleague.name);
  await admin.getByLabel(adminDa.admin.login).fill(colleague.login);
  await admin.getByLabel(adminDa.admin.role).selectOption({ label: staffDa.staffRoles[colleague.role] });
  await admin.getByLabel(adminDa.admin.unit).fill(colleague.unit);
  await admin.getByRole('button', { name: adminDa.admin.create }).click();
  await expect(admin.getByRole('rowheader', { name: colleague.name })).toBeVisible();
  await admin.getByRole('button', { name: fill(adminDa.admin.issueLinkNamed, { name: colleague.name }) }).click();
  const shown = admin.getByRole('textbox', { name: fill(adminDa.admin.linkHeading, { name: colleague.name }) });
  await expect(shown).toHaveValue(new RegExp(`^${server.url}/set-password/[A-Za-z0-9_-]{43}$`));
  const link = await shown.inputValue();
  await admin.context().close();
  return link;
}

test('the whole pathway from an empty record: staff made by their administrators, intake, goal conversation held and agreed, discharge seen live by the home nurse, reception visit with TOBS closing its task, counted on the indicators page', async ({ browser, server }) => {
  // Nothing is seeded: the three organisations the pathway needs are made by the operator.
  // An administrator manages only their own organisation, so the ward's
  // administrator creates the discharge coordinator and the municipality's
  // administrator creates the home nurse.
  const coordinatorLink = await administratorAddsColleague(
    browser,
    server,
    { name: WARD, sector: 'hospital_ward', admin: { name: 'Tove Admin', login: 'tove@testby-hospital.dk', role: 'nurse' } },
    { name: 'Hanne Koordinator', login: 'hanne@testby-hospital.dk', role: 'discharge_coordinator', unit: 'Afsnit M1' },
  );
  const nurseLink = await administratorAddsColleague(
    browser,
    server,
    { name: MUNICIPALITY, sector: 'municipal_unit', admin: { name: 'Kaj Admin', login: 'kaj@testby.dk', role: 'visitator' } },
    { name: 'Nina Hjemmesygeplejerske', login: 'nina@testby.dk', role: 'home_nurse', unit: 'Hjemmeplejen Syd' },
  );
  await createOrganisation(server.samplan.database.prisma, server.clock.now(), { name: GP_PRACTICE, sector: 'general_practice' }, 'browser test');

  const coordinator = await newDesktopPage(browser);
  await setPasswordAndSignIn(coordinator, coordinatorLink, 'hanne@testby-hospital.dk', 'koordinatorens lange kodeord');

  // Intake: a new patient, admitted with her daughter, her home municipality and GP from the record.
  await coordinator.getByRole('navigation').getByRole('link', { name: staffDa.staffNav.intake }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.intake.heading })).toBeVisible();
  await coordinator.getByLabel(staffDa.intake.cpr).fill('0204391234');
  await coordinator.getByRole('button', { name: staffDa.intake.lookup }).click();
  await expect(coordinator.getByText('Ingen patient med CPR-nummer 020439-****')).toBeVisible();
  await coordinator.getByLabel(staffDa.intake.name, { exact: true }).fill(PATIENT);
  await coordinator.getByLabel(staffDa.episode.municipality).selectOption({ label: MUNICIPALITY });
  await coordinator.getByLabel(staffDa.episode.phone, { exact: true }).fill('+45 86 12 34 56');
  await coordinator.getByLabel(staffDa.intake.unit).fill('Afsnit M1');
  await coordinator.getByLabel(staffDa.intake.gpPractice).selectOption({ label: GP_PRACTICE });
  await coordinator.getByLabel('Navn på pårørende 1').fill(DAUGHTER);
  await coordinator.getByLabel('Relation for pårørende 1').fill('datter');
  await coordinator.getByLabel('Telefon for pårørende 1').fill('+45 20 11 22 33');
  await coordinator.getByRole('button', { name: staffDa.intake.submit }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: new RegExp(PATIENT) })).toBeVisible();
  const relativeRow = coordinator.getByRole('region', { name: staffDa.episode.relatives }).getByRole('listitem').filter({ hasText: DAUGHTER });
  await expect(relativeRow).toContainText('datter, +45 20 11 22 33');

  // Both consents, and a screening score of 33 (a video discharge conference recommended).
  const consent = coordinator.getByRole('region', { name: staffDa.episode.consentHeading });
  for (const scope of Object.values(staffDa.episode.consentScope)) {
    await consent.getByRole('button', { name: `Registrér samtykke: ${scope}` }).click();
    await expect(consent.getByRole('button', { name: `Træk samtykket tilbage: ${scope}` })).toBeVisible();
  }
  const screening = coordinator.getByRole('region', { name: staffDa.episode.screeningHeading });
  await screening.getByLabel(staffDa.episode.screeningScore).fill('33');
  await expect(screening.getByRole('status')).toContainText(staffDa.episode.recommendations.video_discharge_conference);
  await screening.getByRole('button', { name: staffDa.episode.screeningSave }).click();
  await expect(screening.getByRole('list', { name: staffDa.episode.screeningHistory }).getByRole('listitem')).toHaveCount(1);

  // The goal conversation with the pathway's recommended defaults, patient and daughter invited.
  await coordinator.getByRole('link', { name: staffDa.episode.schedule }).click();
  await expect(coordinator.getByLabel(staffDa.schedule.kind)).toHaveValue('goal_conversation');
  await expect(coordinator.getByLabel(staffDa.schedule.duration)).toHaveValue('45');
  await expect(coordinator.getByText(fill(staffDa.schedule.screeningYes, { score: '33' }))).toBeVisible();
  await expect(coordinator.getByRole('checkbox', { name: fill(staffDa.schedule.invitePatient, { name: PATIENT }) })).toBeChecked();
  await expect(coordinator.getByRole('checkbox', { name: fill(staffDa.schedule.relativeOnRecord, { name: DAUGHTER, relation: 'datter' }) })).toBeChecked();
  await coordinator.getByRole('button', { name: staffDa.schedule.submit }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.schedule.doneHeading })).toBeVisible();
  const patientPath = new URL(await coordinator.getByRole('textbox', { name: fill(staffDa.schedule.guestLink, { name: PATIENT }) }).inputValue()).pathname;

  // Held: the coordinator joins, the patient comes from her link and is let in, both agree the plan.
  await coordinator.getByRole('link', { name: staffDa.schedule.openConference }).click();
  await joinCall(coordinator);
  const patient = await guestToWaitingRoom(browser, server, patientPath, PATIENT);
  await admitFromLobby(coordinator, PATIENT);
  await expect(coordinator.getByRole('figure', { name: `${PATIENT}, Patient` })).toBeVisible({ timeout: 30_000 });
  const coordinatorPlan = planOf(coordinator);
  await coordinatorPlan.getByRole('button', { name: fill(planDa.plan.add, { section: 'opgaver' }) }).click();
  await coordinatorPlan.getByLabel(planDa.plan.fields.what).fill('Genoptræningsplan sendes til Testby Kommune');
  await coordinatorPlan.getByLabel(planDa.plan.fields.responsible_organisation).fill(WARD);
  await coordinatorPlan.getByLabel(planDa.plan.fields.responsible_person).fill('Hanne Koordinator');
  await coordinatorPlan.getByRole('button', { name: planDa.plan.addShort, exact: true }).click();
  await expect(planOf(patient, true).getByText('Genoptræningsplan sendes til Testby Kommune')).toBeVisible();
  await planOf(patient, true).getByRole('button', { name: planDa.plan.agreeSelf }).click();
  await expect(coordinatorPlan.getByText('Mangler: Hospital')).toBeVisible();
  await coordinatorPlan.getByRole('button', { name: planDa.plan.agree }).click();
  await expect(coordinatorPlan.getByText(/Aftalt af alle til stede \(udgave \d+\)/)).toBeVisible();
  acceptNextDialog(coordinator);
  await coordinator.getByRole('button', { name: staffDa.conference.end }).click();
  await expect(coordinator.getByText(staffDa.conference.ended)).toBeVisible();
  await patient.context().close();
  await coordinator.getByRole('link', { name: staffDa.conference.toEpisode }).click();
  const conferences = coordinator.getByRole('region', { name: staffDa.episode.conferencesHeading });
  await expect(conferences.getByRole('listitem').filter({ hasText: staffDa.episode.agreedInConference })).toHaveCount(1);

  // The home nurse's day is open before the discharge, with no one awaiting a reception visit.
  const nurse = await newDesktopPage(browser);
  await setPasswordAndSignIn(nurse, nurseLink, 'nina@testby.dk', 'sygeplejerskens lange kodeord');
  const reception = nurse.getByRole('region', { name: staffDa.day.receptionHeading });
  await expect(reception.getByText(staffDa.day.noReception)).toBeVisible();
  // A mark in this document: it survives anything but a reload or a navigation away.
  await nurse.evaluate(() => Object.assign(window, { __sameDocument: true }));

  // The ward records the discharge on the episode page.
  const discharge = coordinator.getByRole('region', { name: staffDa.visits.dischargeHeading });
  await discharge.getByLabel(staffDa.visits.destination).selectOption('home');
  await discharge.getByRole('button', { name: staffDa.visits.recordDischarge }).click();
  await expect(discharge.getByText(fill(staffDa.visits.dischargedTo, { place: staffDa.visits.destinations.home }))).toBeVisible();

  // Told over Socket.IO: she appears within seconds (sooner than the day view's 15 s poll), same document.
  await expect(reception.getByRole('link', { name: PATIENT_LINK })).toBeVisible({ timeout: 10_000 });
  expect(await nurse.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  const tasks = nurse.getByRole('region', { name: staffDa.day.tasksHeading });
  await expect(tasks.getByText(RECEPTION_TASK)).toBeVisible();
  await expectNoSeriousA11yViolations(nurse, 'home nurse day view with a discharge awaiting reception');

  // Three quarters of an hour later (within the sessions' idle hour), the reception visit at home, with TOBS scored as she types.
  server.clock.set(new Date(SCENARIO_NOW.getTime() + 45 * 60_000));
  await reception.getByRole('link', { name: PATIENT_LINK }).click();
  await expect(nurse.getByRole('heading', { level: 1, name: new RegExp(PATIENT) })).toBeVisible();
  const visits = nurse.getByRole('region', { name: staffDa.visits.heading });
  await visits.getByRole('button', { name: staffDa.visits.recordVisit }).click();
  await visits.getByLabel(staffDa.visits.modes.at_home).check();
  for (const item of Object.values(staffDa.visits.checklist)) {
    await visits.getByRole('group', { name: item }).getByLabel(staffDa.visits.answers.yes).check();
  }
  await visits.getByLabel(staffDa.visits.withTobs).check();
  await visits.getByLabel(staffDa.tobs.pulsePerMinute).fill('72');
  await visits.getByLabel(staffDa.tobs.respirationPerMinute).fill('22');
  await visits.getByLabel(staffDa.tobs.temperatureCelsius).fill('37,9');
  await visits.getByLabel(staffDa.tobs.temperatureSite).selectOption('oral');
  await visits.getByLabel(staffDa.tobs.systolicMmHg).fill('95');
  await visits.getByLabel(staffDa.tobs.consciousness).selectOption('agitated');
  await expect(visits.getByRole('status')).toContainText('TOBS-score 5 af 15');
  await visits.getByRole('button', { name: staffDa.visits.save }).click();
  const kept = visits.getByRole('listitem').filter({ hasText: staffDa.visits.kinds.reception_visit });
  await expect(kept).toContainText(staffDa.visits.kept);
  await expect(kept).toContainText('TOBS-score 5 af 15');

  // The visit closed its pathway task: done in the plan on the page she is on, without a reload, and gone from her
  // day; the follow-up home visit stays open.
  const plan = nurse.getByRole('region', { name: staffDa.episode.planHeading });
  const taskOf = (what: string) => plan.getByRole('listitem').filter({ has: nurse.getByText(what, { exact: true }) });
  await expect(taskOf(RECEPTION_TASK)).toContainText(planDa.plan.values.done);
  await expect(taskOf(FOLLOW_UP_TASK)).toContainText(planDa.plan.values.open);
  await nurse.getByRole('link', { name: staffDa.staffNav.day }).click();
  await expect(reception.getByText(staffDa.day.noReception)).toBeVisible();
  await expect(tasks.getByText(FOLLOW_UP_TASK)).toBeVisible();
  await expect(tasks.getByText(RECEPTION_TASK)).toHaveCount(0);

  // The indicators for March. Counts of 1–4 show as "under 5" and shares of
  // fewer than 5 without a percentage, on the page, in its CSV and in the JSON
  // alike, so one patient is seen through what suppression leaves: a discharge
  // ("under 5", not 0), a goal conversation held, and no reception visit
  // pending (0, where it would be "under 5" had the visit not been counted: the
  // clock is 45 minutes after the discharge, so it cannot have failed either),
  // while the follow-up home visit her score of 33 calls for is still pending.
  await coordinator.goto(`${server.url}/`);
  await coordinator.getByRole('link', { name: staffDa.indicators.link }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: staffDa.indicators.heading })).toBeVisible();
  await coordinator.getByLabel(staffDa.indicators.from).fill('2026-03-01');
  await coordinator.getByLabel(staffDa.indicators.to).fill('2026-04-01');
  await coordinator.getByRole('button', { name: staffDa.indicators.show }).click();
  const under5 = fill(staffDa.indicators.fewerThan, { limit: '5' });
  await expect(coordinator.getByText(fill(staffDa.indicators.discharges, { text: under5 }))).toBeVisible();
  const figure = (heading: string) => coordinator.getByRole('region', { name: heading });
  await expect(figure(staffDa.indicators.conferencesHeld).getByRole('row', { name: staffDa.kinds.goal_conversation })).toContainText(under5);
  await expect(figure(staffDa.indicators.conferencesHeld).getByRole('row', { name: staffDa.kinds.discharge_conference })).toContainText('0');
  await expect(figure(staffDa.indicators.reception).getByText(fill(staffDa.indicators.pending, { text: '0' }))).toBeVisible();
  await expect(figure(staffDa.indicators.followUp).getByText(fill(staffDa.indicators.pending, { text: under5 }), { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator, 'indicators page');

  for (const page of [coordinator, nurse]) await page.context().close();
});
