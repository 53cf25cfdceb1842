// "Filter Sessions…": quick picks over the documented filters, one dimension at a time. The filter
// itself lives in FilterController (services/filterController.ts).
import * as vscode from 'vscode';
import { CHANNEL_TYPES, SESSION_STATUSES } from '../api/schemas';
import { channelLabels, statusLabels } from '../model/labels';
import { DATE_PRESETS, isFiltered, NO_FILTER, parseIsoDate, type DatePreset, type DateWindow, type SessionFilter } from '../model/tree/sessionFilter';
import type { FilterController } from '../services/filterController';
import { iconName } from '../ui/icons';

type Dimension = 'status' | 'channel' | 'handoff' | 'created' | 'updated' | 'clear';

interface DimensionItem extends vscode.QuickPickItem {
  dimension: Dimension;
}

const ANY = vscode.l10n.t('any');

function windowText(window: DateWindow | undefined): string {
  if (!window) return ANY;
  if (window.preset) return PRESET_LABELS[window.preset];
  return [window.after && `after ${window.after}`, window.before && `before ${window.before}`].filter(Boolean).join(', ');
}

const PRESET_LABELS: Record<DatePreset, string> = {
  '1h': vscode.l10n.t('Last hour'),
  '24h': vscode.l10n.t('Last 24 hours'),
  '7d': vscode.l10n.t('Last 7 days'),
  '30d': vscode.l10n.t('Last 30 days'),
};

/** The dimension list; after each change it comes back, so several filters can be set in a row. */
export async function filterSessions(controller: FilterController): Promise<void> {
  for (;;) {
    const filter = controller.filter;
    const items: DimensionItem[] = [
      { dimension: 'status', label: '$(circle-large-outline) ' + vscode.l10n.t('Status'), description: filter.statuses.join(', ') || ANY },
      { dimension: 'channel', label: '$(globe) ' + vscode.l10n.t('Channel'), description: filter.channels.join(', ') || ANY },
      {
        dimension: 'handoff',
        label: '$(person) ' + vscode.l10n.t('Handoff'),
        description: filter.handedOff === undefined ? ANY : filter.handedOff ? vscode.l10n.t('handed off') : vscode.l10n.t('not handed off'),
      },
      { dimension: 'created', label: '$(calendar) ' + vscode.l10n.t('Created'), description: windowText(filter.created) },
      { dimension: 'updated', label: '$(history) ' + vscode.l10n.t('Updated'), description: windowText(filter.updated) },
    ];
    if (isFiltered(filter)) items.push({ dimension: 'clear', label: '$(clear-all) ' + vscode.l10n.t('Clear all filters') });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Filter Sessions'),
      placeHolder: vscode.l10n.t('Choose what to filter by (Esc when done)'),
    });
    if (!picked) return;
    const next = await editDimension(picked.dimension, filter);
    if (next) await controller.apply(next);
  }
}

async function editDimension(dimension: Dimension, filter: SessionFilter): Promise<SessionFilter | undefined> {
  switch (dimension) {
    case 'status': {
      const statuses = await pickMany(vscode.l10n.t('Status'), 'status', SESSION_STATUSES, filter.statuses, statusLabels());
      return statuses && { ...filter, statuses };
    }
    case 'channel': {
      const channels = await pickMany(vscode.l10n.t('Channel'), 'channel', CHANNEL_TYPES, filter.channels, channelLabels());
      return channels && { ...filter, channels };
    }
    case 'handoff': {
      const options = [
        { label: vscode.l10n.t('Any'), value: undefined },
        { label: vscode.l10n.t('Handed off'), description: 'handed_off=true', value: true },
        { label: vscode.l10n.t('Not handed off'), description: 'handed_off=false', value: false },
      ];
      const picked = await vscode.window.showQuickPick(
        options.map((option) => ({ ...option, picked: option.value === filter.handedOff })),
        { title: vscode.l10n.t('Handoff') },
      );
      return picked && { ...filter, handedOff: picked.value };
    }
    case 'created':
    case 'updated': {
      const window = await pickWindow(dimension === 'created' ? vscode.l10n.t('Created') : vscode.l10n.t('Updated'), filter[dimension]);
      return window === null ? undefined : { ...filter, [dimension]: window };
    }
    case 'clear':
      return NO_FILTER;
  }
}

/** Multi-select; nothing selected means "any". Undefined when cancelled. */
async function pickMany<T extends string>(
  title: string,
  dimension: 'status' | 'channel',
  values: readonly T[],
  selected: T[],
  labels: Record<T, string>,
): Promise<T[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    values.map((value) => ({ label: `$(${iconName(dimension, value)}) ${labels[value]}`, description: value, value, picked: selected.includes(value) })),
    { title, canPickMany: true, placeHolder: vscode.l10n.t('Select one or more (none selected: any)') },
  );
  return picked?.map((item) => item.value);
}

/** A preset or a custom range; undefined for "any time", null when cancelled. */
async function pickWindow(title: string, current: DateWindow | undefined): Promise<DateWindow | undefined | null> {
  type Choice = vscode.QuickPickItem & { preset?: DatePreset; custom?: boolean };
  const choices: Choice[] = [
    { label: vscode.l10n.t('Any time') },
    ...(Object.keys(DATE_PRESETS) as DatePreset[]).map((preset) => ({ label: PRESET_LABELS[preset], preset })),
    { label: vscode.l10n.t('Custom range…'), description: vscode.l10n.t('ISO 8601 dates'), custom: true },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title });
  if (!picked) return null;
  if (picked.preset) return { preset: picked.preset };
  if (!picked.custom) return undefined;

  const after = await askDate(title, vscode.l10n.t('After (exclusive); leave empty for no lower bound'), current?.after);
  if (after === undefined) return null;
  const before = await askDate(title, vscode.l10n.t('Before (exclusive); leave empty for no upper bound'), current?.before, after);
  if (before === undefined) return null;
  return after || before ? { after: after || undefined, before: before || undefined } : undefined;
}

/** An ISO date, '' for none, undefined when cancelled. */
async function askDate(title: string, prompt: string, value: string | undefined, notBefore?: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    placeHolder: '2026-11-30T14:00:00Z',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text.trim()) return undefined;
      const parsed = parseIsoDate(text);
      if ('error' in parsed) return parsed.error;
      if (notBefore && parsed.value <= notBefore) return vscode.l10n.t('"Before" must be later than "after" ({0}).', notBefore);
      return undefined;
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parseIsoDate(answer);
  return 'value' in parsed ? parsed.value : '';
}
