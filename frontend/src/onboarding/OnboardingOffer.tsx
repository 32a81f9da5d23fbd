// A short offer on the home page for someone who has not yet chosen between the starter plan
// and a blank start (me.onboarded === false). It is part of the initial bundle: keep it tiny.
import { useLocation } from 'preact-iso';
import { updateMe } from '../auth/api';
import { useSession } from '../auth/session';
import { useAction } from '../ui/useAction';
import { HOME_PATH } from '../paths';
import './offer.css';

export const WELCOME_PATH = '/welcome';

export function OnboardingOffer() {
  const { user, setUser } = useSession();
  const { path } = useLocation();
  const skip = useAction(() => updateMe({ onboarded: true }), { onDone: setUser });
  if (!user || user.onboarded || path !== HOME_PATH) return null;

  return (
    <aside class="onboarding-offer" aria-labelledby="onboarding-offer-title">
      <div class="onboarding-offer-text">
        <p id="onboarding-offer-title" class="onboarding-offer-title">
          New here? Start with the starter plan.
        </p>
        <p class="onboarding-offer-body">Nine goals, small action items that serve them (you choose which) and a first two-week sprint.</p>
        {skip.error && (
          <p class="field-error" role="alert">
            {skip.error}
          </p>
        )}
      </div>
      <div class="onboarding-offer-actions">
        <a href={`${WELCOME_PATH}?next=${encodeURIComponent(HOME_PATH)}`} class="btn btn-primary">
          See the plan
        </a>
        <button type="button" class="btn btn-ghost" onClick={() => void skip.run()} disabled={skip.busy} aria-busy={skip.busy || undefined}>
          No thanks
        </button>
      </div>
    </aside>
  );
}
