/**
 * What an audit row's stable verb and resource mean, in plain Danish and
 * English: one vocabulary for the staff's trail and the patient's "who has
 * looked at my record". The server stores verbs (`read`, `agree`, …) and
 * model names (`CarePlan`); people read "read the plan". A verb or resource
 * this table does not know yet is still shown, in the stored words, so
 * nothing in the trail goes missing when a new use case adds one.
 */

export type AuditLanguage = 'da' | 'en';
type Words = Readonly<Record<AuditLanguage, string>>;

/** Whole acts, where verb and resource read best together. */
const ACTS: Readonly<Record<string, Words>> = {
  'read CarePlan': { da: 'læste planen', en: 'read the plan' },
  'read PlanRevision': { da: 'læste planens ændringer', en: "read the plan's changes" },
  'update PlanRevision': { da: 'ændrede planen', en: 'changed the plan' },
  'read Agreement': { da: 'så, om planen er aftalt', en: 'checked whether the plan is agreed' },
  'agree Agreement': { da: 'sagde ja til planen', en: 'agreed to the plan' },
  'agree-on-behalf Agreement': { da: 'sagde ja til planen på patientens vegne', en: "agreed to the plan on the patient's behalf" },
  'read Episode': { da: 'læste forløbet', en: 'read the episode' },
  'read day view Episode': { da: 'så patienten på sin dagsoversigt', en: 'saw the patient on their day view' },
  'create Episode': { da: 'registrerede indlæggelsen', en: 'recorded the admission' },
  'discharge Episode': { da: 'registrerede udskrivelsen', en: 'recorded the discharge' },
  'export Episode': { da: 'hentede forløbet til et andet system', en: 'fetched the episode into another system' },
  'create Patient': { da: 'oprettede patienten', en: 'registered the patient' },
  'lookup Patient': { da: 'slog patienten op', en: 'looked the patient up' },
  'reveal-cpr Patient': { da: 'så det fulde CPR-nummer', en: 'saw the full CPR number' },
  'create Relative': { da: 'tilføjede en pårørende', en: 'added a relative' },
  'set-representation Relative': { da: 'registrerede værge eller fremtidsfuldmagt', en: 'recorded a guardian or power of attorney' },
  'read Conference': { da: 'læste møderne', en: 'read the meetings' },
  'create Conference': { da: 'planlagde et møde', en: 'scheduled a meeting' },
  'cancel Conference': { da: 'aflyste et møde', en: 'cancelled a meeting' },
  'end Conference': { da: 'afsluttede et møde', en: 'ended a meeting' },
  'join Conference': { da: 'deltog i et videomøde', en: 'took part in a video meeting' },
  'invite Participant': { da: 'inviterede til et møde', en: 'invited someone to a meeting' },
  'update Participant': { da: 'lukkede en deltager ind i et møde eller ud af det', en: 'let someone into a meeting or out of it' },
  'revoke Participant': { da: 'trak et mødelink tilbage', en: 'withdrew a meeting link' },
  'redeem-link Participant': { da: 'åbnede et mødelink', en: 'opened a meeting link' },
  'read AdviceRequest': { da: 'læste rådgivningen', en: 'read the advice requests' },
  'create AdviceRequest': { da: 'bad geriaterne om råd', en: 'asked the geriatric team for advice' },
  'take AdviceRequest': { da: 'tog en henvendelse om råd', en: 'took up a request for advice' },
  'answer AdviceRequest': { da: 'besvarede en henvendelse om råd', en: 'answered a request for advice' },
  'update AdviceRequest': { da: 'skrev i en henvendelse om råd', en: 'wrote in a request for advice' },
  'read Consent': { da: 'læste samtykkerne', en: 'read the consents' },
  'create Consent': { da: 'registrerede et samtykke', en: 'recorded a consent' },
  'withdraw Consent': { da: 'registrerede, at et samtykke blev trukket tilbage', en: 'recorded that a consent was withdrawn' },
  'read AuditEvent': { da: 'så, hvem der har set journalen', en: 'looked at who has seen the record' },
  'create ScreeningRecord': { da: 'registrerede screeningen', en: 'recorded the screening' },
  'read Visit': { da: 'læste besøgene', en: 'read the visits' },
  'create Visit': { da: 'registrerede et besøg', en: 'recorded a visit' },
  'read TobsObservation': { da: 'læste TOBS-målingerne', en: 'read the TOBS measurements' },
  'create TobsObservation': { da: 'registrerede en TOBS-måling', en: 'recorded a TOBS measurement' },
  'read AcuteAssessment': { da: 'læste en akut vurdering', en: 'read an acute assessment' },
  'create AcuteAssessment': { da: 'bad akutteamet om en akut vurdering', en: 'asked the acute team for an acute assessment' },
  'take AcuteAssessment': { da: 'tog en akut vurdering', en: 'took up an acute assessment' },
  'update AcuteAssessment': { da: 'skrev i en akut vurdering', en: 'wrote in an acute assessment' },
  'invite AcuteAssessment': { da: 'hentede visitationen ind i en akut vurdering', en: 'pulled the visitation into an acute assessment' },
  'decide AcuteAssessment': { da: 'traf beslutningen efter en akut vurdering', en: 'decided after an acute assessment' },
  'read AcuteBeds': { da: 'så oversigten over akutpladser', en: 'looked at the acute beds overview' },
  'create AcuteOffer': { da: 'oprettede et akuttilbud', en: 'added an acute offer' },
  'update AcuteOffer': { da: 'ændrede et akuttilbud', en: 'changed an acute offer' },
  'reserve AcuteBedReservation': { da: 'reserverede en akutplads', en: 'reserved an acute bed' },
  'confirm AcuteBedReservation': { da: 'bekræftede en akutplads', en: 'confirmed an acute bed' },
  'release AcuteBedReservation': { da: 'frigav en akutplads', en: 'released an acute bed' },
  'expire AcuteBedReservation': { da: 'frigav en akutplads, der ikke blev bekræftet i tide', en: 'released an acute bed not confirmed in time' },
  'receive Bundle': { da: 'modtog besked fra hospitalets system', en: "received a notice from the hospital's system" },
};

