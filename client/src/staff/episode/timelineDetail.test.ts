import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { addWords, resources } from '../../i18n/resources.ts';
import { staffWords } from '../../i18n/staffWords.ts';
import { timelineDetail } from './timelineDetail.ts';

async function danish() {
  const i18n = createInstance();
  await i18n.init({ resources, lng: 'da', interpolation: { escapeValue: false }, showSupportNotice: false });
  addWords(staffWords, i18n);
  return i18n.t;
}

const at = '2026-11-24T09:00:00.000Z';

describe('timeline details', () => {
  it('translate conference kinds and states, consent scopes and revision numbers', async () => {
    const t = await danish();
    expect(timelineDetail(t, { at, kind: 'conference', refId: null, detail: 'discharge_conference ended' })).toBe('Udskrivelseskonference, Afsluttet');
    expect(timelineDetail(t, { at, kind: 'consent_recorded', refId: null, detail: 'video_participation' })).toBe('Deltagelse på video');
    expect(timelineDetail(t, { at, kind: 'plan_revision', refId: null, detail: '3' })).toBe('Udgave 3');
    expect(timelineDetail(t, { at, kind: 'plan_revision', refId: null, detail: 'revision 2' })).toBe('Udgave 2');
  });

  it('translate visit kinds and modes and the TOBS score', async () => {
    const t = await danish();
    expect(timelineDetail(t, { at, kind: 'visit', refId: null, detail: 'reception_visit phone' })).toBe('Modtagebesøg, Telefon');
    expect(timelineDetail(t, { at, kind: 'tobs', refId: null, detail: 'score 4' })).toBe('TOBS-score 4 af 15');
  });

  it('show an unknown detail as it came', async () => {
    const t = await danish();
    expect(timelineDetail(t, { at, kind: 'advice_requested', refId: null, detail: 'video' })).toBe('video');
  });
});
