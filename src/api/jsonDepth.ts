// How deep a value from JSON.parse nests, found with a stack of its own rather than by recursion:
// the values it is asked about may nest deeper than the call stack reaches.

/**
 * The deepest an item from the server (a session, a history event, a search hit) may nest, the
 * item itself being level 1. Real items nest a few levels. What copies or prints an item
 * recursively (JSON.stringify in a chat answer or in a watch round's comparison, the structured
 * cloning of what reaches a panel) runs out of stack a few thousand levels down, less deep the
 * deeper in the stack it is called: a limit far below that keeps every one of them safe.
 */
export const MAX_ITEM_DEPTH = 256;

/** Whether `value` holds objects or arrays more than `limit` levels deep, `value` being level 1. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  // The objects and arrays still to look into, and their levels.
  const nodes: object[] = [];
  const levels: number[] = [];
  const enter = (child: unknown, level: number) => {
    if (typeof child === 'object' && child !== null) {
      nodes.push(child);
      levels.push(level);
    }
  };
  enter(value, 1);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const level = levels.pop()!;
    if (level > limit) return true;
    if (Array.isArray(node)) for (const child of node) enter(child, level + 1);
    else for (const key in node) enter((node as Record<string, unknown>)[key], level + 1);
  }
  return false;
}
