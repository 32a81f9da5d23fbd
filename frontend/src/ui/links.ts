// Links people type and links the API hands back: only http(s), checked before sending and
// before rendering as <a href>.

/** Only http(s) links are accepted by the API (and only those are safe to render as links). */
export function checkUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (text.length > 2000) return 'Use at most 2,000 characters.';
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use a link starting with https:// or http://.';
    return undefined;
  } catch {
    return 'Enter a full link, like https://example.com/my-post.';
  }
}

/** A link from the API, only if it is http(s) — anything else is shown as text, never as a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : null;
}
