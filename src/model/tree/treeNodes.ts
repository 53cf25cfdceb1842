// The rows of the sessions tree as plain, read-only values. Rows carry what the view shows and
// what a command needs to act on them (the id and generation of their group's pages), never the
// model's own state.
import type { ApiError } from '../../api/errors';
import type { ChannelType, Session, SessionStatus } from '../../api/schemas';

export const GROUPINGS = ['status/channel', 'channel/status', 'status', 'channel', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export type Dimension = 'status' | 'channel';

/**
 * Names one leaf group's pages (groupPages.ts: the server-side queries behind the group) in one
 * generation of the tree. A row from before a refresh names pages that no longer exist, so acting
 * on it does nothing.
 */
export interface GroupPagesRef {
  readonly id: string;
  readonly generation: number;
}

/**
 * The status and/or channel a group's path fixes ("Open › Web": status open, channel web): every
 * session under the group has them, so its rows need not repeat them.
 */
export interface GroupedBy {
  readonly status?: SessionStatus;
  readonly channel?: ChannelType;
}

export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly dimension: Dimension;
  readonly value: string;
  readonly label: string;
  readonly groupedBy: GroupedBy;
  readonly depth: number;
}

export interface SessionNode {
  readonly type: 'session';
  readonly id: string;
  readonly session: Session;
  /** The pages of the group the row belongs to. */
  readonly pages: GroupPagesRef;
  /** What the row's groups already say (e.g. its channel under a channel group), so it need not. */
  readonly groupedBy: GroupedBy;
  /** Arrived while watching and not yet looked at (newSessions.ts). */
  readonly isNew?: boolean;
}

/** `watchFailed`: on top of a group's rows, watching could not read its first page again (the rows stay). */
export type NoticeKind = 'loadMore' | 'loading' | 'error' | 'rateLimited' | 'empty' | 'unreadable' | 'signedOut' | 'watchFailed';

/** A row that is not a session: "Load more…", "Loading…", an error, "No sessions", … */
export interface NoticeNode {
  readonly type: 'notice';
  readonly id: string;
  readonly kind: NoticeKind;
  /** The pages of the group the row belongs to; undefined for a row of the whole tree (an invalid base URL). */
  readonly pages: GroupPagesRef | undefined;
  readonly error?: ApiError;
  /** For 'unreadable': how many items of the group's pages could not be read. */
  readonly unreadable?: number;
  /** For 'rateLimited': when the group's pages retry by themselves (ms since the epoch). */
  readonly retryAt?: number;
}

export type TreeNode = GroupNode | SessionNode | NoticeNode;
