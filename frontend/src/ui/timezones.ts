// IANA timezones for pickers: the browser's own list, with the browser's zone and UTC always present.

// Chromium's ICU still reports some zones by their pre-rename names; show today's IANA names.
const RENAMED: Record<string, string> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Godthab': 'America/Nuuk',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

export function modernTimezone(name: string): string {
  return RENAMED[name] ?? name;
}

export function browserTimezone(): string {
  try {
    return modernTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

let cached: string[] | null = null;

export function timezoneNames(...extra: string[]): string[] {
  if (!cached) {
    let names: string[] = [];
    try {
      names = Intl.supportedValuesOf('timeZone').map(modernTimezone);
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
