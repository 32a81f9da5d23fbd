// The colours an action item can have, and the CSS that gives its pieces that colour.

/** Habit colours offered in the form (readable on light and dark backgrounds). */
export const COLORS: [hex: string, name: string][] = [
  ['#4f46e5', 'Indigo'],
  ['#0e7490', 'Teal'],
  ['#15803d', 'Green'],
  ['#a16207', 'Amber'],
  ['#c2410c', 'Orange'],
  ['#be123c', 'Rose'],
  ['#7e22ce', 'Purple'],
  ['#475569', 'Slate'],
];

/** Black or white, whichever reads better on a `#rrggbb` background (WCAG relative luminance). */
export function onColor(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#ffffff';
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#ffffff' : '#111111';
}

/** CSS custom properties that give a habit's pieces its colour (unset: the theme accent). */
export function habitStyle(color: string | null | undefined): Record<string, string> | undefined {
  return color ? { '--habit-color': color, '--habit-on': onColor(color) } : undefined;
}
