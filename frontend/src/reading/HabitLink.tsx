// Which numeric action item ("Read 20 pages") logged reading adds to: a per-user setting, so
// every book and paper feeds the same daily number without typing it twice.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { SelectField } from '../ui/Field';
import { ErrorState } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { getSettings, listNumericHabits, putSettings, type Unit } from './api';
import { UNITS } from './labels';

async function load() {
  const [settings, habits] = await Promise.all([getSettings(), listNumericHabits()]);
  return { settings, habits };
}

export function HabitLink() {
  const req = useRequest(load);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (req.status === 'error' && !req.data) return <ErrorState title="Couldn't load your reading settings" error={req.error} onRetry={req.reload} />;
  if (!req.data) return <p class="muted">Loading…</p>;
  const { settings, habits } = req.data;

  const save = async (habitId: number | null, unit: Unit) => {
    setSaving(true);
    setMessage(null);
    try {
      const saved = await putSettings({ habit_id: habitId, unit });
      req.mutate((d) => ({ ...d, settings: saved }));
      const name = habits.find((h) => h.id === habitId)?.name;
      setMessage({ kind: 'success', text: name ? `Reading in ${unit} now counts toward “${name}”.` : 'Reading no longer counts toward an action item.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const options = [{ value: '', label: 'None' }, ...habits.map((h) => ({ value: String(h.id), label: h.name }))];
  return (
    <div class="rd-habit-link">
      <div class="rd-form-row">
        <SelectField
          label="Count reading toward"
          options={options}
          value={settings.habit_id === null ? '' : String(settings.habit_id)}
          disabled={saving}
          hint={habits.length === 0 ? 'Create a numeric action item such as “Read 20 pages” on the Action items page first.' : 'Logged amounts are added to its check-in for that day.'}
          onChange={(e) => void save(e.currentTarget.value ? Number(e.currentTarget.value) : null, settings.unit)}
        />
        <SelectField
          label="Amounts in"
          options={UNITS}
          value={settings.unit}
          disabled={saving || settings.habit_id === null}
          onChange={(e) => void save(settings.habit_id, e.currentTarget.value as Unit)}
        />
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </div>
  );
}
