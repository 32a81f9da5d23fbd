// Log an amount read. One idempotency key per log: a retry after a lost answer sends the same
// key, so the server counts it once (and adds it to the reading action item once).
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { logProgress, newIdempotencyKey, type ProgressResult, type ReadingItem } from './api';
import { amountLabel } from './labels';

export function ProgressLogger({ item, onLogged, withDate, today }: {
  item: ReadingItem;
  onLogged: (result: ProgressResult) => void;
  withDate?: boolean;
  today?: string;
}) {
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const key = useRef<{ key: string; body: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const value = Number(amount);
    if (!amount.trim() || !(value > 0) || value > 100000) {
      setError(`Enter how many ${item.progress_unit} you read.`);
      return;
    }
    // Same amount and date as a failed attempt: the same key, so a retry counts once.
    const body = `${value}|${date}`;
    if (key.current?.body !== body) key.current = { key: newIdempotencyKey(), body };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await logProgress(item.id, value, key.current.key, date || undefined);
      key.current = null;
      setAmount('');
      setDone(
        `Logged ${amountLabel(value, item.progress_unit)}.` +
          (result.habit ? ` Your reading action item has ${amountLabel(result.habit.value, item.progress_unit)} for the day.` : ''),
      );
      onLogged(result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="rd-log" noValidate onSubmit={(e) => void submit(e)} aria-label={`Log progress on “${item.title}”`}>
      <div class="rd-log-fields">
        <TextField
          label={`${item.progress_unit[0]!.toUpperCase()}${item.progress_unit.slice(1)} read`}
          inputMode="decimal"
          value={amount}
          onInput={(e) => setAmount(e.currentTarget.value)}
          class="input rd-log-amount"
        />
        {withDate && (
          <TextField label="On" note="default today" type="date" max={today} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        )}
        <Button type="submit" busy={busy} busyLabel="Logging…" class="rd-log-submit">
          Log
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
      {done && (
        <p class="rd-log-done" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
