import type { AcuteDecisionForPlan, ActingRepresentation, AgreementParty, AgreementStatusView, Editor, PlanRevision } from '@samplan/shared';

/**
 * What the record has done that other parts of the server must follow:
 * published by use cases after their transaction commits, subscribed to
 * where the app is wired (app.ts). A use case never reaches into media or
 * signalling itself, so every caller of it gets the same consequences.
 */
export type DomainEvent =
  /** The conference ended or was cancelled: its call closes for everyone. */
  | { type: 'conference.closed'; conferenceId: string }
  /**
   * Someone may no longer be in the call: removed by the host, link revoked,
   * or sent back to the lobby. Their connections leave the call at once.
   */
  | { type: 'participant.excluded'; conferenceId: string; participantId: string; reason: ExclusionReason }
  /** A patient was admitted (from a screen or from the hospital's systems): day views of the care team change. */
  | { type: 'episode.admitted'; episodeId: string; patientId: string }
  /** A discharge was recorded: the 24 h, 8-day and 7-day clocks start; the care team's day views change. */
  | { type: 'episode.discharged'; episodeId: string; patientId: string; dischargedAt: Date }
  /**
   * A visit or check after discharge was recorded. `recordedByStaffId` is who
   * recorded it, so a consequence in the plan (closing the matching task) is
   * authored by them.
   */
  | { type: 'visit.recorded'; episodeId: string; visitId: string; kind: VisitKindName; performedAt: Date; recordedByStaffId: string }
  /** An advice request was made, taken or answered: the geriatric team's and the care team's day views change. */
  | { type: 'advice.changed'; episodeId: string; adviceRequestId: string }
  /**
   * A conference was scheduled, someone invited, a guest arrived in its lobby,
   * was let in, sent back or removed, or it ended: its lobby, the day views
   * and the episode page of those who may see the episode change.
   */
  | { type: 'conference.changed'; conferenceId: string; episodeId: string; change: ConferenceChange }
  /**
   * The geriatric team calls back by video the guest who asked from her link
   * (`guestParticipantId`): her open advice page rings. `conferenceId` is the
   * advice call made for it, where a participant row stands for her.
   */
  | { type: 'advice.calledBack'; episodeId: string; adviceRequestId: string; conferenceId: string; guestParticipantId: string }
  /**
   * An acute assessment was asked for, taken, measured (TOBS in the call) or
   * decided: the acute team's queue, the doctor's screen and the call's page
   * read again. `conferenceId` once the call exists.
   */
  | { type: 'acute.changed'; episodeId: string; acuteAssessmentId: string; conferenceId?: string }
  /**
   * The doctor decided: the episode it started or updated gets the decision in
   * its plan (plan/acuteDecisionTasks.ts), authored by the doctor.
   */
  | { type: 'acute.decided'; episodeId: string; acuteAssessmentId: string; decidedByStaffId: string; plan: AcuteDecisionForPlan }
  /** E-mails or text messages were put in the outbox: this node's delivery worker looks now rather than at its next poll. */
  | { type: 'messages.queued'; conferenceId: string }
  /**
   * A revision of an episode's plan was committed (a push, or a consequence of
   * a discharge or a visit): those with the plan open get it, and the screens
   * of those who may see the episode read again. `origin` is the connection
   * that made it: it has its answer, so it is skipped.
   */
  | { type: 'plan.revised'; episodeId: string; conferenceId: string | null; revision: PlanRevision; origin: string | undefined }
  /** A party agreed to the plan in a conference: those with its plan open there see where agreement stands now. */
  | {
      type: 'plan.agreementGiven';
      episodeId: string;
      conferenceId: string;
      party: AgreementParty;
      revision: number;
      onBehalfAs: ActingRepresentation | null;
      by: Editor;
      agreement: AgreementStatusView;
      origin: string | undefined;
    }
  /** A push to the plan ended, also when it was refused or failed: the operators' figures (operations/metrics.ts). */
  | { type: 'plan.pushed'; outcome: PlanPushOutcome; rebased: boolean }
  /**
   * Someone entered or left a conference's call (record/conferences/callPresence.ts):
   * who is present to agree to the plan may have changed.
   */
  | { type: 'presence.changed'; conferenceId: string }
  /** A municipality's acute beds changed (reserved, confirmed, released, expired, offers edited): the overview on every screen reads again. */
  | { type: 'acuteBeds.changed'; municipalityId: string };

/**
 * How a push ended: committed (a new revision), unchanged (nothing applied),
 * conflict (answered CONFLICT: too far behind or too contended), failed
 * (refused or broken). `rebased` on the event: it was integrated on top of
 * revisions its sender had not seen.
 */
export type PlanPushOutcome = 'committed' | 'unchanged' | 'conflict' | 'failed';

/** The stored visit kinds (prisma VisitKind). */
export type VisitKindName = 'reception_visit' | 'follow_up_home_visit' | 'day_after_check';

export type ExclusionReason = 'removed' | 'lobby';
export type ConferenceChange = 'scheduled' | 'invited' | 'guest_arrived' | 'admitted' | 'back_to_lobby' | 'removed' | 'ended' | 'cancelled';
export type DomainEventType = DomainEvent['type'];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

export interface DomainEventPublisher {
  /** Resolves when every listener has run, so a route answers after the call it closed is closed. */
  publish(event: DomainEvent): Promise<void>;
}

type Listener<T extends DomainEventType> = (event: DomainEventOf<T>) => void | Promise<void>;
type ErrorSink = (error: unknown, event: DomainEvent) => void;

/**
 * In-process. A failing listener is reported, never thrown back into the use
 * case: its transaction has committed and the record is right; the other
 * listeners still run.
 */
export class DomainEvents implements DomainEventPublisher {
  readonly #listeners = new Map<DomainEventType, Array<Listener<never>>>();
  readonly #onError: ErrorSink;

  constructor(onError: ErrorSink) {
    this.#onError = onError;
  }

  subscribe<T extends DomainEventType>(type: T, listener: Listener<T>): void {
    const listeners = this.#listeners.get(type) ?? [];
    listeners.push(listener as unknown as Listener<never>);
    this.#listeners.set(type, listeners);
  }

  async publish(event: DomainEvent): Promise<void> {
    const listeners = this.#listeners.get(event.type) ?? [];
    await Promise.all(
      listeners.map(async (listener) => {
        try {
          await listener(event as never);
        } catch (error) {
          this.#onError(error, event);
        }
      }),
    );
  }
}
