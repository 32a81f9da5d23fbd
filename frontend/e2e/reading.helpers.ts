// Helpers for the reading specs.
import type { Page } from '@playwright/test';

export const FOUND = {
  source: 'crossref', kind: 'paper', title: 'Deep learning', authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'], year: 2015,
  venue: 'Nature', url: 'https://doi.org/10.1038/nature14539', arxiv_id: null, doi: '10.1038/nature14539', isbn: null, progress_total: null,
};

/**
 * Answers the lookup in the browser, so no test reaches arXiv or Crossref: a 502 (what an offline
 * server says) for arXiv links, or for everything with `offline`, and FOUND otherwise. Returns
 * the identifiers asked for.
 */
export async function mockLookup(page: Page, { offline = false } = {}): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/api/v1/reading-items/lookup', async (route) => {
    const { identifier } = route.request().postDataJSON() as { identifier: string };
    asked.push(identifier);
    const arxiv = /arxiv/i.test(identifier);
    if (offline || arxiv) await route.fulfill({ status: 502, json: { detail: `Could not reach ${arxiv ? 'arXiv' : 'Crossref'}` } });
    else await route.fulfill({ status: 200, json: FOUND });
  });
  return asked;
}
