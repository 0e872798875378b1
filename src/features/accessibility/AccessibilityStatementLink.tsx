import { Link } from 'wouter';
import { useT } from '../../i18n';

/**
 * The link to the statement, for the login screens and Settings. A module of its own: the login
 * screens are the first load, the statement's page is a chunk fetched when it is opened.
 */
export function AccessibilityStatementLink() {
  const t = useT();
  return (
    <p className="a11y-link">
      <Link href="/tilgaengelighed">{t('a11y.link')}</Link>
    </p>
  );
}
