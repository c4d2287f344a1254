import { SamplanError } from '@samplan/shared';
import type { Db } from '../../store/database.ts';

/** The episode's plan, made on its first write; two servers making it at once both end up with the one that won. */
export async function ensurePlan(db: Db, episodeId: string): Promise<string> {
  const existing = await db.carePlan.findUnique({ where: { episodeId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    return (await db.carePlan.create({ data: { episodeId }, select: { id: true } })).id;
  } catch (error) {
    if (!(error instanceof SamplanError && error.code === 'CONFLICT')) throw error;
    return (await db.carePlan.findUniqueOrThrow({ where: { episodeId }, select: { id: true } })).id;
  }
}
