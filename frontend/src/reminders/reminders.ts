// Daily check-in reminders on this device: with the person's permission, a notification at their
// reminder time while the app is open (a tab or the installed app's window). The time comes from
// GET /me `reminder_time` ("HH:MM", the account's setting that also drives the calendar feed's
// daily event) when the server has it, else from this device's own setting in localStorage.
// Whether reminders are on is always per device (a person may want them on the phone only).
import type { User } from '../api/client';

const ENABLED_KEY = 'kaizen-reminders';
const TIME_KEY = 'kaizen-reminder-time';
const LAST_KEY = 'kaizen-reminder-last';
export const DEFAULT_TIME = '20:00';

/** The account's reminder time, when the server's /me carries one (`reminder_time`). */
export function serverReminderTime(user: User | null): string | null | undefined {
  if (!user || !('reminder_time' in user)) return undefined; // this server has no such field
  const value = (user as { reminder_time?: unknown }).reminder_time;
  return typeof value === 'string' ? value.slice(0, 5) : null;
}

export function localReminderTime(): string {
  const t = localStorage.getItem(TIME_KEY);
  return t && /^\d\d:\d\d$/.test(t) ? t : DEFAULT_TIME;
}

export function setLocalReminderTime(time: string): void {
  localStorage.setItem(TIME_KEY, time);
}

/** The time to remind at: the account's if the server has the setting, else this device's. */
export function reminderTime(user: User | null): string | null {
  const server = serverReminderTime(user);
  return server === undefined ? localReminderTime() : server;
}

export function remindersEnabled(): boolean {
  return localStorage.getItem(ENABLED_KEY) === 'on';
}

export function setRemindersEnabled(on: boolean): void {
  if (on) localStorage.setItem(ENABLED_KEY, 'on');
  else localStorage.removeItem(ENABLED_KEY);
}

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

/** The date ("YYYY-MM-DD") and time ("HH:MM") now in `timeZone`. */
export function localNow(now: Date, timeZone: string): { date: string; time: string } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * Whether a reminder is due now: on, allowed, a time set, that time passed today (in the
 * account's timezone) and no reminder shown yet today. Shown at most once a day.
 */
export function reminderDue(opts: { now: Date; timeZone: string; time: string | null; lastShown: string | null }): string | null {
  if (!opts.time) return null;
  const { date, time } = localNow(opts.now, opts.timeZone);
  if (time < opts.time || opts.lastShown === date) return null;
  return date;
}

export function lastShown(): string | null {
  return localStorage.getItem(LAST_KEY);
}

export function markShown(date: string): void {
  localStorage.setItem(LAST_KEY, date);
}

/** Shows the notification through the service worker when there is one (the installed app), else directly. */
export async function notify(title: string, body: string): Promise<void> {
  const options: NotificationOptions = { body, icon: '/icons/icon-192.png', badge: '/icons/icon-192.png', tag: 'kaizen-reminder', data: { url: '/today' } };
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  if (registration) await registration.showNotification(title, options);
  else new Notification(title, options);
}

/** Forgets this device's reminder settings (signing out). */
export function clearReminders(): void {
  for (const key of [ENABLED_KEY, TIME_KEY, LAST_KEY]) localStorage.removeItem(key);
}
