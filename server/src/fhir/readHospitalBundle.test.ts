import { readFileSync } from 'node:fs';
import type { Encounter, Patient, RelatedPerson } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENCOUNTER_SYSTEM, hospitalBundle, SOR_SYSTEM, withResource } from '../../../tests/support/hospital-bundles.ts';
import { InboundRefusal } from './operationOutcome.ts';
import { fhirIssues } from './validate.ts';
import { dischargeDestinationOf, eventOf, nameOf, readHospitalBundle, SAMPLAN_DISCHARGE_DESTINATION_SYSTEM } from './readHospitalBundle.ts';

const facts = { cpr: '1203381118', encounterId: 'E-1', wardSor: '111', municipalitySor: '222', gpSor: '333' };

function refusalOf(run: () => unknown): InboundRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof InboundRefusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('reading a hospital transaction bundle', () => {
  // The first validation indexes the R4 definitions (seconds on a busy machine); not any one test's time.
  beforeAll(() => {
    fhirIssues({ resourceType: 'Patient' });
  }, 60_000);

  it('turns an admission into the patient, the encounter and the relative, with the organisations by SOR', () => {
    const notice = readHospitalBundle(hospitalBundle(facts));
    expect(notice.patient).toEqual({
      cpr: { value: '120338-1118', birthDate: '1938-03-12' },
      name: 'Karen Margrethe Jensen',
      phone: '+45 86 54 12 34',
      email: null,
      municipality: { sorCode: '222', expression: 'Bundle.entry[0].resource.managingOrganization.identifier' },
      gpPractice: { sorCode: '333', expression: 'Bundle.entry[0].resource.generalPractitioner[0].identifier' },
    });
    expect(notice.encounter).toEqual({
      identifier: `${ENCOUNTER_SYSTEM}|E-1`,
      event: 'admitted',
      admittedAt: new Date('2026-03-09T07:15:00Z'),
      dischargedAt: null,
      destination: null,
      ward: { sorCode: '111', expression: 'Bundle.entry[1].resource.serviceProvider.identifier' },
      unit: 'Medicinsk afsnit M3',
    });
    expect(notice.relatives).toEqual([{ name: 'Lise Jensen', relation: 'datter', phone: '+45 22 33 44 55', email: 'lise.jensen@example.dk' }]);
    expect(notice.entries).toEqual([{ kind: 'Patient' }, { kind: 'Encounter' }, { kind: 'RelatedPerson', relative: 0 }]);
  });

  it('reads the example bundle of docs/fhir-in.md', () => {
    const doc = readFileSync(new URL('../../../docs/fhir-in.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    const notice = readHospitalBundle(JSON.parse(example ?? 'null'));
    expect(notice.encounter).toMatchObject({ event: 'admitted', ward: { sorCode: '326671000016008' } });
    expect(notice.patient).toMatchObject({ municipality: { sorCode: '446151000016003' }, gpPractice: { sorCode: '512341000016002' } });
  });

  it('reads a finished Encounter as the discharge, with its destination', () => {
    const notice = readHospitalBundle(hospitalBundle({ ...facts, dischargedAt: '2026-03-12T10:30:00+01:00', dischargeDisposition: { system: SAMPLAN_DISCHARGE_DESTINATION_SYSTEM, code: 'municipal_acute_bed' } }));
    expect(notice.encounter).toMatchObject({ event: 'discharged', dischargedAt: new Date('2026-03-12T09:30:00Z'), destination: 'municipal_acute_bed' });
  });

  it('finds the ward in a contained Organization or in one of the bundle', () => {
    const contained = withResource<Encounter>(hospitalBundle(facts), 'Encounter', (encounter) => {
      encounter.contained = [{ resourceType: 'Organization', id: 'ward', identifier: [{ system: SOR_SYSTEM, value: '444' }], name: 'M3' }];
      encounter.serviceProvider = { reference: '#ward' };
    });
    expect(readHospitalBundle(contained).encounter.ward.sorCode).toBe('444');

    const bundled = withResource<Encounter>(hospitalBundle(facts), 'Encounter', (encounter) => {
      encounter.serviceProvider = { reference: 'urn:uuid:5d4c3b2a-0000-4000-8000-000000000001' };
    });
    bundled.entry?.push({
      fullUrl: 'urn:uuid:5d4c3b2a-0000-4000-8000-000000000001',
      resource: { resourceType: 'Organization', identifier: [{ system: SOR_SYSTEM, value: '555' }], name: 'M4' },
      request: { method: 'PUT', url: `Organization?identifier=${SOR_SYSTEM}|555` },
    });
    const notice = readHospitalBundle(bundled);
    expect(notice.encounter.ward.sorCode).toBe('555');
    expect(notice.entries[3]).toEqual({ kind: 'Organization', sorCode: '555' });
  });

  it.each([
    ['not a Bundle', { resourceType: 'Patient' }, 400, 'structure'],
    ['a batch', { ...hospitalBundle(facts), type: 'batch' }, 422, 'not-supported'],
    ['an Encounter without status', withResource<Encounter>(hospitalBundle(facts), 'Encounter', (e) => delete (e as Partial<Encounter>).status), 400, 'invalid'],
    ['a birth date that is no date', withResource<Patient>(hospitalBundle(facts), 'Patient', (p) => (p.birthDate = 'yesterday')), 400, 'invalid'],
    ['a CPR number whose date does not exist', hospitalBundle({ ...facts, cpr: '3102381118' }), 422, 'value'],
    ['a CPR number of nine digits', hospitalBundle({ ...facts, cpr: '120338111' }), 422, 'value'],
    ['a birth date the CPR number contradicts', hospitalBundle({ ...facts, birthDate: '1938-03-13' }), 422, 'value'],
    ['a cancelled Encounter (MedCom AN_STIN)', withResource<Encounter>(hospitalBundle(facts), 'Encounter', (e) => (e.status = 'cancelled')), 422, 'not-supported'],
    ['a finished Encounter without its end', withResource<Encounter>(hospitalBundle(facts), 'Encounter', (e) => (e.status = 'finished')), 422, 'required'],
    ['an Encounter without identifier', withResource<Encounter>(hospitalBundle(facts), 'Encounter', (e) => delete e.identifier), 422, 'required'],
    ['an admission time without its zone', hospitalBundle({ ...facts, admittedAt: '2026-03-09' }), 422, 'value'],
    ['a ward named only by a reference to elsewhere', withResource<Encounter>(hospitalBundle(facts), 'Encounter', (e) => (e.serviceProvider = { reference: 'Organization/123' })), 422, 'invalid'],
    ['a relative of someone else', withResource<RelatedPerson>(hospitalBundle(facts), 'RelatedPerson', (r) => (r.patient = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' })), 422, 'invalid'],
    ['a relative without relationship', withResource<RelatedPerson>(hospitalBundle(facts), 'RelatedPerson', (r) => delete r.relationship), 422, 'required'],
  ])('refuses %s', (_what, body, status, code) => {
    const refusal = refusalOf(() => readHospitalBundle(body));
    expect(refusal.status).toBe(status);
    expect(refusal.issues[0]?.code).toBe(code);
  });

  it('refuses resources it does not take, and entries that are not create or update', () => {
    const observation = hospitalBundle(facts);
    observation.entry?.push({ resource: { resourceType: 'Observation', status: 'final', code: { text: 'puls' } }, request: { method: 'POST', url: 'Observation' } });
    expect(refusalOf(() => readHospitalBundle(observation)).issues[0]).toMatchObject({ code: 'not-supported', expression: 'Bundle.entry[3].resource' });

    const deleting = hospitalBundle(facts);
    const entry = deleting.entry?.[2];
    if (entry?.request) entry.request.method = 'DELETE';
    expect(refusalOf(() => readHospitalBundle(deleting)).issues[0]).toMatchObject({ code: 'not-supported', expression: 'Bundle.entry[2].request.method' });
  });
});

describe('the mapping rules', () => {
  it.each([
    [[{ system: SAMPLAN_DISCHARGE_DESTINATION_SYSTEM, code: 'nursing_home' }], 'nursing_home'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }], 'home'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'snf' }], 'nursing_home'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'exp' }], 'other'],
    [[{ system: 'http://example.org/local', code: 'hjem' }], 'other'],
    [undefined, 'other'],
  ] as const)('destination %j → %s', (codings, destination) => {
    expect(dischargeDestinationOf(codings)).toBe(destination);
  });

  it.each([
    ['in-progress', 'admitted'],
    ['onleave', 'admitted'],
    ['finished', 'discharged'],
  ] as const)('Encounter status %s → %s', (status, event) => {
    expect(eventOf(status, 'Encounter.status')).toBe(event);
  });

  it.each(['planned', 'arrived', 'entered-in-error', undefined] as const)('Encounter status %s is not taken', (status) => {
    expect(refusalOf(() => eventOf(status, 'Encounter.status')).status).toBe(422);
  });

  it('names a person by the official name, its text first', () => {
    expect(nameOf([{ use: 'usual', text: 'Kaja' }, { use: 'official', given: ['Karen'], family: 'Jensen' }])).toBe('Karen Jensen');
    expect(nameOf([{ text: ' Lise Jensen ' }])).toBe('Lise Jensen');
    expect(nameOf([{ given: [' '] }])).toBeNull();
    expect(nameOf(undefined)).toBeNull();
  });
});
