/** What a consumer has received so far. Frames and energy only grow while media flows; the width is the latest picture's. */
export type InboundMedia = { framesDecoded: number; totalAudioEnergy: number; frameWidth: number };

type StatsEntry = { type?: string; kind?: string; framesDecoded?: number; totalAudioEnergy?: number; frameWidth?: number };

export function inboundMedia(report: { forEach(callback: (entry: StatsEntry) => void): void }): InboundMedia {
  const media: InboundMedia = { framesDecoded: 0, totalAudioEnergy: 0, frameWidth: 0 };
  report.forEach((entry) => {
    if (entry.type !== 'inbound-rtp') return;
    if (entry.kind === 'video') {
      media.framesDecoded += entry.framesDecoded ?? 0;
      media.frameWidth = Math.max(media.frameWidth, entry.frameWidth ?? 0);
    }
    if (entry.kind === 'audio') media.totalAudioEnergy += entry.totalAudioEnergy ?? 0;
  });
  return media;
}
