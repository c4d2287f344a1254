import type { ConsentView } from '@samplan/shared';

export const consentSelect = {
  id: true,
  scope: true,
  episodeId: true,
  recordedAt: true,
  recordedBy: { select: { id: true, name: true } },
  withdrawnAt: true,
  withdrawnBy: { select: { id: true, name: true } },
} as const;

export function consentView(row: {
  id: string;
  scope: ConsentView['scope'];
  episodeId: string | null;
  recordedAt: Date;
  recordedBy: { id: string; name: string };
  withdrawnAt: Date | null;
  withdrawnBy: { id: string; name: string } | null;
}): ConsentView {
  return {
    id: row.id,
    scope: row.scope,
    episodeId: row.episodeId,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: row.withdrawnBy,
  };
}
