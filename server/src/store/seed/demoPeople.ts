import type { AcuteCompetence } from '@samplan/shared';
import type { Language, Sector, StaffRole } from '../generated/enums.ts';

/**
 * The demo scenario's cast: a medical ward at Regionshospitalet Horsens, its
 * geriatric team, the municipalities of Odder and Skanderborg, and a GP
 * practice in Odder; and the Randers cluster's acute care: Regionshospitalet
 * Randers' visitation, the acute teams and acute beds of Randers, Norddjurs,
 * Syddjurs and Favrskov, an out-of-hours doctor and a GP in Randers. Every person is made up; CPR numbers have real dates and
 * the right shape, with serials chosen for the demo.
 */
export const DEMO_PASSWORD = 'samplan-demo';

/** SOR codes are made up in SOR's shape (…1000016…), so the demo's hospital system can name them in FHIR bundles. */
export const DEMO_ORGANISATIONS = {
  ward: { sector: 'hospital_ward', name: 'Regionshospitalet Horsens, Medicinsk Afdeling M2', sorCode: '326671000016008' },
  geriatrics: { sector: 'hospital_ward', name: 'Regionshospitalet Horsens, Geriatrisk Team', sorCode: '326681000016006' },
  odder: { sector: 'municipal_unit', name: 'Odder Kommune, Hjemmesygeplejen og Visitationen', sorCode: '446151000016003' },
  skanderborg: { sector: 'municipal_unit', name: 'Skanderborg Kommune, Sundhed og Omsorg', sorCode: '446161000016000' },
  gp: { sector: 'general_practice', name: 'Lægehuset Rosensgade, Odder', sorCode: '512341000016002' },
  randersHospital: { sector: 'hospital_ward', name: 'Regionshospitalet Randers, Akutafdelingen', sorCode: '326701000016004' },
  randers: { sector: 'municipal_unit', name: 'Randers Kommune, Akutteamet', sorCode: '446171000016009' },
  norddjurs: { sector: 'municipal_unit', name: 'Norddjurs Kommune, Akutfunktionen', sorCode: '446181000016007' },
  syddjurs: { sector: 'municipal_unit', name: 'Syddjurs Kommune, Akutteamet', sorCode: '446191000016005' },
  favrskov: { sector: 'municipal_unit', name: 'Favrskov Kommune, Akutfunktionen', sorCode: '446201000016002' },
  outOfHours: { sector: 'general_practice', name: 'Lægevagten, Region Midtjylland', sorCode: '512351000016009' },
  randersGp: { sector: 'general_practice', name: 'Lægehuset Houmeden, Randers', sorCode: '512361000016006' },
} as const satisfies Record<string, { sector: Sector; name: string; sorCode: string }>;
export type DemoOrganisation = keyof typeof DEMO_ORGANISATIONS;

export interface DemoStaff {
  readonly key: string;
  readonly login: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly organisation: DemoOrganisation;
  /** Administers the organisation's staff, set-password links and system clients. */
  readonly administrator?: boolean;
  /** What the login is for, printed at start. */
  readonly what: string;
}

export const DEMO_STAFF = [
  { key: 'nurse', login: 'sygeplejerske@horsens.demo', name: 'Mette Lund', role: 'nurse', organisation: 'ward', what: 'ward nurse, Horsens' },
  { key: 'doctor', login: 'laege@horsens.demo', name: 'Anders Holm', role: 'doctor', organisation: 'ward', what: 'ward doctor, Horsens' },
  { key: 'therapist', login: 'terapeut@horsens.demo', name: 'Sofie Kjær', role: 'therapist', organisation: 'ward', what: 'physiotherapist, Horsens' },
  { key: 'coordinator', login: 'koordinator@horsens.demo', name: 'Hanne Bech', role: 'discharge_coordinator', organisation: 'ward', what: 'discharge coordinator, Horsens' },
  { key: 'geriatrician', login: 'geriater@horsens.demo', name: 'Peter Vinther', role: 'geriatrician', organisation: 'geriatrics', what: 'geriatrician (advice line)' },
  { key: 'odderVisitator', login: 'visitator@odder.demo', name: 'Lone Mikkelsen', role: 'visitator', organisation: 'odder', what: 'visitator, Odder' },
  { key: 'odderNurse', login: 'hjemmesygeplejerske@odder.demo', name: 'Jesper Friis', role: 'home_nurse', organisation: 'odder', what: 'home nurse, Odder' },
  { key: 'skanderborgVisitator', login: 'visitator@skanderborg.demo', name: 'Birgitte Dam', role: 'visitator', organisation: 'skanderborg', what: 'visitator, Skanderborg' },
  { key: 'skanderborgNurse', login: 'hjemmesygeplejerske@skanderborg.demo', name: 'Karina Holt', role: 'home_nurse', organisation: 'skanderborg', what: 'home nurse, Skanderborg' },
  { key: 'gp', login: 'laege@rosensgade.demo', name: 'Ole Bach', role: 'gp', organisation: 'gp', what: 'GP, Odder' },
  { key: 'randersVisitation', login: 'visitation@randers-sygehus.demo', name: 'Tina Kristensen', role: 'visitation_nurse', organisation: 'randersHospital', what: 'visitation nurse, Randers hospital (acute beds)' },
  { key: 'randersDoctor', login: 'laege@randers-sygehus.demo', name: 'Morten Juhl', role: 'doctor', organisation: 'randersHospital', what: 'acute doctor, Randers hospital (reserves acute beds)' },
  { key: 'randersAcute', login: 'akut@randers.demo', name: 'Camilla Bro', role: 'acute_nurse', organisation: 'randers', what: 'acute nurse, Randers municipality (keeps its acute beds)' },
  { key: 'norddjursAcute', login: 'akut@norddjurs.demo', name: 'Rikke Smed', role: 'acute_nurse', organisation: 'norddjurs', what: 'acute nurse, Norddjurs' },
  { key: 'syddjursAcute', login: 'akut@syddjurs.demo', name: 'Henrik Lau', role: 'acute_nurse', organisation: 'syddjurs', what: 'acute nurse, Syddjurs' },
  { key: 'favrskovAcute', login: 'akut@favrskov.demo', name: 'Anja Winther', role: 'acute_nurse', organisation: 'favrskov', what: 'acute nurse, Favrskov' },
  { key: 'outOfHoursDoctor', login: 'vagtlaege@regionmidt.demo', name: 'Jonas Ebbesen', role: 'out_of_hours_doctor', organisation: 'outOfHours', what: 'out-of-hours doctor, Region Midtjylland' },
  { key: 'randersGp', login: 'laege@houmeden.demo', name: 'Marianne Due', role: 'gp', organisation: 'randersGp', what: 'GP, Randers' },
  {
    key: 'admin',
    login: 'admin@horsens.demo',
    name: 'Lene Thorsen',
    role: 'nurse',
    organisation: 'ward',
    administrator: true,
    what: "administrator, Horsens ward (staff, set-password links, system clients)",
  },
] as const satisfies readonly DemoStaff[];
export type DemoStaffKey = (typeof DEMO_STAFF)[number]['key'];

