// The extension in the pseudo-locale (see scripts/vscode/run-pseudo-locale.mjs): every string of
// its bundles is wrapped in ［!! … !!］, so any word on screen outside the marks that is not the
// server's data or a date or age formatted by Intl did not go through l10n.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { expand, idle, openSessionsView, quickInput, ui, webviewFrame } from '../ui/driver';
import { untranslated } from './pseudoLocale';

const OPEN = '［!! Open !!］';
const WEB = '［!! Web !!］';

// What Intl writes (the pseudo-locale is not one Intl knows, so it falls back to the runtime's):
// ages ("3h ago", "now"), dates and times ("Nov 30, 2026, 9:00 AM"), and numbers.
const INTL: RegExp[] = [
  /\b\d+\s?(s|sec|min|m|h|hr|d|day|days|w|mo|y|yr)\.? ago\b/g,
  /\bnow\b/g,
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}(, \d{1,2}:\d{2}(:\d{2})?\s?[AP]M)?/g,
  /\b\d{1,2}:\d{2}(:\d{2})?\s?[AP]M\b/g,
];
// Names of what is not translated anywhere: the product and the integrations' own names; URLs
// (the configured server); and VS Code's own words, English here (no core language pack).
const NAMES = ['open.cx', 'Zendesk', /\bhttps?:\/\/[^\s]+?(?=[.,;]?(\s|$))/g, "(Press 'Enter' to confirm or 'Escape' to cancel)"];

async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.trim()).filter((text) => text.length > 0);
}

function assertTranslated(where: string, shown: readonly string[], data: readonly (string | RegExp)[] = []): void {
  const left = shown
    .map((text) => ({ text, rest: untranslated(text, [...data, ...NAMES, ...INTL]) }))
    .filter((entry) => entry.rest !== undefined);
  assert.deepEqual(left, [], `${where}: words that did not go through l10n`);
}

async function rowTexts(page: Page, part: '.label-name' | '.label-description', level?: number): Promise<string[]> {
  const rows = page.locator(`.part.sidebar [role="treeitem"]${level ? `[aria-level="${level}"]` : ''} ${part}`);
  return texts(rows);
}

suite('Pseudo-locale: every word on screen goes through l10n', () => {
  test('the signed-out view: its title and welcome content', async () => {
    const { page } = ui();
    await openSessionsView(page);
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    await welcome.waitFor();
    assertTranslated('welcome view', [...(await texts(welcome.locator('p, a'))), ...(await texts(page.locator('.part.sidebar .composite.title .title-label')))]);
  });

  test('the key box, then the tree: groups, rows, counts and Load more', async () => {
    const { page, standIn } = ui();
    await page.locator('.part.sidebar .welcome-view-content a.monaco-button').first().click();
    const box = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await box.waitFor();
    const prompt = [
      ...(await texts(page.locator('.quick-input-widget .quick-input-title, .quick-input-widget .quick-input-message'))),
      (await box.getAttribute('placeholder')) ?? '',
    ];
    assertTranslated('Set API Token box', prompt);
    await box.fill(standIn.token);
    await page.keyboard.press('Enter');
    await expand(page, OPEN);
    await expand(page, WEB);
    await idle(page);
    assertTranslated('group rows', [...(await rowTexts(page, '.label-name', 1)), ...(await rowTexts(page, '.label-name', 2))]);
    // Session rows are named by the server's data; what the extension adds is their description.
    assertTranslated('row descriptions', await rowTexts(page, '.label-description'));
    const leaves = await rowTexts(page, '.label-name', 3);
    assert.ok(leaves.length > 1, 'the Web group shows sessions');
    assertTranslated('the row after the first page', [leaves.at(-1)!]);
    assertTranslated('the view title', await texts(page.locator('.part.sidebar .composite.title .title-label')));
  });

  test("a session row's tooltip: the names of its facts (their values are data or translated)", async () => {
    const { page } = ui();
    const row = page.locator('.part.sidebar [role="treeitem"][aria-level="3"]').first();
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /ID/ }).first();
    await hover.waitFor({ timeout: 15_000 });
    // Each fact is "name: value"; the names are the extension's, the values data it also shows elsewhere.
    const names = await hover.locator('strong').allTextContents();
    assert.ok(names.length >= 4, `the tooltip lists facts: ${JSON.stringify(names)}`);
    assertTranslated('tooltip fact names', names);
    await page.mouse.move(700, 850);
    await page.keyboard.press('Escape');
  });

  test('the filter quick pick', async () => {
    const { page } = ui();
    await page.locator('.part.sidebar .title-actions .action-label[aria-label*="Filter"]').first().click();
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.first().waitFor();
    const shown = [
      ...(await texts(rows)),
      ...(await texts(page.locator('.quick-input-widget .quick-input-title'))),
      (await quickInput(page).getAttribute('placeholder')) ?? '',
    ];
    assertTranslated('filter quick pick', shown);
    await page.keyboard.press('Escape');
  });

  test('a session panel: headings, buttons, summary and notes (the session itself is data)', async () => {
    const { page } = ui();
    const firstSession = page.locator('.part.sidebar [role="treeitem"][aria-level="3"]').first();
    await firstSession.click();
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator('body[data-session-id] .summary').count()) > 0);
    await frame.locator('.history .transcript, .history .notice, .history .note').first().waitFor({ timeout: 20_000 });
    // The page without what the server sent: the title, the JSON, the transcript's words and names.
    const chrome = await frame.evaluate(() => {
      const main = document.body.cloneNode(true) as HTMLElement;
      for (const data of main.querySelectorAll('h1, .json, .session-id, .transcript .text, .sender-name')) data.remove();
      return [...main.querySelectorAll('h2, button, p, li, .note, .summary, .meta, .event-label, .status, .warning, label')]
        .map((element) => (element as HTMLElement).innerText.trim())
        .filter((text) => text.length > 0);
    });
    assert.ok(chrome.length > 3, `the page has text of its own: ${JSON.stringify(chrome)}`);
    assertTranslated('session panel', chrome);
  });
});
