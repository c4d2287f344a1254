/**
 * The page: header (name, navigation for staff, language), then the page the
 * path names. Staff pages need a staff session and show sign-in without
 * one; the demo room (/room/:roomId) needs none.
 *
 * Other areas add their pages here: a Route in router.ts and a case in Page.
 */
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { AuthProvider, useAuth, type StaffPrincipal } from './auth.tsx';
import { Link } from './Link.tsx';
import { Loading, LoadStatus } from './LoadStatus.tsx';
import {
  AdminPage,
  AcuteAssessmentPage, AcutePage, AdviceQueuePage,
  ConferencePage,
  DayView,
  EpisodePage,
  GuestPage,
  IndicatorsPage,
  AcuteBedsPage,
  IntakePage,
  RoomPage,
  SchedulePage,
  SetPasswordPage,
  SignInPage,
  StaffNav,
} from './pages.ts';
import { navigate, pathOf, useRoute, type Route } from './router.ts';
import '../staff/staff.css';

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const auth = useAuth();
  const staff = auth.state.status === 'signedIn' && auth.state.me.principal.kind === 'staff' ? auth.state.me.principal : null;

  // Signed in on the sign-in page: on to the day.
  useEffect(() => {
    if (staff && route.name === 'signIn') navigate(pathOf({ name: 'day' }), { replace: true });
  }, [staff, route.name]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <Link className="app-name" href={pathOf({ name: 'day' })}>
          {t('app.name')}
        </Link>
        {staff && route.name !== 'room' && (
          // The navigation's code and words come with the staff pages; until then the header shows without it.
          <Suspense fallback={null}>
            <StaffNav staff={staff} route={route} />
          </Suspense>
        )}
        <LanguageSwitch />
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Page route={route} staff={staff} />
        </Suspense>
      </main>
    </div>
  );
}

function Page({ route, staff }: { route: Route; staff: StaffPrincipal | null }): ReactNode {
  const { t } = useTranslation();
  const auth = useAuth();
  if (route.name === 'room') return <RoomPage roomId={route.roomId} />;
  if (route.name === 'join') return <GuestPage linkToken={route.linkToken} />;
  if (route.name === 'setPassword') return <SetPasswordPage linkToken={route.linkToken} />;
  if (route.name === 'notFound') {
    return (
      <section className="home">
        <h1>{t('shell.notFoundHeading')}</h1>
        <p>{t('shell.notFoundText')}</p>
        <Link href={pathOf({ name: 'day' })}>{t('shell.back')}</Link>
      </section>
    );
  }
  if (auth.state.status === 'loading' || auth.state.status === 'failed') return <LoadStatus loaded={auth.state} onRetry={auth.refresh} />;
  if (!staff) return <SignInPage />;
  switch (route.name) {
    case 'signIn':
    case 'day':
      return <DayView />;
    case 'episode':
      return <EpisodePage key={route.episodeId} episodeId={route.episodeId} />;
    case 'schedule':
      return <SchedulePage key={route.episodeId} episodeId={route.episodeId} />;
    case 'conference':
      return <ConferencePage key={route.conferenceId} conferenceId={route.conferenceId} />;
    case 'advice':
      return <AdviceQueuePage />;
    case 'acute':
      return <AcutePage />;
    case 'acuteAssessment':
      return <AcuteAssessmentPage key={route.acuteAssessmentId} acuteAssessmentId={route.acuteAssessmentId} />;
    case 'intake':
      return <IntakePage />;
    case 'indicators':
      return <IndicatorsPage />;
    case 'acuteBeds':
      return <AcuteBedsPage />;
    case 'admin':
      return <AdminPage />;
  }
  return null;
}
