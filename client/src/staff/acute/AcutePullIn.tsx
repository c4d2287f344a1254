/**
 * One click each in the acute call: the hospital's visitation and the
 * municipal visitation nurse join the episode's care team and the call (the
 * server picks who; record/acute/pullIntoAcuteCall.ts).
 */
import { ACUTE_PULL_INS, type AcutePullIn as Whom } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { useSubmit } from '../../app/useSubmit.ts';

export function AcutePullIn({ acuteAssessmentId, onPulledIn }: { acuteAssessmentId: string; onPulledIn(): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmit();
  const [pulled, setPulled] = useState<ReadonlySet<Whom>>(new Set());

  const pull = (who: Whom) =>
    run(async () => {
      await api.pullIntoAcute(acuteAssessmentId, who);
      setPulled((before) => new Set([...before, who]));
      onPulledIn();
    });

  return (
    <section aria-labelledby="acute-pull-in">
      <h2 id="acute-pull-in">{t('acute.pullInHeading')}</h2>
      {ACUTE_PULL_INS.map((who) =>
        pulled.has(who) ? (
          <p key={who} role="status">
            {t(`acute.pullIn.${who}`)}: {t('acute.pulledIn')}
          </p>
        ) : (
          <button key={who} type="button" className="button" disabled={busy} onClick={() => void pull(who)}>
            {t(`acute.pullIn.${who}`)}
          </button>
        ),
      )}
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
