/**
 * Every REST route the staff screens use, one typed function each. Bodies
 * and answers are the shared schemas (shared/src/api); nothing is redeclared
 * here. All functions throw what http.ts throws.
 */
import {
  type AcuteServiceSetting,
  acuteServiceSettingSchema,
  acuteAssessmentResponseSchema,
  acuteLookupResponseSchema,
  acuteQueueResponseSchema,
  type AcuteDecisionRequest,
  type AcutePullIn,
  type TobsMeasurement,
  acuteBedsOverviewSchema,
  acuteOfferSavedResponseSchema,
  acuteReservationResponseSchema,
  type AcuteOfferInput,
  type AcuteReleaseRequest,
  admitEpisodeResponseSchema,
  consentResponseSchema,
  organisationListResponseSchema,
  patientLookupResponseSchema,
  screeningResponseSchema,
  type AdmitEpisodeRequest,
  type OrganisationView,
  type RecordConsentRequest,
  type RecordScreeningRequest,
  adviceQueueResponseSchema,
  adviceRequestResponseSchema,
  auditTrailResponseSchema,
  relativeViewSchema,
  type SetRepresentationRequest,
  createdSystemClientSchema,
  issuedPasswordLinkSchema,
  passwordLinkStateSchema,
  staffListResponseSchema,
  staffMemberResponseSchema,
  systemClientListResponseSchema,
  systemClientResponseSchema,
  conferenceListResponseSchema,
  conferenceResponseSchema,
  messageListResponseSchema,
  resendMessageResponseSchema,
  type RescheduleConferenceRequest,
  type ResendMessageRequest,
  dayViewSchema,
  dischargeResponseSchema,
  episodeDetailSchema,
  episodeListResponseSchema,
  indicatorsResponseSchema,
  type IndicatorsQuery,
  inviteResponseSchema,
  participantResponseSchema,
  planHistoryResponseSchema,
  planPushResultSchema,
  type PlanPush,
  callBackResponseSchema,
  scheduleConferenceResponseSchema,
  tobsObservationListResponseSchema,
  tobsObservationResponseSchema,
  visitListResponseSchema,
  visitResponseSchema,
  type AnswerAdviceRequest,
  type CreateStaffRequest,
  type CreateSystemClientRequest,
  type SetPasswordRequest,
  type UpdateStaffRequest,
  type InviteRequest,
  type Isbar,
  type RecordDischargeRequest,
  type RecordTobsRequest,
  type RecordVisitRequest,
  type ScheduleConferenceRequest,
} from '@samplan/shared';
import { authEndpoints } from './authEndpoints.ts';
import { requestJson, requestVoid, type HttpOptions } from './http.ts';
import { meetingEndpoints } from './meetingEndpoints.ts';

const id = encodeURIComponent;

/** The query string of the figures, shared by the JSON request and the CSV download link. */
export function indicatorSearch(query: IndicatorsQuery): string {
  return new URLSearchParams({ from: query.from, to: query.to, ...(query.organisationId === undefined ? {} : { organisationId: query.organisationId }) }).toString();
}

