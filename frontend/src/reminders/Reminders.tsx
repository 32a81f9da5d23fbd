// Mounted once by the app while someone is signed in: checks every 30 s whether the day's
// reminder is due and, if some action items are still open, shows a notification.
import { useEffect } from 'preact/hooks';
import { useMaybeUser } from '../auth/session';
import { getToday } from '../habits/api';
import { lastShown, markShown, notificationsSupported, notify, reminderDue, remindersEnabled, reminderTime } from './reminders';

const EVERY_MS = 30_000;

export function Reminders() {
  const user = useMaybeUser();
  useEffect(() => {
    if (!user) return undefined;
    let busy = false;
    const check = async () => {
      if (busy || !remindersEnabled() || !notificationsSupported() || Notification.permission !== 'granted') return;
      const date = reminderDue({ now: new Date(), timeZone: user.timezone, time: reminderTime(user), lastShown: lastShown() });
      if (!date) return;
      busy = true;
      try {
        markShown(date);
        const today = await getToday().catch(() => null);
        const open = today ? today.habits.filter((h) => !h.today).length : null;
        if (open === 0) return; // everything is checked in: nothing to remind of
        const body = open === null ? 'Time for your daily check-in.' : `${open} action item${open === 1 ? '' : 's'} still open today.`;
        await notify('Kaizen: check in', body);
      } finally {
        busy = false;
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), EVERY_MS);
    return () => window.clearInterval(timer);
  }, [user]);
  return null;
}
