import { CalendarSection } from './CalendarSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { PublicProfileSection } from './PublicProfileSection';
import { TokensSection } from './TokensSection';

export default function SettingsPage() {
  return (
    <div class="page">
      <header class="page-header">
        <h1 tabIndex={-1}>Settings</h1>
        <p class="muted">Your profile, public page, password, API tokens and calendar feed.</p>
      </header>
      <div class="stack">
        <ProfileSection />
        <PublicProfileSection />
        <PasswordSection />
        <TokensSection />
        <CalendarSection />
      </div>
    </div>
  );
}
