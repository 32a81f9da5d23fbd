// Settings → Reminders on this device: ask for permission, turn the daily notification on or off,
// and (when the server has no account-wide reminder time) pick the time here.
import { useState } from 'preact/hooks';
import { useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import '../public/settings-section.css';
import {
  localReminderTime,
  notificationsSupported,
  notify,
  remindersEnabled,
  serverReminderTime,
  setLocalReminderTime,
  setRemindersEnabled,
} from './reminders';

function permission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

export function ReminderSection() {
  const user = useUser();
  const [enabled, setEnabled] = useState(remindersEnabled);
  const [allowed, setAllowed] = useState(permission);
  const [time, setTime] = useState(localReminderTime);
  const [status, setStatus] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const server = serverReminderTime(user);

  const toggle = async (on: boolean) => {
    setStatus(null);
    if (!on) {
      setRemindersEnabled(false);
      setEnabled(false);
      setStatus({ kind: 'info', text: 'Reminders are off on this device.' });
      return;
    }
    let result = permission();
    if (result === 'default') result = await Notification.requestPermission();
    setAllowed(result);
    if (result !== 'granted') {
      setStatus({ kind: 'error', text: 'Notifications are blocked for Kaizen. Allow them in your browser’s site settings, then try again.' });
      return;
    }
    setRemindersEnabled(true);
    setEnabled(true);
    setStatus({ kind: 'success', text: 'Reminders are on for this device.' });
  };

  const when = server === undefined ? time : server;
  return (
    <section class="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders on this device</h2>
      <p class="muted card-lede">
        A notification at your check-in time while Kaizen is open (in a tab, or as the installed app), if some action items are still open.
        The calendar feed's daily event reminds you everywhere else.
      </p>
      {allowed === 'unsupported' ? (
        <Alert kind="info">This browser can't show notifications.</Alert>
      ) : (
        <div class="form">
          <label class="pp-switch">
            <input
              type="checkbox"
              role="switch"
              class="pp-switch-input"
              checked={enabled && allowed === 'granted'}
              onChange={(e) => void toggle(e.currentTarget.checked)}
            />
            <span class="pp-switch-track" aria-hidden="true">
              <span class="pp-switch-thumb" />
            </span>
            <span class="pp-switch-label">Remind me to check in</span>
          </label>
          {server === undefined ? (
            <TextField
              label="Reminder time"
              type="time"
              value={time}
              hint={`In your timezone (${user.timezone}).`}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setTime(value);
                if (/^\d\d:\d\d$/.test(value)) setLocalReminderTime(value);
              }}
            />
          ) : (
            <p class="muted">{when ? `At ${when}, your account's reminder time (${user.timezone}).` : 'Set a reminder time for your account first.'}</p>
          )}
          {enabled && allowed === 'granted' && (
            <div class="form-actions">
              <Button variant="ghost" onClick={() => void notify('Kaizen: check in', 'This is what a reminder looks like.').catch(() => setStatus({ kind: 'error', text: 'The test notification could not be shown.' }))}>
                Send a test notification
              </Button>
            </div>
          )}
        </div>
      )}
      <div aria-live="polite">{status && <Alert kind={status.kind}>{status.text}</Alert>}</div>
    </section>
  );
}
