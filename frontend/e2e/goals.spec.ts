import { expect, test } from './fixtures';
import { api, newUser, otherUserWithToken } from './goals.helpers';

const NINE = [
  'Write paper explanations and blogs',
  'Implement papers',
  'Get into academic research',
  'Contribute to open source',
  'Strengthen core CS/ML/DL',
  'Read a lot',
  'Maintain a portfolio',
  'DSA',
  'Apply, assess companies and opportunities',
];

test('starter plan → goals → key results → portfolio → public profile', async ({ page, browser, request }) => {
  test.setTimeout(60_000);
  await newUser(page, 'Asha Rao');

  // First sign-in: the home page offers the starter plan, which lists what it creates.
  await page.goto('/');
  const offer = page.getByRole('complementary', { name: 'New here? Start with the starter plan.' });
  await expect(offer).toBeVisible();
  await offer.getByRole('link', { name: 'See the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Asha Rao' })).toBeVisible();
  await expect(page.locator('.welcome-goal-title')).toHaveText(NINE);
  await expect(page.getByText('Gym every day')).toBeVisible();
  await expect(page.getByText(/14 days starting today \(.+\), target 75% — 11 of\s+14 days/)).toBeVisible();
  await page.getByRole('button', { name: 'Take the starter plan' }).click();

  // It lands on Home; the nine goals are on Goals, grouped by area.
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/goals');
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  const fundamentals = page.getByRole('region', { name: /^Fundamentals/ });
  await expect(fundamentals.getByRole('link')).toHaveText(['Implement papers', 'Strengthen core CS/ML/DL']);
  await expect(page.getByRole('region', { name: /^Writing/ }).getByRole('link')).toHaveText([
    'Write paper explanations and blogs',
    'Maintain a portfolio',
  ]);
  await expect(page.getByRole('region', { name: /^Job search/ }).getByRole('link')).toHaveText([NINE[8]!]);
  // All nine, area by area in the order research → job search.
  await expect(page.locator('.goal-card-title')).toHaveText([NINE[2]!, NINE[3]!, NINE[1]!, NINE[4]!, NINE[5]!, NINE[0]!, NINE[6]!, NINE[7]!, NINE[8]!]);
  await expect(page.getByText('9 open · 4 required')).toBeVisible();
  // The offer is gone once the plan is taken.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('New here? Start with the starter plan.')).toHaveCount(0);

  // Importance × enthusiasm: "contribute to open source: cool af" is optional and cool.
  await page.goto('/goals');
  await page.getByRole('button', { name: 'Importance × enthusiasm' }).click();
  await expect(page.getByRole('button', { name: 'Importance × enthusiasm' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: /^Optional · Cool/ }).getByRole('link')).toHaveText(['Contribute to open source']);
  await expect(page.getByRole('region', { name: /^Required · Okay/ }).getByRole('link')).toHaveCount(3);
  await expect(page.getByRole('region', { name: /^Optional · Meh/ }).getByRole('link')).toHaveCount(2);
  await page.getByRole('link', { name: 'Contribute to open source' }).click();

  // Goal detail: add two key results, then update one inline; the goal's progress follows.
  await expect(page.getByRole('heading', { level: 1, name: 'Contribute to open source' })).toBeVisible();
  await expect(page.getByText('Add a key result to measure progress.')).toBeVisible();
  const goalId = Number(page.url().split('/').pop());
  const add = page.getByRole('form', { name: 'Add a key result' });
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/key-results')) posted += 1;
  });
  await add.getByRole('button', { name: 'Add key result' }).click();
  await expect(add.getByLabel('Key result')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByLabel('Target')).toHaveAccessibleDescription('Enter a number.');
  expect(posted).toBe(0);

  await add.getByLabel('Key result').fill('Merged pull requests');
  await add.getByLabel('Target').fill('4');
  await add.getByLabel('Unit (optional)').fill('PRs');
  await add.getByRole('button', { name: 'Add key result' }).click();
  const krs = page.getByRole('list', { name: 'Key results' });
  await expect(krs.getByRole('listitem')).toHaveCount(1);
  await expect(krs).toContainText('0 of 4 PRs');

  await add.getByLabel('Key result').fill('Issues triaged');
  await add.getByLabel('Target').fill('10');
  await add.getByLabel('Current (optional)').fill('5');
  await add.getByRole('button', { name: 'Add key result' }).click();
  await expect(krs.getByRole('listitem')).toHaveCount(2);
  const summary = page.getByRole('region', { name: 'Progress' });
  await expect(summary).toContainText('25%'); // (0 + 0.5) / 2
  await expect(summary).toContainText('Mean of 2 key results');

  const current = page.getByLabel('Current value of Merged pull requests');
  await current.fill('lots');
  await current.press('Enter');
  await expect(current).toHaveAccessibleDescription('Enter a number, like 3 or 2.5.');
  await current.fill('3');
  await current.press('Enter');
  await expect(krs.getByRole('listitem').first()).toContainText('3 of 4 PRs');
  await expect(krs.getByRole('listitem').first()).toContainText('75%');
  await expect(summary).toContainText('62%'); // (0.75 + 0.5) / 2 = 0.625, floored
  await page.reload();
  await expect(page.getByLabel('Current value of Merged pull requests')).toHaveValue('3');
  await expect(summary).toContainText('62%');

  // An action item created with goal_id shows up on the goal with its 14-day rate and streak.
  const habit = await api<{ id: number }>(page, 'POST', '/habits', { name: 'Review one PR', goal_id: goalId });
  const { date } = await api<{ date: string }>(page, 'GET', '/today');
  await api(page, 'PUT', `/habits/${habit.id}/check-ins/${date}`, { status: 'done' });
  await page.reload();
  const items = page.getByRole('list', { name: 'Linked action items' });
  await expect(items.getByRole('listitem')).toHaveCount(1);
  await expect(items).toContainText('Review one PR');
  await expect(items).toContainText('100%');
  await expect(items).toContainText('1 day');

  // Portfolio (under the header's "More"): quick add, move through the columns, and publish.
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await page.getByLabel('New idea').fill('How PyTorch autograd works');
  await page.getByLabel('Kind').selectOption('blog_post');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const ideas = page.getByRole('region', { name: /^Idea/ });
  const drafting = page.getByRole('region', { name: /^Drafting/ });
  const published = page.getByRole('region', { name: /^Published \d/ });
  await expect(ideas.getByText('How PyTorch autograd works')).toBeVisible();
  await page.getByLabel('New idea').fill('Tensor internals, a draft');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(ideas.getByText('Tensor internals, a draft')).toBeVisible();
  await page.getByRole('button', { name: 'Move “Tensor internals, a draft” to Drafting' }).click();
  await expect(drafting.getByText('Tensor internals, a draft')).toBeVisible();

  await page.getByRole('button', { name: 'Move “How PyTorch autograd works” to Drafting' }).click();
  await expect(drafting.getByText('How PyTorch autograd works')).toBeVisible();
  // Edit: link it to the goal and give it a URL.
  await page.getByRole('button', { name: 'Edit “How PyTorch autograd works”' }).click();
  const edit = page.getByRole('form', { name: 'Edit How PyTorch autograd works' });
  await edit.getByLabel('Link (optional)').fill('not a link');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByLabel('Link (optional)')).toHaveAccessibleDescription(/Enter a full link/);
  await edit.getByLabel('Link (optional)').fill('https://example.com/autograd');
  await edit.getByLabel('Goal (optional)').selectOption({ label: 'Contribute to open source' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(drafting.getByText('Goal: Contribute to open source')).toBeVisible();
  await page.getByRole('button', { name: 'Move “How PyTorch autograd works” to Published' }).click();
  await expect(published.getByRole('link', { name: 'How PyTorch autograd works' })).toHaveAttribute('href', 'https://example.com/autograd');
  await expect(drafting.getByText('Tensor internals, a draft')).toBeVisible();
  await expect(page.getByText('1 published in the last 12 months')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Published per month, last 12 months' })).toContainText('1 published');

  // The goal lists the entry it produced.
  await page.goto(`/goals/${goalId}`);
  await expect(page.getByRole('list', { name: 'Linked portfolio entries' })).toContainText('How PyTorch autograd works');

  // Settings: a taken handle is refused next to the field; then a free one, made public.
  const other = await otherUserWithToken(request);
  const takenHandle = `taken-${Date.now().toString(36)}`;
  const res = await request.patch('/api/v1/me', { data: { handle: takenHandle }, headers: { Authorization: `Bearer ${other.token}` } });
  expect(res.ok()).toBe(true);

  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Public profile' });
  const handleBox = section.getByLabel('Handle');
  await section.getByRole('switch', { name: 'Show my public profile' }).check({ force: true });
  await section.getByRole('button', { name: 'Save public profile' }).click();
  await expect(handleBox).toHaveAccessibleDescription(/Choose a handle to make your profile public/);
  await handleBox.fill('-Bad');
  await section.getByRole('button', { name: 'Save public profile' }).click();
  await expect(handleBox).toHaveAccessibleDescription(/Use 3 to 32 characters|lowercase letters/);
  await handleBox.fill(takenHandle);
  await section.getByRole('button', { name: 'Save public profile' }).click();
  await expect(handleBox).toHaveAccessibleDescription(/That handle is taken/);
  const handle = `asha-${Date.now().toString(36)}`;
  await handleBox.fill(handle);
  await section.getByRole('button', { name: 'Save public profile' }).click();
  await expect(section.getByText('Saved. Your profile is public.')).toBeVisible();
  await expect(section.getByRole('link', { name: new RegExp(`/u/${handle}$`) })).toBeVisible();

  // The public page, signed out in a fresh browser context: the published post, not the draft.
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  await pub.goto(`/u/${handle}`);
  await expect(pub.getByRole('heading', { level: 1, name: 'Asha Rao' })).toBeVisible();
  await expect(pub.getByText(`@${handle}`)).toBeVisible();
  await expect(pub.getByRole('link', { name: 'How PyTorch autograd works' })).toBeVisible();
  await expect(pub.getByText('Tensor internals, a draft')).toHaveCount(0);
  await expect(pub.getByRole('button', { name: /account menu/ })).toHaveCount(0);

  // Switched off: the page (and the API) say not found.
  await section.getByRole('switch', { name: 'Show my public profile' }).uncheck({ force: true });
  await section.getByRole('button', { name: 'Save public profile' }).click();
  await expect(section.getByText('Saved. Your profile is private.')).toBeVisible();
  await pub.reload();
  await expect(pub.getByRole('heading', { level: 1, name: "This profile isn't available" })).toBeVisible();
  await expect(pub.getByText('How PyTorch autograd works')).toHaveCount(0);
  expect((await pub.request.get(`/api/v1/public/profiles/${handle}`)).status()).toBe(404);
  await visitor.close();
});

test("another person's goal shows a not-found state", async ({ page, request }) => {
  const other = await otherUserWithToken(request);
  const res = await request.post('/api/v1/goals', { data: { title: 'Secret goal' }, headers: { Authorization: `Bearer ${other.token}` } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: number };

  await newUser(page);
  await page.goto(`/goals/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Goal not found' })).toBeVisible();
  await expect(page.getByText('Secret goal')).toHaveCount(0);
  await page.getByRole('link', { name: 'See your goals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
  await page.goto('/goals/not-a-number');
  await expect(page.getByRole('heading', { level: 1, name: 'Goal not found' })).toBeVisible();
});

test('create, edit and delete a goal; skip the starter plan', async ({ page }) => {
  await newUser(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'No thanks' }).click();
  await expect(page.getByText('New here? Start with the starter plan.')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('New here? Start with the starter plan.')).toHaveCount(0);

  await page.goto('/goals');
  await expect(page.getByText('No goals yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'New goal' }).click();
  const form = page.getByRole('form', { name: 'New goal' });
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(form.getByLabel('Title')).toBeFocused();
  await expect(form.getByLabel('Title')).toHaveAccessibleDescription('Give the goal a title.');
  await form.getByLabel('Title').fill('Build a web app 20–50 people use');
  await form.getByLabel('Description (optional)').fill('Learn **frontend** and backend.\n\n- deploy it\n- get users');
  await form.getByLabel('Area').selectOption('fundamentals');
  await form.getByLabel('Importance').selectOption('required');
  await form.getByLabel('Enthusiasm').selectOption('keen');
  await form.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('region', { name: /^Fundamentals/ }).getByRole('link', { name: 'Build a web app 20–50 people use' })).toBeVisible();

  await page.getByRole('link', { name: 'Build a web app 20–50 people use' }).first().click();
  await expect(page.locator('.goal-description strong')).toHaveText('frontend');
  await page.getByRole('button', { name: 'Edit goal' }).click();
  const edit = page.getByRole('form', { name: 'Edit goal' });
  await edit.getByLabel('Status').selectOption('paused');
  await edit.getByLabel('Target date (optional)').fill('2026-06-30');
  await edit.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByText('Target 30 Jun 2026')).toBeVisible();
  await expect(page.locator('.goal-detail-header')).toContainText('Paused');

  await page.getByRole('button', { name: 'Delete goal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Build a web app 20–50 people use”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete goal' }).click();
  await expect(page).toHaveURL(/\/goals$/);
  await expect(page.getByText('No goals yet.', { exact: false })).toBeVisible();
});
