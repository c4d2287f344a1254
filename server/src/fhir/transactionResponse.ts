import type { Bundle, BundleEntryResponse } from '@medplum/fhirtypes';
import type { AppliedNotice, Change } from './applyHospitalNotice.ts';
import type { NoticeEntry } from './readHospitalBundle.ts';

/**
 * The answer to a transaction that was stored: one entry per entry sent, in
 * the same order (FHIR's rule), each saying where the resource lives in
 * Samplan. The Encounter is the episode; an Organization is one Samplan knew.
 * Sent again, the same bundle gets the same locations, with 200 for 201.
 */
export function transactionResponse(entries: readonly NoticeEntry[], applied: AppliedNotice, at: Date): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    timestamp: at.toISOString(),
    entry: entries.map((entry) => ({ response: responseOf(entry, applied, at) })),
  };
}

function responseOf(entry: NoticeEntry, applied: AppliedNotice, at: Date): BundleEntryResponse {
  switch (entry.kind) {
    case 'Patient':
      return answer('Patient', applied.patient.id, applied.patient.change, at);
    case 'Encounter':
      return answer('Encounter', applied.episode.id, applied.episode.change, at);
    case 'RelatedPerson': {
      const relative = applied.relatives[entry.relative];
      if (relative === undefined) throw new Error(`no relative applied for entry ${entry.relative}`);
      return answer('RelatedPerson', relative.id, relative.change, at);
    }
    case 'Organization': {
      const id = applied.organisations.get(entry.sorCode);
      if (id === undefined) throw new Error(`no organisation resolved for SOR ${entry.sorCode}`);
      return answer('Organization', id, 'unchanged', at);
    }
  }
}

function answer(type: string, id: string, change: Change, at: Date): BundleEntryResponse {
  return {
    status: change === 'created' ? '201 Created' : '200 OK',
    location: `${type}/${id}`,
    ...(change === 'unchanged' ? {} : { lastModified: at.toISOString() }),
  };
}
