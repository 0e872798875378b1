import { Link, useLocation } from 'wouter';
import { useSignedInSession } from '../hooks/useSession';
import { useT, type MessageKey } from '../i18n';

const ITEMS: readonly { href: string; label: MessageKey }[] = [
  { href: '/', label: 'shell.nav.today' },
  { href: '/borgere', label: 'shell.nav.citizens' },
  { href: '/besoeg', label: 'shell.nav.visits' },
  { href: '/opfoelgning', label: 'shell.nav.followUps' },
  { href: '/steder', label: 'shell.nav.locations' },
  { href: '/indstillinger', label: 'shell.nav.settings' },
];

/**
 * Only administrators and team leads see it (a lead manages their teams' members); the server
 * refuses the admin API to everyone else anyway.
 */
const ADMIN_ITEM = { href: '/administration', label: 'shell.nav.admin' } as const;
/** Leads and administrators; the server refuses the statistics API to everyone else anyway. */
const STATISTICS_ITEM = { href: '/statistik', label: 'shell.nav.statistics' } as const;

function isCurrent(href: string, location: string): boolean {
  return href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
}

/** The main navigation; the current screen is marked with aria-current and an underline. */
export function NavBar() {
  const t = useT();
  const [location] = useLocation();
  const role = useSignedInSession()?.user.role;
  const items = [
    ...ITEMS,
    ...(role === 'lead' || role === 'admin' ? [STATISTICS_ITEM] : []),
    ...(role === 'admin' || role === 'lead' ? [ADMIN_ITEM] : []),
  ];
  return (
    <nav aria-label={t('shell.nav.label')} className="nav">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href, location) ? 'page' : undefined}
            >
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
