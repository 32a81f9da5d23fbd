// Create an action item from just a name (a daily yes/no habit starting today); the Habits page
// has every other option.
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { createHabit, type Habit } from './api';

export function QuickAdd({ onCreated, label = 'New action item', submitLabel = 'Add' }: {
  onCreated: (habit: Habit) => void;
  label?: string;
  submitLabel?: string;
}) {
  const form = useForm({
    initial: { name: '' },
    validate: (v) => ({ name: v.name.trim() ? undefined : 'Give it a name, e.g. "Gym".' }),
    submit: async (v) => {
      const habit = await createHabit({ name: v.name.trim() });
      form.reset();
      onCreated(habit);
    },
  });
  return (
    <form class="quick-add" onSubmit={form.onSubmit} noValidate>
      <TextField label={label} placeholder="e.g. Gym every day" maxLength={200} autoComplete="off" error={form.errors.name} {...form.bind('name')} />
      <Button type="submit" variant="primary" busy={form.busy} busyLabel="Adding…">
        {submitLabel}
      </Button>
      {form.formError && <Alert>{form.formError}</Alert>}
    </form>
  );
}
