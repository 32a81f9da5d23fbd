// The reading pages' own tabs: queue, library, import/export.
const TABS = [
  { href: '/reading', label: 'Queue' },
  { href: '/reading/library', label: 'Library' },
  { href: '/reading/import', label: 'Import & export' },
];

export function ReadingNav({ current }: { current: string }) {
  return (
    <nav class="rd-tabs" aria-label="Reading">
      {TABS.map((t) => (
        <a key={t.href} href={t.href} class="rd-tab" aria-current={t.href === current ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}
