import {
  acuteBedsOverviewSchema,
  acuteOfferInputSchema,
  acuteOfferParamsSchema,
  acuteOfferSavedResponseSchema,
  acuteReleaseRequestSchema,
  acuteReservationParamsSchema,
  acuteReservationResponseSchema,
} from '@samplan/shared';
import type { AcuteBedSettings } from '../../record/acuteBeds/acuteBedAccess.ts';
import { confirmReservation } from '../../record/acuteBeds/confirmReservation.ts';
import { readAcuteBeds } from '../../record/acuteBeds/readAcuteBeds.ts';
import { releaseReservation } from '../../record/acuteBeds/releaseReservation.ts';
import { reserveBed } from '../../record/acuteBeds/reserveBed.ts';
import { createAcuteOffer, updateAcuteOffer } from '../../record/acuteBeds/saveAcuteOffer.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

/** The municipalities' acute beds: the shared overview, reservations, and each municipality's own offers. */
export function acuteBedRoutes(ctx: RecordContext & { acuteBeds: AcuteBedSettings }): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/acute-beds',
      summary:
        "Every municipality's acute offers: beds total, occupied, reserved and free now, and what each acute team can do. No patient data (hospital visitation and doctors, GPs, out-of-hours doctors, municipal teams; audited).",
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'read', resourceType: 'AcuteBeds' },
      response: acuteBedsOverviewSchema,
      handler: ({ caller }) => readAcuteBeds(ctx, caller),
    }),
    route({
      method: 'post',
      path: '/acute-beds/offers',
      summary: "A new acute offer of the caller's own municipality (its staff only).",
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'create', resourceType: 'AcuteOffer' },
      body: acuteOfferInputSchema,
      response: acuteOfferSavedResponseSchema,
      status: 201,
      handler: async ({ caller, body }) => ({ offer: await createAcuteOffer(ctx, caller, body) }),
    }),
    route({
      method: 'put',
      path: '/acute-beds/offers/:offerId',
      summary: "An acute offer's name, beds and competences, by its municipality's own staff; never fewer beds than are held now (BEDS_IN_USE).",
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'update', resourceType: 'AcuteOffer' },
      params: acuteOfferParamsSchema,
      body: acuteOfferInputSchema,
      response: acuteOfferSavedResponseSchema,
      handler: async ({ caller, params, body }) => ({ offer: await updateAcuteOffer(ctx, caller, params.offerId, body) }),
    }),
    route({
      method: 'post',
      path: '/acute-beds/offers/:offerId/reservations',
      summary:
        'Reserve one bed of the offer (doctors only) until confirmed, released, or ACUTE_RESERVATION_MINUTES pass. Of two doctors taking the last bed at once exactly one gets it; the other gets NO_FREE_BED.',
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'reserve', resourceType: 'AcuteBedReservation' },
      params: acuteOfferParamsSchema,
      response: acuteReservationResponseSchema,
      status: 201,
      handler: async ({ caller, params }) => ({ reservation: await reserveBed(ctx, caller, params.offerId) }),
    }),
    route({
      method: 'post',
      path: '/acute-beds/reservations/:reservationId/confirm',
      summary: 'The reserved bed is taken (occupied): by the reserving doctor or the municipality. RESERVATION_NOT_ACTIVE once released or past its time.',
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'confirm', resourceType: 'AcuteBedReservation' },
      params: acuteReservationParamsSchema,
      response: acuteReservationResponseSchema,
      handler: async ({ caller, params }) => ({ reservation: await confirmReservation(ctx, caller, params.reservationId) }),
    }),
    route({
      method: 'post',
      path: '/acute-beds/reservations/:reservationId/release',
      summary: "Free the bed: a reservation given up ('cancelled', its doctor or the municipality), or the patient left an occupied bed ('left', the municipality).",
      tag: 'acute-beds',
      access: 'staff',
      audit: { action: 'release', resourceType: 'AcuteBedReservation' },
      params: acuteReservationParamsSchema,
      body: acuteReleaseRequestSchema,
      response: acuteReservationResponseSchema,
      handler: async ({ caller, params, body }) => ({ reservation: await releaseReservation(ctx, caller, params.reservationId, body) }),
    }),
  ];
}
