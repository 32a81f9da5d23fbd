// The opportunities pages' own navigation (the header has one "Opportunities" entry).
import { useLocation } from 'preact-iso';
import { EXPORT_URL } from './api';

const LINKS = [
  { href: '/opportunities', label: 'Board' },
  { href: '/opportunities/organizations', label: 'Organizations' },
  { href: '/opportunities/follow-ups', label: 'Follow-ups' },
  { href: '/opportunities/funnel', label: 'Funnel' },
];

export function SubNav() {
  const { path } = useLocation();
  return (
    <nav class="opp-subnav" aria-label="Opportunities">
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={path === l.href ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
        <li>
          <a href={EXPORT_URL} download>
            Export CSV
          </a>
        </li>
        <li>
          <a href="/opportunities/import" aria-current={path === '/opportunities/import' ? 'page' : undefined}>
            Import CSV
          </a>
        </li>
      </ul>
    </nav>
  );
}
