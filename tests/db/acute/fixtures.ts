import type { StaffPrincipal } from '@samplan/server/auth/principal.ts';
import type { Db } from '@samplan/server/store/database.ts';
import type { StaffRole } from '@samplan/server/store/generated/enums.ts';
import { uniqueLogin } from '../../support/record-fixtures.ts';
import { signIn } from '../plan/fixtures.ts';

// The acute bed tests' own cast, made fresh by every call (never the demo's):
// a hospital with a doctor, a visitation nurse and a ward nurse; two
// municipalities, each with an acute nurse; a GP practice and the
// out-of-hours service. The first municipality has one acute offer.

export type AcuteCast = Awaited<ReturnType<typeof createAcuteScene>>;

export async function createAcuteScene(db: Db, options: { beds?: number } = {}) {
  const hospital = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Hospitalet, Akutafdelingen' } });
  const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Nordkommune, Akutteamet' } });
  const otherMunicipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Sydkommune, Akutteamet' } });
  const practice = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Torvet' } });
  const outOfHours = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægevagten' } });
  const person = async (organisationId: string, name: string, role: StaffRole) => {
    const row = await db.staffUser.create({ data: { name, role, organisationId, login: uniqueLogin(), passwordHash: 'not-a-real-hash' } });
    return signIn<StaffPrincipal>(db, 'staff', row.id);
  };
  const offer = await db.acuteOffer.create({
    data: {
      municipalityId: municipality.id,
      name: 'Akutpladser, Plejecenter Nord',
      bedsTotal: options.beds ?? 2,
      competences: ['blood_tests_point_of_care', 'iv_antibiotics'],
      otherCompetences: 'Læge på tilkald',
    },
  });
  return {
    hospital,
    municipality,
    otherMunicipality,
    offer,
    doctor: await person(hospital.id, 'Dr. Juhl', 'doctor'),
    secondDoctor: await person(hospital.id, 'Dr. Holm', 'doctor'),
    visitationNurse: await person(hospital.id, 'Tina Visitation', 'visitation_nurse'),
    wardNurse: await person(hospital.id, 'Mette Afdeling', 'nurse'),
    gp: await person(practice.id, 'Dr. Bach', 'gp'),
    outOfHoursDoctor: await person(outOfHours.id, 'Dr. Vagt', 'out_of_hours_doctor'),
    acuteNurse: await person(municipality.id, 'Camilla Akut', 'acute_nurse'),
    otherAcuteNurse: await person(otherMunicipality.id, 'Rikke Akut', 'acute_nurse'),
  };
}

/** A new offer of the scene's first municipality, `beds` beds. */
export async function freshOffer(db: Db, municipalityId: string, beds: number) {
  return db.acuteOffer.create({ data: { municipalityId, name: `Akutplads ${beds}`, bedsTotal: beds, competences: ['oxygen'] } });
}

export async function api(url: string, cookie: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { ...(cookie === null ? {} : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null, text };
}
