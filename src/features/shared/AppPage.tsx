import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { Page } from '../../ui/Page';

/** A screen with its <h1> and document.title "… – Fremskudt". */
export function AppPage(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  const t = useT();
  return <Page {...props} appName={t('app.name')} />;
}
