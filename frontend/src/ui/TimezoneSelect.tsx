import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { timezoneLabel, timezoneNames } from './timezones';

type SelectProps = JSX.SelectHTMLAttributes<HTMLSelectElement> & { value: string };

/** A native <select> of IANA timezones (type-ahead works by keyboard). */
export function TimezoneSelect({ value, ...props }: SelectProps) {
  const options = useMemo(() => {
    const now = new Date();
    return timezoneNames(value).map((name) => ({ name, label: timezoneLabel(name, now) }));
  }, [value]);
  return (
    <select class="input select" value={value} {...props}>
      {options.map((o) => (
        <option key={o.name} value={o.name}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
