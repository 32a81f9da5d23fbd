// Markdown from users (plans, retrospectives, goal descriptions), parsed by `marked` and
// sanitised by DOMPurify before it reaches the DOM: user text can never run script.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'preact/hooks';

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    // Inline styles would be blocked by the CSP anyway; drop them rather than log violations.
    FORBID_ATTR: ['style'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
  });
}

interface Props {
  source: string;
  class?: string;
  /** Shown when the source is empty. */
  empty?: string;
}

export function Markdown({ source, class: className, empty }: Props) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return empty ? <p class="muted">{empty}</p> : null;
  // eslint-disable-next-line react/no-danger -- sanitised above
  return <div class={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
