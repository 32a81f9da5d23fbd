// A short offer on the home page for someone who has not yet chosen between the starter plan
// and a blank start (me.onboarded === false). It is part of the initial bundle: keep it tiny.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api/client';
import { errorMessage, unwrap } from '../api/errors';
import { useSession } from '../auth/session';
import { HOME_PATH } from '../paths';
import './offer.css';

export const WELCOME_PATH = '/welcome';

export function OnboardingOffer() {
  const { user, setUser } = useSession();
  const { path } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!user || user.onboarded || path !== HOME_PATH) return null;

  const skip = async () => {
    setBusy(true);
    setError(null);
    try {
      setUser(await unwrap(api.PATCH('/api/v1/me', { body: { onboarded: true } })));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside class="onboarding-offer" aria-labelledby="onboarding-offer-title">
      <div class="onboarding-offer-text">
        <p id="onboarding-offer-title" class="onboarding-offer-title">
          New here? Start with the starter plan.
        </p>
        <p class="onboarding-offer-body">Nine goals, three daily action items and a first two-week sprint — ready in one click.</p>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="onboarding-offer-actions">
        <a href={`${WELCOME_PATH}?next=${encodeURIComponent(HOME_PATH)}`} class="btn btn-primary">
          See the plan
        </a>
        <button type="button" class="btn btn-ghost" onClick={skip} disabled={busy} aria-busy={busy || undefined}>
          No thanks
        </button>
      </div>
    </aside>
  );
}
