// @vitest-environment jsdom
// DOMPurify needs a faithful DOM: happy-dom lets event handlers through, real browsers and
// jsdom do not.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Markdown, renderMarkdown } from './Markdown';

describe('Markdown', () => {
  it('renders headings, lists and emphasis', () => {
    const html = renderMarkdown('## Review\n\n1. Gym: **7/13**\n2. Junk food: 8/13');
    expect(html).toContain('<h2>Review</h2>');
    expect(html).toContain('<strong>7/13</strong>');
    expect(html).toMatch(/<ol>[\s\S]*<li>/);
  });

  it('strips scripts, event handlers, javascript: links and inline styles', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>' +
        '<p style="color:red">styled</p>',
    );
    expect(html).not.toMatch(/script|onerror|javascript:|style=/i);
    expect(html).toContain('styled');
  });

  it('shows the empty text for blank input', () => {
    const { getByText } = render(<Markdown source="   " empty="Nothing written yet." />);
    expect(getByText('Nothing written yet.')).toBeTruthy();
  });
});