/** For acts not in the table: the verb and the thing, each in words where known. */
const VERBS: Readonly<Record<string, Words>> = {
  read: { da: 'læste', en: 'read' },
  create: { da: 'oprettede', en: 'created' },
  update: { da: 'ændrede', en: 'changed' },
  cancel: { da: 'aflyste', en: 'cancelled' },
  withdraw: { da: 'trak tilbage', en: 'withdrew' },
  export: { da: 'hentede', en: 'fetched' },
  send: { da: 'sendte', en: 'sent' },
};

const THINGS: Readonly<Record<string, Words>> = {
  CarePlan: { da: 'planen', en: 'the plan' },
  PlanRevision: { da: 'planen', en: 'the plan' },
  Episode: { da: 'forløbet', en: 'the episode' },
  Patient: { da: 'patientoplysningerne', en: "the patient's details" },
  Relative: { da: 'en pårørende', en: 'a relative' },
  Conference: { da: 'et møde', en: 'a meeting' },
  Participant: { da: 'en mødedeltager', en: 'a meeting participant' },
  AdviceRequest: { da: 'en henvendelse om råd', en: 'a request for advice' },
  Consent: { da: 'et samtykke', en: 'a consent' },
  Visit: { da: 'et besøg', en: 'a visit' },
  TobsObservation: { da: 'en TOBS-måling', en: 'a TOBS measurement' },
  AcuteAssessment: { da: 'en akut vurdering', en: 'an acute assessment' },
};

/** Whether the vocabulary knows this act as a whole (the rest are put together from verb and thing). */
export function isKnownAuditAct(action: string, resourceType: string): boolean {
  return Object.hasOwn(ACTS, `${action} ${resourceType}`);
}

/** "læste planen" / "read the plan"; an unknown act in the stored words, so it is never hidden. */
export function auditActInWords(action: string, resourceType: string, language: AuditLanguage): string {
  const act = ACTS[`${action} ${resourceType}`];
  if (act !== undefined) return act[language];
  const verb = VERBS[action]?.[language] ?? action;
  const thing = THINGS[resourceType]?.[language] ?? resourceType;
  return `${verb} ${thing}`;
}
