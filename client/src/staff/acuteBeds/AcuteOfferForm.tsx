/** A municipality's own acute offer: new, or its beds and competences changed (its staff only; the server decides). */
import { ACUTE_COMPETENCES, type AcuteCompetence, type AcuteOfferView, MAX_ACUTE_BEDS } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { useAction } from '../../app/useSubmit.ts';

export function AcuteOfferForm({ offer, onSaved }: { offer?: AcuteOfferView; onSaved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(offer?.name ?? '');
  const [beds, setBeds] = useState(String(offer?.bedsTotal ?? 1));
  const [competences, setCompetences] = useState<ReadonlySet<AcuteCompetence>>(new Set(offer?.competences ?? []));
  const [other, setOther] = useState(offer?.otherCompetences ?? '');
  const { busy, error, act } = useAction(() => {
    setOpen(false);
    onSaved();
  });
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {offer ? t('acuteBeds.edit') : t('acuteBeds.add')}
      </button>
    );
  }
  const toggle = (code: AcuteCompetence) => {
    const next = new Set(competences);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setCompetences(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The shared list's order, so a saved offer reads the same everywhere.
    const input = { name, bedsTotal: Number(beds), competences: ACUTE_COMPETENCES.filter((code) => competences.has(code)), otherCompetences: other.trim() };
    void act(() => (offer ? api.updateAcuteOffer(offer.id, input) : api.createAcuteOffer(input)));
  };
  return (
    <form className="acute-offer-form" onSubmit={submit}>
      <label>
        {t('acuteBeds.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
      </label>
      <label>
        {t('acuteBeds.beds')}
        <input type="number" min={0} max={MAX_ACUTE_BEDS} value={beds} onChange={(event) => setBeds(event.target.value)} required />
      </label>
      <fieldset>
        <legend>{t('acuteBeds.competences')}</legend>
        {ACUTE_COMPETENCES.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={competences.has(code)} onChange={() => toggle(code)} />
            {t(`acuteBeds.competence.${code}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('acuteBeds.otherCompetences')}
        <textarea value={other} onChange={(event) => setOther(event.target.value)} maxLength={1000} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t('acuteBeds.save')}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t('acuteBeds.close')}
      </button>
    </form>
  );
}
