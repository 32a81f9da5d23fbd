import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { USER } from '../test/api';
import { localNow, reminderDue, remindersEnabled, reminderTime, setLocalReminderTime } from './reminders';
import { ReminderSection } from './ReminderSection';

describe('reminders', () => {
  it('reads the time in the account timezone', () => {
    // 14:45 UTC is 20:15 in Kolkata (UTC+5:30).
    expect(localNow(new Date('2026-11-30T14:45:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-11-30', time: '20:15' });
    expect(localNow(new Date('2026-11-30T20:00:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-12-01', time: '01:30' });
  });

  it('is due once a day, after the reminder time', () => {
    const at = (iso: string, lastShown: string | null = null) => reminderDue({ now: new Date(iso), timeZone: 'Asia/Kolkata', time: '20:00', lastShown });
    expect(at('2026-11-30T14:00:00Z')).toBeNull(); // 19:30 there
    expect(at('2026-11-30T14:31:00Z')).toBe('2026-11-30'); // 20:01
    expect(at('2026-11-30T14:31:00Z', '2026-11-30')).toBeNull(); // already shown today
    expect(reminderDue({ now: new Date(), timeZone: 'UTC', time: null, lastShown: null })).toBeNull();
  });

  it("uses the account's reminder_time when /me has the field, else this device's", () => {
    setLocalReminderTime('07:30');
    expect(reminderTime(USER)).toBe('07:30');
    expect(reminderTime({ ...USER, reminder_time: '21:15:00' } as typeof USER)).toBe('21:15');
    expect(reminderTime({ ...USER, reminder_time: null } as typeof USER)).toBeNull();
  });

  it('asks for permission before turning reminders on, and says so when it is refused', async () => {
    const requestPermission = vi.fn(async () => 'denied' as NotificationPermission);
    vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission }));
    render(
      <SessionProvider initialUser={USER}>
        <ReminderSection />
      </SessionProvider>,
    );
    fireEvent.click(screen.getByRole('switch', { name: 'Remind me to check in' }));
    await screen.findByText(/Notifications are blocked/);
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(remindersEnabled()).toBe(false);
  });

  it('turns reminders on once allowed, with a time of its own when the server has none', async () => {
    vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'granted', requestPermission: vi.fn() }));
    render(
      <SessionProvider initialUser={USER}>
        <ReminderSection />
      </SessionProvider>,
    );
    fireEvent.click(screen.getByRole('switch', { name: 'Remind me to check in' }));
    await waitFor(() => expect(remindersEnabled()).toBe(true));
    fireEvent.input(screen.getByLabelText('Reminder time'), { target: { value: '06:45' } });
    expect(reminderTime(USER)).toBe('06:45');
  });
});
