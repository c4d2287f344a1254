import type { Bundle, Encounter, Patient, RelatedPerson } from '@medplum/fhirtypes';

// Transaction Bundles as a hospital's system sends them to POST /fhir/R4
// (docs/fhir-in.md): a Patient by CPR, her Encounter at a ward named by SOR,
// and a relative. Tests change one thing at a time.

export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
export const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';
export const ENCOUNTER_SYSTEM = 'https://sundhedsplatformen.example.dk/encounter';

export interface BundleFacts {
  /** Ten digits, as DK Core writes it (no hyphen). */
  cpr: string;
  name?: string;
  birthDate?: string;
  encounterId: string;
  wardSor: string;
  municipalitySor: string;
  gpSor?: string;
  admittedAt?: string;
  /** Present: the stay ended (status finished). */
  dischargedAt?: string;
  dischargeDisposition?: { system: string; code: string };
}

const PATIENT = 'urn:uuid:0b6f1c52-7f3e-4f4e-9a55-3b1b8f0a6c01';
const ENCOUNTER = 'urn:uuid:0b6f1c52-7f3e-4f4e-9a55-3b1b8f0a6c02';
const DAUGHTER = 'urn:uuid:0b6f1c52-7f3e-4f4e-9a55-3b1b8f0a6c03';

export function hospitalBundle(facts: BundleFacts): Bundle {
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: CPR_SYSTEM, value: facts.cpr }],
    name: [{ use: 'official', family: 'Jensen', given: ['Karen', 'Margrethe'], ...(facts.name ? { text: facts.name } : {}) }],
    ...(facts.birthDate ? { birthDate: facts.birthDate } : {}),
    telecom: [{ system: 'phone', value: '+45 86 54 12 34' }],
    managingOrganization: { identifier: { system: SOR_SYSTEM, value: facts.municipalitySor } },
    ...(facts.gpSor ? { generalPractitioner: [{ identifier: { system: SOR_SYSTEM, value: facts.gpSor } }] } : {}),
  };
  const encounter: Encounter = {
    resourceType: 'Encounter',
    identifier: [{ system: ENCOUNTER_SYSTEM, value: facts.encounterId }],
    status: facts.dischargedAt ? 'finished' : 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
    subject: { reference: PATIENT },
    period: { start: facts.admittedAt ?? '2026-03-09T08:15:00+01:00', ...(facts.dischargedAt ? { end: facts.dischargedAt } : {}) },
    serviceProvider: { identifier: { system: SOR_SYSTEM, value: facts.wardSor } },
    location: [{ location: { display: 'Medicinsk afsnit M3' } }],
    ...(facts.dischargeDisposition ? { hospitalization: { dischargeDisposition: { coding: [facts.dischargeDisposition] } } } : {}),
  };
  const daughter: RelatedPerson = {
    resourceType: 'RelatedPerson',
    patient: { reference: PATIENT },
    relationship: [{ text: 'datter' }],
    name: [{ text: 'Lise Jensen' }],
    telecom: [
      { system: 'phone', value: '+45 22 33 44 55' },
      { system: 'email', value: 'lise.jensen@example.dk' },
    ],
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: PATIENT, resource: patient, request: { method: 'PUT', url: `Patient?identifier=${CPR_SYSTEM}|${facts.cpr}` } },
      { fullUrl: ENCOUNTER, resource: encounter, request: { method: 'PUT', url: `Encounter?identifier=${ENCOUNTER_SYSTEM}|${facts.encounterId}` } },
      { fullUrl: DAUGHTER, resource: daughter, request: { method: 'POST', url: 'RelatedPerson' } },
    ],
  };
}

/** The bundle with one resource changed by `change` (a deep copy; the original stays as it was). */
export function withResource<T extends Patient | Encounter | RelatedPerson>(bundle: Bundle, type: T['resourceType'], change: (resource: T) => void): Bundle {
  const copy = structuredClone(bundle);
  const entry = copy.entry?.find((candidate) => candidate.resource?.resourceType === type);
  if (entry?.resource === undefined) throw new Error(`no ${type} in the bundle`);
  change(entry.resource as T);
  return copy;
}
