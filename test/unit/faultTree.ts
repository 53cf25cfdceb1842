// What the fault suites share: a small stand-in, the API client and the sessions tree model
// against it, and ways to read what the tree shows.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OpenCxClient } from '../../src/api/client';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import type { RecordedRequest, StandIn, StandInOptions } from '../server/server';

export { clientFor } from './clientHarness';

export const groupsOf = (nodes: TreeNode[]) => nodes.filter((node): node is GroupNode => node.type === 'group');
export const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
export const noticesOf = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');
export const noticeOf = (nodes: TreeNode[], kind: NoticeNode['kind']) => noticesOf(nodes).find((notice) => notice.kind === kind);
export const idsOf = (nodes: TreeNode[]) => sessionsOf(nodes).map((node) => node.session.id);

export const PAGE_SIZE = 25;
export const SMALL: StandInOptions = { count: 600, seed: 21, pageSize: PAGE_SIZE, rateLimit: 0 };

export function modelWith(client: OpenCxClient, grouping: 'status/channel' | 'channel/status' | 'none' = 'status/channel'): SessionTreeModel {
  return new SessionTreeModel({ client: async () => client, grouping });
}

/** Every leaf group of a two-level tree, in display order. */
export async function leafGroups(model: SessionTreeModel): Promise<GroupNode[]> {
  const leaves: GroupNode[] = [];
  for (const top of groupsOf(await model.children())) leaves.push(...groupsOf(await model.children(top)));
  return leaves;
}

export async function leaf(model: SessionTreeModel, status: string, channel: string): Promise<GroupNode> {
  const found = (await leafGroups(model)).find((group) => group.groupedBy.status === status && group.groupedBy.channel === channel);
  assert.ok(found, `a ${status}/${channel} group`);
  return found;
}

/** The stand-in's query parameters for a leaf group. */
export const queryOf = (group: GroupNode) => ({ status: group.groupedBy.status, channel_type: group.groupedBy.channel });
export const isFor = (group: GroupNode) => (request: RecordedRequest) =>
  request.query.status === group.groupedBy.status && request.query.channel_type === group.groupedBy.channel;
export const firstPages = (standIn: StandIn, group: GroupNode, pages = 1) =>
  standIn.matching(queryOf(group)).slice(0, pages * PAGE_SIZE).map((session) => session.id);

/** Asks for a group's children until no page of it is in flight, as the view does after each change. */
export async function settled(model: SessionTreeModel, group: GroupNode): Promise<TreeNode[]> {
  for (let attempt = 0; ; attempt++) {
    const children = await model.children(group);
    if (!noticeOf(children, 'loading')) return children;
    assert.ok(attempt < 400, `${group.id} is still loading after 2 s`);
    await sleep(5);
  }
}
