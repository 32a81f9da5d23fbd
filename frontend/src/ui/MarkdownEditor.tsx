// A Markdown textarea with a sanitised preview (Markdown.tsx). On a phone the two are
// tabs; with `split` and room enough they sit side by side.
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { FieldMessages, LabelText, useFieldIds } from './Field';
import { Markdown } from './Markdown';
import './MarkdownEditor.css';

interface Props {
  label: string;
  name: string;
  value: string;
  onInput: (e: TargetedEvent<HTMLTextAreaElement>) => void;
  error?: string | undefined;
  hint?: string;
  note?: string;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  split?: boolean;
  textareaRef?: (el: HTMLTextAreaElement | null) => void;
}

export function MarkdownEditor({ label, name, value, onInput, error, hint, note, rows = 8, maxLength, placeholder, split, textareaRef }: Props) {
  const ids = useFieldIds('md', error, hint);
  const { id, describedBy } = ids;
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  return (
    <div class={`field md-editor md-mode-${mode} ${split ? 'md-split' : ''} ${error ? 'field-invalid' : ''}`}>
      <div class="md-editor-top">
        <label for={id} class="field-label">
          <LabelText label={label} note={note} />
        </label>
        <div class="md-toggle" role="group" aria-label={`${label}: write or preview`}>
          <button type="button" class="md-toggle-btn" aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
            Write
          </button>
          <button type="button" class="md-toggle-btn" aria-pressed={mode === 'preview'} onClick={() => setMode('preview')}>
            Preview
          </button>
        </div>
      </div>
      <div class="md-panes">
        <textarea
          ref={textareaRef}
          id={id}
          name={name}
          class="input md-textarea"
          rows={rows}
          value={value}
          onInput={onInput}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
        <div class="md-preview" role="region" aria-label={`${label} preview`} tabIndex={0}>
          <Markdown source={value} empty="Nothing to preview yet." />
        </div>
      </div>
      <FieldMessages ids={ids} error={error} hint={hint} />
    </div>
  );
}
