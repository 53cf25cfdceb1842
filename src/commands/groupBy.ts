// The "Group By" submenu of the view's title: one command per grouping, each setting
// `opencx.groupBy`. VS Code draws no check mark on an extension's menu items, so the current
// grouping shows as its "✓" twin (same action, hidden from the palette), picked by the
// `opencx.groupBy` context key that extension.ts keeps equal to the setting.
import type { Grouping } from '../model/tree/treeNodes';
import { setGroupBy } from '../services/config';
import type { CommandName } from '../ui/ids';

export const GROUP_BY_COMMANDS = {
  groupByStatusChannel: 'status/channel',
  groupByStatusChannelChecked: 'status/channel',
  groupByChannelStatus: 'channel/status',
  groupByChannelStatusChecked: 'channel/status',
  groupByStatus: 'status',
  groupByStatusChecked: 'status',
  groupByChannel: 'channel',
  groupByChannelChecked: 'channel',
  groupByNone: 'none',
  groupByNoneChecked: 'none',
} as const satisfies Partial<Record<CommandName, Grouping>>;

export function groupByHandlers(): Record<keyof typeof GROUP_BY_COMMANDS, () => Promise<void>> {
  const entries = Object.entries(GROUP_BY_COMMANDS).map(([name, grouping]) => [name, () => setGroupBy(grouping)]);
  return Object.fromEntries(entries) as Record<keyof typeof GROUP_BY_COMMANDS, () => Promise<void>>;
}
