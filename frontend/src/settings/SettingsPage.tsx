import { useTitle } from '../ui/useTitle';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { TokensSection } from './TokensSection';

export default function SettingsPage() {
  useTitle('Settings');
  return (
    <div class="page">
      <header class="page-header">
        <h1 tabIndex={-1}>Settings</h1>
        <p class="muted">Your profile, password and API tokens.</p>
      </header>
      <div class="stack">
        <ProfileSection />
        <PasswordSection />
        <TokensSection />
      </div>
    </div>
  );
}
