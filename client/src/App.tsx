import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { RoomPage } from './room/RoomPage.tsx';
import { routeOf } from './route.ts';

export function App() {
  const { t } = useTranslation();
  const route = routeOf(window.location.pathname);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        {route.name === 'room' ? (
          <RoomPage roomId={route.roomId} />
        ) : (
          <section className="home">
            <h1>{t('app.homeHeading')}</h1>
            <p>{t('app.homeText')}</p>
          </section>
        )}
      </main>
    </div>
  );
}
