// The groups of the tree under a grouping and a filter: their ids ("status=open/channel=web",
// stable, so VS Code keeps them expanded and selected across refreshes), labels and conditions,
// which of them the tree shows, and the group a saved id names.
import { CHANNEL_TYPES, SESSION_STATUSES } from '../../api/schemas';
import { channelLabel, statusLabel } from '../labels';
import { channelsOf, statusesOf, type SessionFilter } from './sessionFilter';
import type { Dimension, GroupedBy, GroupNode, Grouping } from './treeNodes';

/** The levels of the tree: "status/channel" → status, then channel; "none" → a flat list. */
export function dimensionsOf(grouping: Grouping): Dimension[] {
  return grouping === 'none' ? [] : (grouping.split('/') as Dimension[]);
}

/** Whether `group` is a group of the tree under this grouping and filter. */
export function isShown(group: GroupNode, grouping: Grouping, filter: SessionFilter): boolean {
  const dimensions = dimensionsOf(grouping);
  const segments = group.id.split('/');
  return (
    segments.length === group.depth + 1 &&
    segments.every((segment, index) => {
      const [dimension, value] = segment.split('=') as [string, string];
      const values: string[] = dimension === 'status' ? statusesOf(filter) : channelsOf(filter);
      return dimensions[index] === dimension && values.includes(value);
    })
  );
}

/** The groups of one level below `parent`; `cache` keeps one object per id, as VS Code wants. */
export function groupsAt(
  dimension: Dimension,
  groupedBy: GroupedBy,
  parent: GroupNode | undefined,
  filter: SessionFilter,
  cache: Map<string, GroupNode>,
): GroupNode[] {
  const values: string[] = dimension === 'status' ? statusesOf(filter) : channelsOf(filter);
  return values.map((value) => {
    const id = `${parent ? parent.id + '/' : ''}${dimension}=${value}`;
    let group = cache.get(id);
    if (!group) {
      group = {
        type: 'group',
        id,
        dimension,
        value,
        label: dimension === 'status' ? statusLabel(value) : channelLabel(value),
        groupedBy: { ...groupedBy, [dimension]: value },
        depth: parent ? parent.depth + 1 : 0,
      };
      cache.set(id, group);
    }
    return group;
  });
}

/** The group a saved id names under a grouping ("status=open/channel=web"), or undefined. */
export function groupFromId(id: string, grouping: Grouping): GroupNode | undefined {
  const dimensions: string[] = dimensionsOf(grouping);
  const segments = id.split('/');
  if (segments.length > dimensions.length) return undefined;
  const groupedBy: { status?: string; channel?: string } = {};
  for (const [index, segment] of segments.entries()) {
    const [dimension, value] = segment.split('=') as [string, string | undefined];
    const values: readonly string[] = dimension === 'status' ? SESSION_STATUSES : CHANNEL_TYPES;
    if (dimension !== dimensions[index] || value === undefined || !values.includes(value)) return undefined;
    groupedBy[dimension as Dimension] = value;
  }
  const [dimension, value] = segments.at(-1)!.split('=') as [Dimension, string];
  const label = dimension === 'status' ? statusLabel(value) : channelLabel(value);
  return { type: 'group', id, dimension, value, label, groupedBy: groupedBy as GroupedBy, depth: segments.length - 1 };
}
