import type { PatientRef } from '@samplan/shared';

/** Name with the masked CPR, so two patients with one name are told apart without showing the full number. */
export function PatientName({ patient }: { patient: PatientRef }) {
  return (
    <span className="patient-name">
      <strong>{patient.name}</strong> <span className="patient-cpr">{patient.cpr}</span>
    </span>
  );
}
