// /u/:handle — someone's published work, readable by anyone without signing in. The API answers
// 404 both for an unknown handle and for a profile that is switched off; both read the same here.
import { useRoute } from 'preact-iso';
import { ApiError } from '../api/errors';
import { formatDate } from '../ui/format';
import { kindLabel } from '../portfolio/labels';
import { safeHref } from '../ui/links';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { getPublicProfile, type PublicEntry } from './api';
import './public.css';

const HANDLE_RE = /^[A-Za-z0-9-]{1,32}$/;

function byYear(entries: PublicEntry[]): [string, PublicEntry[]][] {
  const groups = new Map<string, PublicEntry[]>();
  for (const e of entries) {
    const year = e.published_on?.slice(0, 4) ?? 'Undated';
    groups.set(year, [...(groups.get(year) ?? []), e]);
  }
  return [...groups.entries()];
}

function ProfileNotFound() {
  useTitle('Profile not found');
  return (
    <section class="public-page public-missing">
      <h1 tabIndex={-1}>This profile isn't available</h1>
      <p class="muted">
        There is no public profile at this address. Its owner may have switched it off, or the link may be mistyped.
      </p>
      <p>
        <a href="/" class="btn">
          Go to Kaizen
        </a>
      </p>
    </section>
  );
}

export default function PublicProfilePage() {
  const { params } = useRoute();
  const handle = params.handle ?? '';
  const profile = useRequest(
    () =>
      HANDLE_RE.test(handle)
        ? getPublicProfile(handle)
        : Promise.reject(new ApiError(404, 'Not found.')),
    [handle],
  );
  useTitle(profile.data?.display_name);

  if (profile.status === 'error' && profile.error instanceof ApiError && profile.error.status === 404) return <ProfileNotFound />;
  if (profile.status === 'error') {
    return (
      <section class="public-page">
        <h1 tabIndex={-1} class="visually-hidden">
          Profile
        </h1>
        <ErrorState title="Couldn't load this profile" error={profile.error} onRetry={profile.reload} />
      </section>
    );
  }
  if (!profile.data) return <Loading label="Loading profile…" minHeight="50vh" />;
  const p = profile.data;

  return (
    <article class="public-page">
      <header class="public-header">
        <span class="public-avatar" aria-hidden="true">
          {(p.display_name.trim() || p.handle).charAt(0).toUpperCase()}
        </span>
        <div>
          <h1 tabIndex={-1}>{p.display_name}</h1>
          <p class="public-handle">@{p.handle}</p>
        </div>
      </header>

      <section aria-labelledby="public-work-title">
        <h2 id="public-work-title" class="public-section-title">
          Published work <span class="public-count">{p.entries.length}</span>
        </h2>
        {p.entries.length === 0 ? (
          <p class="public-empty">Nothing published yet.</p>
        ) : (
          byYear(p.entries).map(([year, items]) => (
            <section key={year} class="public-year" aria-label={year}>
              <h3 class="public-year-title">{year}</h3>
              <ul class="public-list">
                {items.map((e, i) => {
                  const href = safeHref(e.url);
                  return (
                    <li key={`${e.title}-${i}`} class="public-entry">
                      <p class="public-entry-title">
                        {href ? (
                          <a href={href} rel="noopener noreferrer nofollow">
                            {e.title}
                          </a>
                        ) : (
                          e.title
                        )}
                      </p>
                      <p class="public-entry-meta">
                        {kindLabel(e.kind)}
                        {e.published_on && (
                          <>
                            {' · '}
                            <time dateTime={e.published_on}>{formatDate(e.published_on)}</time>
                          </>
                        )}
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))
        )}
      </section>
      <footer class="public-footer">Tracked with Kaizen</footer>
    </article>
  );
}