export interface DemoPatient {
  readonly name: string;
  readonly cprNumber: string;
  readonly dateOfBirth: string;
  readonly home: 'odder' | 'skanderborg';
  readonly phone: string;
  readonly preferredLanguage: Language;
  readonly relatives: ReadonlyArray<{ name: string; relation: string; phone: string; email?: string }>;
}

export const DEMO_PATIENTS = {
  admitted: {
    name: 'Karen Margrethe Jensen',
    cprNumber: '120338-1118',
    dateOfBirth: '1938-03-12',
    home: 'odder',
    phone: '+45 86 54 12 34',
    preferredLanguage: 'da',
    relatives: [{ name: 'Susanne Jensen', relation: 'datter', phone: '+45 22 33 44 55', email: 'susanne.jensen@example.dk' }],
  },
  dischargedToday: {
    name: 'Poul Erik Nielsen',
    cprNumber: '050741-1237',
    dateOfBirth: '1941-07-05',
    home: 'skanderborg',
    phone: '+45 86 52 98 76',
    preferredLanguage: 'da',
    relatives: [
      { name: 'Inge Nielsen', relation: 'hustru', phone: '+45 86 52 98 76' },
      { name: 'Thomas Nielsen', relation: 'søn', phone: '+45 40 11 22 33', email: 'thomas.nielsen@example.dk' },
    ],
  },
  inAdviceWindow: {
    name: 'Ella Sørensen',
    cprNumber: '231135-2206',
    dateOfBirth: '1935-11-23',
    home: 'odder',
    phone: '+45 86 54 77 10',
    preferredLanguage: 'da',
    relatives: [{ name: 'Jørgen Sørensen', relation: 'nabo', phone: '+45 20 30 40 50' }],
  },
} as const satisfies Record<string, DemoPatient>;
export type DemoPatientKey = keyof typeof DEMO_PATIENTS;

/** The Randers cluster's acute beds (akutpladser): beds and what each acute team can do there. */
export const DEMO_ACUTE_OFFERS = [
  {
    municipality: 'randers',
    name: 'Akutpladser, Plejecenter Lindevænget',
    bedsTotal: 6,
    competences: ['blood_tests_point_of_care', 'blood_tests_laboratory', 'iv_antibiotics', 'iv_fluids', 'oxygen', 'urine_catheter', 'observation_tobs'],
    otherCompetences: 'Akutsygeplejerske til stede døgnet rundt.',
  },
  {
    municipality: 'norddjurs',
    name: 'Akutstuer, Grenaa Sundhedshus',
    bedsTotal: 3,
    competences: ['blood_tests_point_of_care', 'iv_fluids', 'oxygen', 'wound_care', 'observation_tobs'],
    otherCompetences: '',
  },
  {
    municipality: 'syddjurs',
    name: 'Akutpladser, Ebeltoft Sundhedshus',
    bedsTotal: 2,
    competences: ['blood_tests_point_of_care', 'blood_tests_laboratory', 'iv_antibiotics', 'iv_fluids', 'ecg', 'observation_tobs'],
    otherCompetences: 'EKG sendes til vagthavende læge i Randers.',
  },
  {
    municipality: 'syddjurs',
    name: 'IV-behandling i eget hjem',
    bedsTotal: 4,
    competences: ['iv_antibiotics', 'iv_fluids', 'blood_tests_laboratory'],
    otherCompetences: 'Akutteamet kommer i hjemmet op til fire gange i døgnet.',
  },
  {
    municipality: 'favrskov',
    name: 'Akutpladser, Hinnerup',
    bedsTotal: 4,
    competences: ['blood_tests_point_of_care', 'iv_antibiotics', 'oxygen', 'palliative_care', 'observation_tobs'],
    otherCompetences: '',
  },
] as const satisfies ReadonlyArray<{
  municipality: DemoOrganisation;
  name: string;
  bedsTotal: number;
  competences: readonly AcuteCompetence[];
  otherCompetences: string;
}>;
