import { z } from 'zod';
import { actionSchema, STAFF_SECTORS } from '../domain/permissions.ts';
import { iceServerSchema } from '../protocol/mediasoup.ts';
import { participantRoleSchema } from '../roles.ts';
import { recordIdSchema } from './common.ts';

/** The professional roles of staff accounts (the database's StaffRole). */
export const STAFF_ROLES = [
  'doctor',
  'nurse',
  'therapist',
  'discharge_coordinator',
  'visitator',
  'home_nurse',
  'gp',
  'geriatrician',
  'visitation_nurse',
  'acute_nurse',
  'out_of_hours_doctor',
] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** POST /api/auth/login */
export const loginRequestSchema = z.object({
  login: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const principalSummarySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    staffId: recordIdSchema,
    name: z.string(),
    role: staffRoleSchema,
    organisation: z.object({ id: recordIdSchema, name: z.string(), sector: z.enum(STAFF_SECTORS) }),
    /** A geriatrician works as the geriatric team (episodes in their advice window). */
    geriatricTeam: z.boolean(),
    /** Administers their organisation: its staff, set-password links and system clients. */
    administrator: z.boolean(),
  }),
  z.object({
    kind: z.literal('participant'),
    participantId: recordIdSchema,
    conferenceId: recordIdSchema,
    episodeId: recordIdSchema,
    name: z.string(),
    role: participantRoleSchema,
  }),
]);
export type PrincipalSummary = z.infer<typeof principalSummarySchema>;

/**
 * GET /api/auth/me, and the answer to login and link redemption. For a guest,
 * `allowedActions` are those in their conference now; for staff, those their
 * standing gives in the episodes they take part in (each episode says its own).
 */
export const meResponseSchema = z.object({
  principal: principalSummarySchema,
  allowedActions: z.array(actionSchema),
  /** When the session lapses unless used (renewed on use). */
  sessionExpiresAt: z.iso.datetime(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** POST /api/join/:linkToken — the token is 32 random bytes, base64url. */
export const joinParamsSchema = z.object({ linkToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a join link') });

/** GET /api/ice-servers — TURN with short-lived credentials, so a device check can test the relay before the call. */
export const iceServersResponseSchema = z.object({ iceServers: z.array(iceServerSchema) });
export type IceServersResponse = z.infer<typeof iceServersResponseSchema>;
