import { useSignedInSession } from '../../hooks/useSession';
import { useT } from '../../i18n';
import { AccessibilityStatementLink } from '../accessibility/AccessibilityStatementLink';
import { StorageStatusPanel } from '../pwa/StorageStatusPanel';
import { AppPage } from '../shared/AppPage';
import { AutoLockSection } from './AutoLockSection';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutSection } from './LogoutSection';
import { RescueExportSection } from './RescueExportSection';

/** /indstillinger: language, who is signed in, storage status, log out. */
export function SettingsPage() {
  const t = useT();
  const session = useSignedInSession();
  return (
    <AppPage screen="settings.title">
      <section aria-labelledby="lang-heading" className="section">
        <h2 id="lang-heading" className="visually-hidden">
          {t('settings.language')}
        </h2>
        <LanguageSwitch />
      </section>
      {session && (
        <section aria-labelledby="user-heading" className="section">
          <h2 id="user-heading">{t('settings.user')}</h2>
          <p>
            {t('settings.userLine', { name: session.user.name, username: session.user.username })}
          </p>
          {(session.user.teams ?? []).length > 1 ? (
            <>
              <p>{t('settings.teams')}</p>
              <ul>
                {(session.user.teams ?? []).map((team) => (
                  <li key={team.id}>{team.name}</li>
                ))}
              </ul>
              <p>{t('settings.defaultTeam', { team: session.user.teamName ?? '' })}</p>
            </>
          ) : (
            <p>{t('settings.team', { team: session.user.teamName ?? '' })}</p>
          )}
        </section>
      )}
      <AutoLockSection />
      <StorageStatusPanel />
      <RescueExportSection />
      <LogoutSection />
      <AccessibilityStatementLink />
    </AppPage>
  );
}