export function createApi(options: HttpOptions = {}) {
  return {
    ...authEndpoints(options),
    ...meetingEndpoints(options),

    day: () => requestJson('GET', '/api/day', dayViewSchema, undefined, options),
    episodes: () => requestJson('GET', '/api/episodes', episodeListResponseSchema, undefined, options),
    episode: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}`, episodeDetailSchema, undefined, options),
    planPush: (episodeId: string, push: PlanPush) => requestJson('POST', `/api/episodes/${id(episodeId)}/plan/push`, planPushResultSchema, push, options),
    planRevisions: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/plan/revisions?limit=50`, planHistoryResponseSchema, undefined, options),
    auditTrail: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/audit?limit=50`, auditTrailResponseSchema, undefined, options),
    episodeConferences: (episodeId: string) =>
      requestJson('GET', `/api/episodes/${id(episodeId)}/conferences`, conferenceListResponseSchema, undefined, options),

    recordDischarge: (episodeId: string, request: RecordDischargeRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/discharge`, dischargeResponseSchema, request, options),
    visits: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/visits`, visitListResponseSchema, undefined, options),
    recordVisit: (episodeId: string, request: RecordVisitRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/visits`, visitResponseSchema, request, options),
    tobs: (episodeId: string) => requestJson('GET', `/api/episodes/${id(episodeId)}/tobs`, tobsObservationListResponseSchema, undefined, options),
    recordTobs: (episodeId: string, request: RecordTobsRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/tobs`, tobsObservationResponseSchema, request, options),

    scheduleConference: (episodeId: string, request: ScheduleConferenceRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/conferences`, scheduleConferenceResponseSchema, request, options),
    invite: (conferenceId: string, request: InviteRequest) =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/participants`, inviteResponseSchema, request, options),
    setLobbyState: (conferenceId: string, participantId: string, state: 'admitted' | 'removed' | 'waiting') =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/participants/${id(participantId)}/lobby`, participantResponseSchema, { state }, options),
    endConference: (conferenceId: string) => requestJson('POST', `/api/conferences/${id(conferenceId)}/end`, conferenceResponseSchema, {}, options),
    rescheduleConference: (conferenceId: string, request: RescheduleConferenceRequest) =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/reschedule`, scheduleConferenceResponseSchema, request, options),
    messages: (conferenceId: string) => requestJson('GET', `/api/conferences/${id(conferenceId)}/messages`, messageListResponseSchema, undefined, options),
    sendAgain: (conferenceId: string, participantId: string, request: ResendMessageRequest) =>
      requestJson('POST', `/api/conferences/${id(conferenceId)}/participants/${id(participantId)}/messages`, resendMessageResponseSchema, request, options),

    /** By name; of one sector, or all. */
    organisations: (sector?: OrganisationView['sector']) =>
      requestJson('GET', `/api/organisations${sector === undefined ? '' : `?sector=${id(sector)}`}`, organisationListResponseSchema, undefined, options),
    // The CPR number goes in the body: never in a URL.
    lookupPatient: (cpr: string) => requestJson('POST', '/api/patients/lookup', patientLookupResponseSchema, { cpr }, options),
    admit: (request: AdmitEpisodeRequest) => requestJson('POST', '/api/episodes', admitEpisodeResponseSchema, request, options),
    recordScreening: (episodeId: string, request: RecordScreeningRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/screenings`, screeningResponseSchema, request, options),
    recordConsent: (episodeId: string, request: RecordConsentRequest) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/consents`, consentResponseSchema, request, options),
    withdrawConsent: (episodeId: string, consentId: string) =>
      requestJson('POST', `/api/episodes/${id(episodeId)}/consents/${id(consentId)}/withdraw`, consentResponseSchema, {}, options),
    setRepresentation: (episodeId: string, relativeId: string, request: SetRepresentationRequest) =>
      requestJson('PUT', `/api/episodes/${id(episodeId)}/relatives/${id(relativeId)}/representation`, relativeViewSchema, request, options),

    indicators: (query: IndicatorsQuery) => requestJson('GET', `/api/indicators?${indicatorSearch(query)}`, indicatorsResponseSchema, undefined, options),
    // The CPR number goes in the body: never in a URL.
    acuteLookup: (cpr: string) => requestJson('POST', '/api/acute-assessments/lookup', acuteLookupResponseSchema, { cpr }, options),
    requestAcute: (cpr: string, reason: string) => requestJson('POST', '/api/acute-assessments', acuteAssessmentResponseSchema, { cpr, reason }, options),
    acuteQueue: () => requestJson('GET', '/api/acute-assessments', acuteQueueResponseSchema, undefined, options),
    acuteAssessment: (acuteAssessmentId: string) => requestJson('GET', `/api/acute-assessments/${id(acuteAssessmentId)}`, acuteAssessmentResponseSchema, undefined, options),
    takeAcute: (acuteAssessmentId: string) => requestJson('POST', `/api/acute-assessments/${id(acuteAssessmentId)}/take`, acuteAssessmentResponseSchema, {}, options),
    acuteTobs: (acuteAssessmentId: string, measurement: TobsMeasurement) =>
      requestJson('POST', `/api/acute-assessments/${id(acuteAssessmentId)}/tobs`, acuteAssessmentResponseSchema, measurement, options),
    pullIntoAcute: (acuteAssessmentId: string, who: AcutePullIn) =>
      requestJson('POST', `/api/acute-assessments/${id(acuteAssessmentId)}/pull-in`, acuteAssessmentResponseSchema, { who }, options),
    decideAcute: (acuteAssessmentId: string, decision: AcuteDecisionRequest) =>
      requestJson('POST', `/api/acute-assessments/${id(acuteAssessmentId)}/decision`, acuteAssessmentResponseSchema, decision, options),
    acuteBeds: () => requestJson('GET', '/api/acute-beds', acuteBedsOverviewSchema, undefined, options),
    createAcuteOffer: (input: AcuteOfferInput) => requestJson('POST', '/api/acute-beds/offers', acuteOfferSavedResponseSchema, input, options),
    updateAcuteOffer: (offerId: string, input: AcuteOfferInput) => requestJson('PUT', `/api/acute-beds/offers/${id(offerId)}`, acuteOfferSavedResponseSchema, input, options),
    reserveAcuteBed: (offerId: string) => requestJson('POST', `/api/acute-beds/offers/${id(offerId)}/reservations`, acuteReservationResponseSchema, {}, options),
    confirmAcuteBed: (reservationId: string) =>
      requestJson('POST', `/api/acute-beds/reservations/${id(reservationId)}/confirm`, acuteReservationResponseSchema, {}, options),
    releaseAcuteBed: (reservationId: string, request: AcuteReleaseRequest) =>
      requestJson('POST', `/api/acute-beds/reservations/${id(reservationId)}/release`, acuteReservationResponseSchema, request, options),
    adviceQueue: () => requestJson('GET', '/api/advice-requests', adviceQueueResponseSchema, undefined, options),
    takeAdvice: (adviceRequestId: string) => requestJson('POST', `/api/advice-requests/${id(adviceRequestId)}/take`, adviceRequestResponseSchema, {}, options),
    callBack: (adviceRequestId: string) => requestJson('POST', `/api/advice-requests/${id(adviceRequestId)}/call-back`, callBackResponseSchema, {}, options),
    saveIsbarDraft: (adviceRequestId: string, note: Partial<Isbar>) =>
      requestJson('PUT', `/api/advice-requests/${id(adviceRequestId)}/isbar`, adviceRequestResponseSchema, note, options),
    answerAdvice: (adviceRequestId: string, answer: AnswerAdviceRequest) =>
      requestJson('POST', `/api/advice-requests/${id(adviceRequestId)}/answer`, adviceRequestResponseSchema, answer, options),

    staff: () => requestJson('GET', '/api/admin/staff', staffListResponseSchema, undefined, options),
    createStaff: (request: CreateStaffRequest) => requestJson('POST', '/api/admin/staff', staffMemberResponseSchema, request, options),
    updateStaff: (staffId: string, request: UpdateStaffRequest) => requestJson('PUT', `/api/admin/staff/${id(staffId)}`, staffMemberResponseSchema, request, options),
    deactivateStaff: (staffId: string) => requestJson('POST', `/api/admin/staff/${id(staffId)}/deactivate`, staffMemberResponseSchema, {}, options),
    issuePasswordLink: (staffId: string) => requestJson('POST', `/api/admin/staff/${id(staffId)}/password-links`, issuedPasswordLinkSchema, {}, options),
    revokePasswordLink: (linkId: string) => requestVoid('POST', `/api/admin/password-links/${id(linkId)}/revoke`, options),
    systemClients: () => requestJson('GET', '/api/admin/system-clients', systemClientListResponseSchema, undefined, options),
    createSystemClient: (request: CreateSystemClientRequest) => requestJson('POST', '/api/admin/system-clients', createdSystemClientSchema, request, options),
    deactivateSystemClient: (systemClientId: string) =>
      requestJson('POST', `/api/admin/system-clients/${id(systemClientId)}/deactivate`, systemClientResponseSchema, {}, options),
    acuteService: () => requestJson('GET', '/api/admin/acute-service', acuteServiceSettingSchema, undefined, options),
    setAcuteService: (setting: AcuteServiceSetting) => requestJson('PUT', '/api/admin/acute-service', acuteServiceSettingSchema, setting, options),

    passwordLink: (linkToken: string) => requestJson('GET', `/api/password-links/${id(linkToken)}`, passwordLinkStateSchema, undefined, options),
    setPassword: (linkToken: string, request: SetPasswordRequest) => requestVoid('POST', `/api/password-links/${id(linkToken)}`, options, request),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The page's API; tests make their own with createApi({ fetch }). */
export const api: Api = createApi();
