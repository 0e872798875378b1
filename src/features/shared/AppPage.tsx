import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { Page } from '../../ui/Page';

interface AppPageProps {
  /**
   * The screen's name, for document.title "… – Fremskudt": a catalog message without parameters,
   * because Chromium writes page titles in clear to its History and session-restore files, so a
   * title names the screen, never a citizen.
   */
  screen: MessageKey;
  /** The visible <h1> (it may name the citizen); the screen's name by default. */
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A screen with its <h1> and a document.title that names the screen only. */
export function AppPage({ screen, title, actions, children }: AppPageProps) {
  const t = useT();
  const name = t(screen);
  return (
    <Page title={title ?? name} documentTitle={`${name} – ${t('app.name')}`} actions={actions}>
      {children}
    </Page>
  );
}
