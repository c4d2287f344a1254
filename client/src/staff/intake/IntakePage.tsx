/**
 * "Indlæg patient": find the patient by CPR number (sent in a POST body, shown
 * masked afterwards), or create her, then admit her into my ward with the
 * municipality of residence, GP practice and relatives. The CPR number never
 * goes into the address bar; the page lives at /intake.
 */
import { type FoundPatient, type OrganisationView, parseCpr, type PatientLookupResponse, type RelativeInput, type Representation, REPRESENTATIONS } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { useStaff } from '../../app/auth.tsx';
import { formatDate, fromLocalInputValue } from '../../app/format.ts';
import { Link } from '../../app/Link.tsx';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { navigate, pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';

type Organisations = { municipalities: OrganisationView[]; gpPractices: OrganisationView[] };

async function loadOrganisations(): Promise<Organisations> {
  const [municipalities, gpPractices] = await Promise.all([api.organisations('municipality'), api.organisations('general_practice')]);
  return { municipalities: municipalities.organisations, gpPractices: gpPractices.organisations };
}

export function IntakePage() {
  const { t } = useTranslation();
  const organisations = useLoad(loadOrganisations, 'organisations');
  const [lookup, setLookup] = useState<{ cpr: string; answer: PatientLookupResponse } | null>(null);
  return (
    <div className="staff-page intake">
      <h1>{t('intake.heading')}</h1>
      <CprLookup onFound={setLookup} />
      {lookup !== null &&
        (organisations.status !== 'ok' ? (
          <LoadStatus loaded={organisations} onRetry={organisations.reload} />
        ) : (
          <AdmitForm key={`${lookup.cpr}-${String(lookup.answer.found)}`} cpr={lookup.cpr} answer={lookup.answer} organisations={organisations.data} />
        ))}
    </div>
  );
}

function CprLookup({ onFound }: { onFound(lookup: { cpr: string; answer: PatientLookupResponse } | null): void }) {
  const { t, i18n } = useTranslation();
  const [cpr, setCpr] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseCpr(cpr);
    if (!parsed.ok) {
      setError(t(`intake.cprError.${parsed.code}`));
      onFound(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onFound({ cpr: parsed.cpr.value, answer: await api.lookupPatient(parsed.cpr.value) });
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="intake-lookup">
      <h2 id="intake-lookup">{t('intake.lookupHeading')}</h2>
      <div className="field">
        <label htmlFor="intake-cpr">{t('intake.cpr')}</label>
        <input
          id="intake-cpr"
          inputMode="numeric"
          autoComplete="off"
          placeholder="DDMMÅÅ-XXXX"
          value={cpr}
          onChange={(e) => setCpr(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'intake-cpr-error'}
          required
        />
      </div>
      {error !== null && (
        <p id="intake-cpr-error" className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('intake.lookup')}
      </button>
    </form>
  );
}

type RelativeDraft = { name: string; relation: string; phone: string; email: string; representation: Representation };
const emptyRelative = (): RelativeDraft => ({ name: '', relation: '', phone: '', email: '', representation: 'none' });
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function AdmitForm({ cpr, answer, organisations }: { cpr: string; answer: PatientLookupResponse; organisations: Organisations }) {
  const { t, i18n } = useTranslation();
  const me = useStaff();
  const found: FoundPatient | null = answer.found ? answer.patient : null;
  const [name, setName] = useState('');
  const [homeMunicipalityId, setHomeMunicipalityId] = useState(found?.homeMunicipality.id ?? organisations.municipalities[0]?.id ?? '');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<'da' | 'en'>('da');
  const [unit, setUnit] = useState('');
  // Empty: admitted now, by the server's clock.
  const [admittedAt, setAdmittedAt] = useState('');
  const [residenceId, setResidenceId] = useState('');
  const [gpPracticeId, setGpPracticeId] = useState('');
  const [relatives, setRelatives] = useState<RelativeDraft[]>(() => (found === null ? [emptyRelative()] : []));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (found !== null && found.openEpisodeId !== null) {
    return (
      <section className="card" aria-labelledby="intake-patient">
        <h2 id="intake-patient">
          {found.name} <span className="patient-cpr">{found.cpr}</span>
        </h2>
        <p className="error-notice" role="alert">
          {t('errors.EPISODE_ALREADY_OPEN')}
        </p>
        <Link href={pathOf({ name: 'episode', episodeId: found.openEpisodeId })}>{t('intake.toOpenEpisode')}</Link>
      </section>
    );
  }

  const setRelative = <F extends keyof RelativeDraft>(index: number, field: F, value: RelativeDraft[F]) =>
    setRelatives((list) => list.map((relative, i) => (i === index ? { ...relative, [field]: value } : relative)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = admittedAt === '' ? undefined : fromLocalInputValue(admittedAt);
    if (at === null) {
      setError(t('intake.badTime'));
      return;
    }
    setBusy(true);
    setError(null);
    const filled: RelativeInput[] = relatives
      .filter((relative) => relative.name.trim() !== '')
      .map((relative) => ({
        name: relative.name,
        relation: relative.relation,
        phone: orNull(relative.phone),
        email: orNull(relative.email),
        representation: relative.representation,
      }));
    const patient =
      found === null
        ? { cpr, name, homeMunicipalityId, phone: orNull(phone), email: orNull(email), preferredLanguage: language }
        : { cpr, name: found.name, homeMunicipalityId: found.homeMunicipality.id, phone: found.phone, email: found.email, preferredLanguage: found.preferredLanguage };
    try {
      const admitted = await api.admit({
        patient,
        unit: orNull(unit),
        ...(at === undefined ? {} : { admittedAt: at }),
        ...(residenceId === '' ? {} : { residenceMunicipalityId: residenceId }),
        gpPracticeId: gpPracticeId === '' ? null : gpPracticeId,
        relatives: filled,
      });
      navigate(pathOf({ name: 'episode', episodeId: admitted.episodeId }));
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
      setBusy(false);
    }
  }

  const municipalityOptions = organisations.municipalities.map((organisation) => (
    <option key={organisation.id} value={organisation.id}>
      {organisation.name}
    </option>
  ));
  return (
    <form onSubmit={submit} className="intake-form">
      {found !== null ? (
        <section className="card" aria-labelledby="intake-patient">
          <h2 id="intake-patient">{t('intake.foundHeading')}</h2>
          <dl className="facts">
            <dt>{t('intake.name')}</dt>
            <dd>{found.name}</dd>
            <dt>{t('episode.cpr')}</dt>
            <dd>{found.cpr}</dd>
            <dt>{t('episode.born')}</dt>
            <dd>{formatDate(`${found.dateOfBirth}T12:00:00Z`, i18n.language)}</dd>
            <dt>{t('episode.municipality')}</dt>
            <dd>{found.homeMunicipality.name}</dd>
            <dt>{t('episode.relatives')}</dt>
            <dd>{found.relatives.map((relative) => `${relative.name} (${relative.relation})`).join('; ') || '–'}</dd>
          </dl>
        </section>
      ) : (
        <fieldset className="card">
          <legend>{t('intake.createHeading')}</legend>
          <p className="plan-meta">{t('intake.notFound', { cpr: answer.found ? '' : answer.cpr })}</p>
          <div className="field">
            <label htmlFor="intake-name">{t('intake.name')}</label>
            <input id="intake-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
          </div>
          <p>
            {t('episode.born')}: {answer.found ? '' : formatDate(`${answer.dateOfBirth}T12:00:00Z`, i18n.language)} <span className="plan-meta">({t('intake.bornFromCpr')})</span>
          </p>
          <div className="field">
            <label htmlFor="intake-home">{t('episode.municipality')}</label>
            <select id="intake-home" value={homeMunicipalityId} onChange={(e) => setHomeMunicipalityId(e.target.value)} required>
              {municipalityOptions}
            </select>
          </div>
          <div className="field">
            <label htmlFor="intake-phone">{t('episode.phone')}</label>
            <input id="intake-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="intake-email">{t('intake.email')}</label>
            <input id="intake-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="intake-language">{t('intake.language')}</label>
            <select id="intake-language" value={language} onChange={(e) => setLanguage(e.target.value as 'da' | 'en')}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </select>
          </div>
        </fieldset>
      )}
      <fieldset className="card">
        <legend>{t('intake.admissionHeading', { ward: me.organisation.name })}</legend>
        <div className="field">
          <label htmlFor="intake-unit">{t('intake.unit')}</label>
          <input id="intake-unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="intake-admitted">{t('intake.admittedAt')}</label>
          <input id="intake-admitted" type="datetime-local" value={admittedAt} onChange={(e) => setAdmittedAt(e.target.value)} aria-describedby="intake-admitted-hint" />
          <p id="intake-admitted-hint" className="plan-meta">
            {t('intake.admittedNow')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="intake-residence">{t('intake.residence')}</label>
          <select id="intake-residence" value={residenceId} onChange={(e) => setResidenceId(e.target.value)}>
            <option value="">{t('intake.sameAsHome')}</option>
            {municipalityOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-gp">{t('intake.gpPractice')}</label>
          <select id="intake-gp" value={gpPracticeId} onChange={(e) => setGpPracticeId(e.target.value)}>
            <option value="">{t('intake.noGp')}</option>
            {organisations.gpPractices.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('intake.relativesHeading')}</legend>
        {relatives.map((relative, index) => (
          <fieldset key={index} className="relative-row">
            <legend>{t('intake.relativeNumber', { number: index + 1 })}</legend>
            {(['name', 'relation', 'phone', 'email'] as const).map((field) => (
              <div key={field} className="field">
                <label htmlFor={`relative-${index}-${field}`}>{t(`intake.relative.${field}`, { number: index + 1 })}</label>
                <input
                  id={`relative-${index}-${field}`}
                  type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                  value={relative[field]}
                  onChange={(e) => setRelative(index, field, e.target.value)}
                  required={field === 'relation' && relative.name.trim() !== ''}
                  autoComplete="off"
                />
              </div>
            ))}
            <div className="field">
              <label htmlFor={`relative-${index}-representation`}>{t('intake.relative.representation', { number: index + 1 })}</label>
              <select
                id={`relative-${index}-representation`}
                value={relative.representation}
                onChange={(e) => setRelative(index, 'representation', e.target.value as Representation)}
              >
                {REPRESENTATIONS.map((representation) => (
                  <option key={representation} value={representation}>
                    {t(`episode.representation.${representation}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button button-small" onClick={() => setRelatives((list) => list.filter((_, i) => i !== index))}>
              {t('intake.removeRelative', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button" onClick={() => setRelatives((list) => [...list, emptyRelative()])}>
          {t('intake.addRelative')}
        </button>
      </fieldset>
      {error !== null && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('intake.submit')}
      </button>
    </form>
  );
}
