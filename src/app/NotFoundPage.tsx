import { Link } from 'wouter';
import { AppPage } from '../features/shared/AppPage';
import { useT } from '../i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <AppPage screen="shell.notFound.title">
      <p>{t('shell.notFound.body')}</p>
      <Link href="/">{t('shell.notFound.home')}</Link>
    </AppPage>
  );
}
