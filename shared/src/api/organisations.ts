import { z } from 'zod';
import { STAFF_SECTORS } from '../domain/permissions.ts';
import { recordIdSchema } from './common.ts';

export const organisationSectorSchema = z.enum(STAFF_SECTORS);

export const organisationViewSchema = z.object({ id: recordIdSchema, name: z.string(), sector: organisationSectorSchema });
export type OrganisationView = z.infer<typeof organisationViewSchema>;

/** GET /api/organisations?sector= — the pickers' lists (wards, municipalities, GP practices), by name. */
export const organisationListQuerySchema = z.object({ sector: organisationSectorSchema.optional() });
export const organisationListResponseSchema = z.object({ organisations: z.array(organisationViewSchema) });
export type OrganisationListResponse = z.infer<typeof organisationListResponseSchema>;

/**
 * An organisation's code in SOR (Sundhedsvæsenets Organisationsregister), by
 * which the hospital's systems name wards, municipalities and practices in
 * FHIR (identifier system urn:oid:1.2.208.176.1.1). SOR codes are digits.
 */
export const sorCodeSchema = z.string().regex(/^[0-9]{1,20}$/, 'an SOR code is 1–20 digits');
