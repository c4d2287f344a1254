import type { Language, Sector, StaffRole } from '../generated/enums.ts';

/**
 * The demo scenario's cast: a medical ward at Regionshospitalet Horsens, its
 * geriatric team, the municipalities of Odder and Skanderborg, and a GP
 * practice in Odder. Every person is made up; CPR numbers have real dates and
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
