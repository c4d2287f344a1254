import { z } from 'zod';

/**
 * The part a person plays in a conference. Shown on every video tile so that an
 * 85-year-old patient knows who is the GP and who is the home nurse.
 */
export const PARTICIPANT_ROLES = ['patient', 'relative', 'hospital', 'municipality', 'gp', 'geriatrician', 'out_of_hours_doctor'] as const;
export const participantRoleSchema = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;
