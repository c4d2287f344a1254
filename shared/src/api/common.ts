import { z } from 'zod';

/** Every record id is a UUID (v7, made by the server). */
export const recordIdSchema = z.uuid();

/** Instants on the wire: ISO 8601 in UTC, as `Date.toISOString()` writes them. */
export const isoInstantSchema = z.iso.datetime();

/** "120345-****": the birth date stays readable, the serial never leaves the server unasked. */
export const maskedCprSchema = z.string().regex(/^\d{6}-\*{4}$/);

export const episodeParamsSchema = z.object({ episodeId: recordIdSchema });
export const conferenceParamsSchema = z.object({ conferenceId: recordIdSchema });
export const participantParamsSchema = z.object({ conferenceId: recordIdSchema, participantId: recordIdSchema });
export const adviceRequestParamsSchema = z.object({ adviceRequestId: recordIdSchema });
export const consentParamsSchema = z.object({ episodeId: recordIdSchema, consentId: recordIdSchema });

/** Free text typed by a person: trimmed, bounded, no control characters but newlines and tabs. */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value), 'must not contain control characters');

export const personNameSchema = freeText(120);
