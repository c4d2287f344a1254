import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/**
 * How FHIR in says no: an OperationOutcome and the HTTP status that fits
 * (FHIR's RESTful API: 400 a resource that breaks the R4 definitions, 401/403
 * credentials, 404 a path that is not FHIR in's, 409 a conflict with what the record holds, 422 Samplan's
 * rules for what it accepts). One error type, mapped to the answer in one
 * place (the route), so every refusal is worded the same way.
 */
export type InboundStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500;

export interface InboundIssue {
  /** FHIR's IssueType: invalid, structure, required, value, not-found, conflict, business-rule, not-supported, login, forbidden… */
  readonly code: NonNullable<OperationOutcomeIssue['code']>;
  readonly message: string;
  /** FHIRPath to where it is, e.g. "Bundle.entry[1].resource.status". */
  readonly expression?: string;
}

export class InboundRefusal extends Error {
  readonly status: InboundStatus;
  readonly issues: readonly InboundIssue[];

  constructor(status: InboundStatus, issues: readonly InboundIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'InboundRefusal';
    this.status = status;
    this.issues = issues;
  }

  static one(status: InboundStatus, code: InboundIssue['code'], message: string, expression?: string): InboundRefusal {
    return new InboundRefusal(status, [{ code, message, ...(expression === undefined ? {} : { expression }) }]);
  }
}

export function operationOutcome(issues: readonly InboundIssue[], severity: OperationOutcomeIssue['severity'] = 'error'): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => ({
      severity,
      code: issue.code,
      diagnostics: issue.message,
      ...(issue.expression ? { expression: [issue.expression] } : {}),
    })),
  };
}
