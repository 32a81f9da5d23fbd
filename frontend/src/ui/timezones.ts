// IANA timezones for pickers: the browser's own list, with the browser's zone and UTC always present.

export function browserTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let cached: string[] | null = null;

export function timezoneNames(...extra: string[]): string[] {
  if (!cached) {
    let names: string[] = [];
    try {
      names = Intl.supportedValuesOf('timeZone');
    } catch {
      names = [];
    }
    cached = names;
  }
  const all = new Set([...cached, 'UTC', browserTimezone(), ...extra.filter(Boolean)]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** "Asia/Kolkata (GMT+5:30)"; the offset is left out where the engine can't name it. */
export function timezoneLabel(name: string, at: Date = new Date()): string {
  const pretty = name.replace(/_/g, ' ');
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part ? `${pretty} (${part.value})` : pretty;
  } catch {
    return pretty;
  }
}
