import { adviceWindowAt, adviceWindowCloses, type AdviceRequestView } from '@samplan/shared';
import type { Prisma } from '../../store/generated/client.ts';
import { patientRef } from '../views.ts';

export const adviceSelect = {
  id: true,
  episodeId: true,
  requestedBy: true,
  requesterName: true,
  requesterContact: true,
  channel: true,
  urgency: true,
  question: true,
  createdAt: true,
  takenBy: { select: { id: true, name: true } },
  takenAt: true,
  answeredAt: true,
  answerChannel: true,
  adviceConferenceId: true,
  isbarIdentify: true,
  isbarSituation: true,
  isbarBackground: true,
  isbarAssessment: true,
  isbarRecommendation: true,
  episode: { select: { dischargedAt: true, patient: { select: { id: true, name: true, cprNumber: true } } } },
} as const;

export type AdviceRow = Prisma.AdviceRequestGetPayload<{ select: typeof adviceSelect }>;

const URGENCY_ORDER = { acute: 0, urgent: 1, routine: 2 } as const;

/** The queue's order: acute first, then the longest waiting. */
export function queueOrder(a: AdviceRow, b: AdviceRow): number {
  return URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || a.createdAt.getTime() - b.createdAt.getTime();
}

export function adviceView(row: AdviceRow, now: Date, forGuest: boolean): AdviceRequestView {
  const { dischargedAt } = row.episode;
  const window = adviceWindowAt(dischargedAt, now);
  const note = {
    identify: row.isbarIdentify,
    situation: row.isbarSituation,
    background: row.isbarBackground,
    assessment: row.isbarAssessment,
    recommendation: row.isbarRecommendation,
  };
  const written = Object.fromEntries(Object.entries(note).filter(([, value]) => value !== null)) as AdviceRequestView['isbar'] & object;
  // A draft note is the geriatrician's working text; the patient sees the advice once it is given.
  const showNote = Object.keys(written).length > 0 && (!forGuest || row.answeredAt !== null);
  return {
    id: row.id,
    episodeId: row.episodeId,
    patient: patientRef(row.episode.patient),
    state: row.answeredAt !== null ? 'answered' : row.takenAt !== null ? 'taken' : 'open',
    requestedBy: row.requestedBy,
    requesterName: row.requesterName,
    requesterContact: row.requesterContact,
    channel: row.channel,
    urgency: row.urgency,
    question: row.question,
    createdAt: row.createdAt.toISOString(),
    windowClosesAt: dischargedAt === null ? null : adviceWindowCloses(dischargedAt).toISOString(),
    msLeft: window.state === 'open' ? window.msLeft : window.state === 'closed' ? 0 : null,
    takenBy: row.takenBy,
    takenAt: row.takenAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answerChannel: row.answerChannel,
    adviceConferenceId: row.adviceConferenceId,
    isbar: showNote ? written : null,
  };
}
