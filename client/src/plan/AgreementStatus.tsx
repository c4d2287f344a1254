import type { AgreementStatusView } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { partyName } from './partyName.ts';

/** Whether everyone present agreed, in words with a symbol; colour only repeats it. Each relative is named: she agrees for herself. */
export function AgreementStatus({ agreement }: { agreement: AgreementStatusView }) {
  const { t } = useTranslation();
  const revision = agreement.agreedRevision ?? 0;
  const symbol = agreement.state === 'agreed' ? '✓' : agreement.state === 'changed_since_agreement' ? '!' : '…';
  return (
    <div className={`agreement agreement-${agreement.state}`} role="status">
      <p className="agreement-state">
        <span aria-hidden="true">{symbol} </span>
        {t(`agreement.${agreement.state}`, { revision })}
      </p>
      {agreement.awaiting.length > 0 && (
        <p className="agreement-awaiting">{t('agreement.awaiting', { parties: agreement.awaiting.map((party) => partyName(t, party, agreement.relatives)).join(', ') })}</p>
      )}
    </div>
  );
}
