import { SamplanError } from '@samplan/shared';
import type { DbClient } from './database.ts';
import type { Prisma } from './generated/client.ts';
import { UniqueConflictError } from './uniqueConflict.ts';

export interface AppendRevisionInput {
  planId: string;
  /** The number of the revision the change was made on; null for a plan's first revision. */
  parentNumber: number | null;
  document: Prisma.InputJsonValue;
  operations: Prisma.InputJsonValue;
  author: { staffId: string } | { participantId: string };
  conferenceId?: string | null;
  /** The revision's time when the document already carries it (comment times, doneAt); now by default. */
  createdAt?: Date;
}

/**
 * Appends revision parentNumber + 1. If another writer appended on the same
 * parent first, the unique (planId, number) refuses this one with CONFLICT:
 * the caller rebases on the newer revision and tries again; nothing is
 * silently overwritten and the history never forks.
 */
export async function appendPlanRevision(db: DbClient, input: AppendRevisionInput) {
  const number = (input.parentNumber ?? 0) + 1;
  let parentId: string | null = null;
  if (input.parentNumber !== null) {
    const parent = await db.planRevision.findUnique({
      where: { planId_number: { planId: input.planId, number: input.parentNumber } },
      select: { id: true },
    });
    if (parent === null) throw new SamplanError('NOT_FOUND', `The plan has no revision ${input.parentNumber} to build on.`);
    parentId = parent.id;
  }
  try {
    return await db.planRevision.create({
      data: {
        planId: input.planId,
        number,
        parentId,
        document: input.document,
        operations: input.operations,
        authorStaffId: 'staffId' in input.author ? input.author.staffId : null,
        authorParticipantId: 'participantId' in input.author ? input.author.participantId : null,
        conferenceId: input.conferenceId ?? null,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      },
    });
  } catch (error) {
    if (error instanceof UniqueConflictError) {
      throw new SamplanError('CONFLICT', `Revision ${number} of the plan exists already: apply the change on top of it.`);
    }
    throw error;
  }
}

/** The plan's newest revision, or null before the first. */
export function latestPlanRevision(db: DbClient, planId: string) {
  return db.planRevision.findFirst({ where: { planId }, orderBy: { number: 'desc' } });
}
