/**
 * The municipalities' acute beds, one shared overview for hospital
 * visitation, GPs, out-of-hours doctors and the municipal teams: free,
 * reserved and occupied beds per offer and what each acute team can do.
 * It holds no patient data. Every change anywhere (a reservation, a
 * confirmation, a release, an offer edited) reaches every open overview as
 * an `acuteBeds:changed` notice, and the page reads again.
 */
import type { AcuteBedHold, AcuteMunicipalityView, AcuteOfferView } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { useAction } from '../../app/useSubmit.ts';
import { AcuteOfferForm } from './AcuteOfferForm.tsx';

export function AcuteBedsPage() {
  const { t } = useTranslation();
  const overview = useLoad(() => api.acuteBeds(), 'acute-beds');
  useNotice('acuteBeds:changed', overview.reload, overview.reload);
  if (overview.status !== 'ok') return <LoadStatus loaded={overview} onRetry={overview.reload} />;
  const { municipalities, mayReserve, reservationMinutes } = overview.data;
  return (
    <div className="staff-page acute-beds">
      <h1>{t('acuteBeds.heading')}</h1>
      <p>{t('acuteBeds.intro')}</p>
      {mayReserve && <p>{t('acuteBeds.reservationMinutes', { minutes: reservationMinutes })}</p>}
      {municipalities.length === 0 && <p>{t('acuteBeds.empty')}</p>}
      {municipalities.map((municipality) => (
        <Municipality key={municipality.id} municipality={municipality} mayReserve={mayReserve} onChanged={overview.reload} />
      ))}
    </div>
  );
}

function Municipality({ municipality, mayReserve, onChanged }: { municipality: AcuteMunicipalityView; mayReserve: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const headingId = `acute-municipality-${municipality.id}`;
  return (
    <section className="card acute-municipality" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {municipality.name} {municipality.own && <span className="tag">{t('acuteBeds.own')}</span>}
      </h2>
      <p>{t('acuteBeds.summary', { free: municipality.free, total: municipality.bedsTotal, reserved: municipality.reserved, occupied: municipality.occupied })}</p>
      {municipality.offers.map((offer) => (
        <Offer key={offer.id} offer={offer} own={municipality.own} mayReserve={mayReserve} onChanged={onChanged} />
      ))}
      {municipality.own && <AcuteOfferForm onSaved={onChanged} />}
    </section>
  );
}

function Offer({ offer, own, mayReserve, onChanged }: { offer: AcuteOfferView; own: boolean; mayReserve: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { busy, error, act } = useAction(onChanged);
  const headingId = `acute-offer-${offer.id}`;
  return (
    <article className="acute-offer" aria-labelledby={headingId}>
      <h3 id={headingId}>{offer.name}</h3>
      <dl className="acute-counts">
        <div>
          <dt>{t('acuteBeds.freeHeading')}</dt>
          <dd data-testid="acute-free">{offer.free}</dd>
        </div>
        <div>
          <dt>{t('acuteBeds.reserved')}</dt>
          <dd>{offer.reserved}</dd>
        </div>
        <div>
          <dt>{t('acuteBeds.occupied')}</dt>
          <dd>{offer.occupied}</dd>
        </div>
        <div>
          <dt>{t('acuteBeds.total')}</dt>
          <dd>{offer.bedsTotal}</dd>
        </div>
      </dl>
      <p>
        <strong>{t('acuteBeds.competences')}:</strong> {offer.competences.map((code) => t(`acuteBeds.competence.${code}`)).join(', ')}
        {offer.otherCompetences !== '' && ` – ${offer.otherCompetences}`}
      </p>
      {offer.holds.length > 0 && (
        <ul className="acute-holds">
          {offer.holds.map((hold) => (
            <Hold key={hold.reservationId} hold={hold} busy={busy} act={act} />
          ))}
        </ul>
      )}
      {mayReserve && offer.free > 0 && (
        <button type="button" className="button primary" disabled={busy} onClick={() => void act(() => api.reserveAcuteBed(offer.id))}>
          {t('acuteBeds.reserve')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {own && <AcuteOfferForm offer={offer} onSaved={onChanged} />}
    </article>
  );
}

function Hold({ hold, busy, act }: { hold: AcuteBedHold; busy: boolean; act(change: () => Promise<unknown>): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const text =
    hold.status === 'reserved'
      ? t('acuteBeds.reservedBy', { name: hold.reservedByName, until: formatTime(hold.expiresAt, i18n.language) })
      : t('acuteBeds.occupiedSince', { since: formatTime(hold.confirmedAt ?? hold.reservedAt, i18n.language) });
  return (
    <li>
      {text} {hold.mine && t('acuteBeds.mine')}{' '}
      {hold.mayConfirm && (
        <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.confirmAcuteBed(hold.reservationId))}>
          {t('acuteBeds.confirm')}
        </button>
      )}
      {hold.mayRelease && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act(() => api.releaseAcuteBed(hold.reservationId, { reason: hold.status === 'confirmed' ? 'left' : 'cancelled' }))}
        >
          {hold.status === 'confirmed' ? t('acuteBeds.left') : t('acuteBeds.cancel')}
        </button>
      )}
    </li>
  );
}
