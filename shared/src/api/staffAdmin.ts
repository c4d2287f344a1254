import { z } from 'zod';
import { acuteServiceSchema } from '../domain/acuteService.ts';
import { staffRoleSchema } from './auth.ts';
import { freeText, isoInstantSchema, personNameSchema, recordIdSchema } from './common.ts';

// An administrator's screens: the staff of their own organisation, the links
// with which they set a password, and the systems that send FHIR in.

/**
 * Passwords are at least 15 characters (NIST SP 800-63B-4 for a password
 * that is the only factor): a sentence is easier to remember than symbols.
 * No other composition rules; the upper bound matches the sign-in's.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 200;
export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** An e-mail address or a user name: stored lower-case, as the sign-in compares it. */
export const staffLoginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(200)
  .regex(/^[^\s\u0000-\u001f\u007f]+$/, 'must be one word without spaces');

export const staffParamsSchema = z.object({ staffId: recordIdSchema });
export const passwordLinkParamsSchema = z.object({ linkId: recordIdSchema });
export const systemClientParamsSchema = z.object({ systemClientId: recordIdSchema });

/** A set-password link's token: 32 random bytes, base64url. */
export const passwordLinkTokenParamsSchema = z.object({ linkToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a set-password link') });

export const staffMemberSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  login: z.string(),
  role: staffRoleSchema,
  unit: z.string().nullable(),
  administrator: z.boolean(),
  /** False until the person has set a password through a link. */
  hasPassword: z.boolean(),
  deactivatedAt: isoInstantSchema.nullable(),
  /** The link that can still be used, if any (at most one: a new one revokes the last). */
  openPasswordLink: z.object({ id: recordIdSchema, issuedAt: isoInstantSchema, expiresAt: isoInstantSchema }).nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListResponseSchema = z.object({ staff: z.array(staffMemberSchema) });
export const staffMemberResponseSchema = z.object({ staffMember: staffMemberSchema });

/** POST /api/admin/staff — in the administrator's own organisation. */
export const createStaffRequestSchema = z.object({
  name: personNameSchema,
  login: staffLoginSchema,
  role: staffRoleSchema,
  unit: freeText(120).nullable().default(null),
  administrator: z.boolean().default(false),
});
export type CreateStaffRequest = z.input<typeof createStaffRequestSchema>;

/** PUT /api/admin/staff/:staffId — the whole editable description. */
export const updateStaffRequestSchema = createStaffRequestSchema;
export type UpdateStaffRequest = z.input<typeof updateStaffRequestSchema>;

/** POST /api/admin/staff/:staffId/password-links — the token is in this answer only. */
export const issuedPasswordLinkSchema = z.object({
  link: z.object({ id: recordIdSchema, issuedAt: isoInstantSchema, expiresAt: isoInstantSchema }),
  token: z.string(),
  /** "/set-password/<token>", to put after the server's address. */
  path: z.string(),
});
export type IssuedPasswordLink = z.infer<typeof issuedPasswordLinkSchema>;

/** GET /api/password-links/:linkToken — whose link it is, before they choose a password. */
export const passwordLinkStateSchema = z.object({ name: z.string(), login: z.string(), expiresAt: isoInstantSchema });
export type PasswordLinkState = z.infer<typeof passwordLinkStateSchema>;

/** POST /api/password-links/:linkToken */
export const setPasswordRequestSchema = z.object({ password: newPasswordSchema });
export type SetPasswordRequest = z.input<typeof setPasswordRequestSchema>;

export const SYSTEM_CLIENT_SCOPES = ['fhir:write'] as const;
export const systemClientScopeSchema = z.enum(SYSTEM_CLIENT_SCOPES);
export type SystemClientScope = z.infer<typeof systemClientScopeSchema>;

export const systemClientSchema = z.object({
  id: recordIdSchema,
  name: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is never shown again. */
  keyPrefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: isoInstantSchema,
  createdBy: z.object({ id: recordIdSchema, name: z.string() }),
  deactivatedAt: isoInstantSchema.nullable(),
});
export type SystemClientView = z.infer<typeof systemClientSchema>;

export const systemClientListResponseSchema = z.object({ systemClients: z.array(systemClientSchema) });
export const systemClientResponseSchema = z.object({ systemClient: systemClientSchema });

/** POST /api/admin/system-clients */
export const createSystemClientRequestSchema = z.object({
  name: freeText(120),
  scopes: z
    .array(systemClientScopeSchema)
    .min(1)
    .default(['fhir:write'])
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateSystemClientRequest = z.input<typeof createSystemClientRequestSchema>;

/** The key is in this answer only: only its hash is stored. */
export const createdSystemClientSchema = z.object({ systemClient: systemClientSchema, key: z.string() });
export type CreatedSystemClient = z.infer<typeof createdSystemClientSchema>;

/**
 * GET and PUT /api/admin/acute-service: a municipality's acute team, its
 * hours and the time it promises to be with the citizen; null when the
 * municipality has no acute team (doctors are then told so at once).
 */
export const acuteServiceSettingSchema = z.object({ service: acuteServiceSchema.nullable() }).strict();
export type AcuteServiceSetting = z.infer<typeof acuteServiceSettingSchema>;
