/** What a consumer has received so far; both only grow while media flows. */
export type InboundTotals = { framesDecoded: number; totalAudioEnergy: number };

type StatsEntry = { type?: string; kind?: string; framesDecoded?: number; totalAudioEnergy?: number };

export function inboundTotals(report: { forEach(callback: (entry: StatsEntry) => void): void }): InboundTotals {
  const totals: InboundTotals = { framesDecoded: 0, totalAudioEnergy: 0 };
  report.forEach((entry) => {
    if (entry.type !== 'inbound-rtp') return;
    if (entry.kind === 'video') totals.framesDecoded += entry.framesDecoded ?? 0;
    if (entry.kind === 'audio') totals.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
  });
  return totals;
}
