import { z } from 'zod';
import { recordIdSchema } from '../api/common.ts';

/**
 * "The acute beds overview is out of date": to every signed-in staff socket
 * that may see the overview, when a bed of this municipality was reserved,
 * confirmed, released or expired, or its offers changed. It names the
 * municipality, never a patient (there is none in the overview); the page
 * then reads GET /api/acute-beds again.
 */
export const acuteBedsChangedSchema = z.strictObject({ municipalityId: recordIdSchema });
export type AcuteBedsChanged = z.infer<typeof acuteBedsChangedSchema>;

export const acuteBedNotifications = {
  'acuteBeds:changed': acuteBedsChangedSchema,
} as const;
