import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { addMessages, useT } from '../../i18n';
import * as accessibility from '../../i18n/catalog/accessibility';
import { AppPage } from '../shared/AppPage';
import { useFormat } from '../shared/useFormat';

// Opened straight from the login screen (or reloaded there, offline) the signed-in app's chunk,
// which brings the whole catalog, may never have loaded: the statement brings its own text.
addMessages(accessibility);

/** When the statement was prepared and last reviewed (update with each review). */
export const STATEMENT_DATE = '2026-12-06';

/** The complaint body's site (Digitaliseringsstyrelsen supervises web accessibility). */
const COMPLAINT_URL = 'https://digst.dk/';

/**
 * The accessibility statement in the form Danish public bodies publish: status, what is not
 * accessible, how it was tested, date, feedback and where to complain. Static text from the
 * catalog, so it works offline and needs no login.
 */
export function AccessibilityStatement() {
  const t = useT();
  const f = useFormat();
  const section = (id: string, heading: string, body: ReactNode) => (
    <section aria-labelledby={`a11y-${id}`} className="section">
      <h2 id={`a11y-${id}`}>{heading}</h2>
      {body}
    </section>
  );
  return (
    <AppPage screen="a11y.title">
      <p>{t('a11y.intro')}</p>
      {section('status', t('a11y.status.heading'), <p>{t('a11y.status.body')}</p>)}
      {section(
        'gaps',
        t('a11y.gaps.heading'),
        <ul>
          <li>{t('a11y.gaps.screenReaders')}</li>
          <li>{t('a11y.gaps.users')}</li>
        </ul>,
      )}
      {section(
        'method',
        t('a11y.method.heading'),
        <ul>
          <li>{t('a11y.method.axe')}</li>
          <li>{t('a11y.method.keyboard')}</li>
          <li>{t('a11y.method.tree')}</li>
        </ul>,
      )}
      {section(
        'date',
        t('a11y.date.heading'),
        <p>{t('a11y.date.body', { date: f.date(STATEMENT_DATE) })}</p>,
      )}
      {section('feedback', t('a11y.feedback.heading'), <p>{t('a11y.feedback.body')}</p>)}
      {section(
        'complain',
        t('a11y.complain.heading'),
        <>
          <p>{t('a11y.complain.body')}</p>
          <p>
            <a href={COMPLAINT_URL} rel="noopener noreferrer" target="_blank">
              {t('a11y.complain.link')}
            </a>
          </p>
        </>,
      )}
    </AppPage>
  );
}

/** Before login or while locked: the statement on its own, with the way back. */
export function StandaloneAccessibilityStatement() {
  const t = useT();
  return (
    <main id="main" className="login" tabIndex={-1}>
      <AccessibilityStatement />
      <p>
        <Link href="/">{t('a11y.back')}</Link>
      </p>
    </main>
  );
}
