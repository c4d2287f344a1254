import { describe, expect, it } from 'vitest';
import { hasLiveConsent } from './consent.ts';

describe('hasLiveConsent', () => {
  const video = 'video_participation';
  it.each([
    ['given for this episode', [{ scope: video, episodeId: 'e1', withdrawnAt: null }], true],
    ['given until withdrawn', [{ scope: video, episodeId: null, withdrawnAt: null }], true],
    ['withdrawn', [{ scope: video, episodeId: 'e1', withdrawnAt: '2026-03-10T12:00:00.000Z' }], false],
    ['given for another episode', [{ scope: video, episodeId: 'e2', withdrawnAt: null }], false],
    ['another scope', [{ scope: 'share_across_sectors', episodeId: 'e1', withdrawnAt: null }], false],
    ['withdrawn, then given again', [{ scope: video, episodeId: 'e1', withdrawnAt: new Date() }, { scope: video, episodeId: 'e1', withdrawnAt: null }], true],
    ['none', [], false],
  ])('%s → %s', (_, consents, expected) => {
    expect(hasLiveConsent(consents, video, 'e1')).toBe(expected);
  });
});
