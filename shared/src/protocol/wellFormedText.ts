import type { ErrorBody } from '../errors.ts';

/**
 * JSON can carry a lone UTF-16 surrogate ("\ud800") and a JavaScript string
 * can hold one, but UTF-8 cannot: PostgreSQL refuses it deep inside a query,
 * long after validation, as an internal error. So every message from outside
 * (an HTTP body, a socket payload) is checked once on arrival, and such text
 * is the sender's mistake, named by where it is.
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Names no more places than this: one is enough to fix, a flood of them helps no one. */
const MAX_ISSUES = 10;

const MESSAGE = 'must be valid Unicode text (it contains a lone surrogate)';

interface Place {
  readonly key: string;
  readonly parent: Place | null;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let at = place; at !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/** Where in a parsed JSON value text is not valid Unicode, as issues for a BAD_REQUEST; empty when all of it is. */
export function illFormedTextIssues(value: unknown): NonNullable<ErrorBody['issues']> {
  const issues: NonNullable<ErrorBody['issues']> = [];
  // A stack, not recursion, and paths built only for what is reported: a small body may nest thousands deep.
  const pending: Array<{ value: unknown; place: Place | null }> = [{ value, place: null }];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const { value: next, place } = pending.pop()!;
    if (typeof next === 'string') {
      if (LONE_SURROGATE.test(next)) issues.push({ path: pathOf(place), message: MESSAGE });
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, child] of Object.entries(next)) {
        if (LONE_SURROGATE.test(key)) issues.push({ path: pathOf(place), message: `a field name here ${MESSAGE}` });
        else pending.push({ value: child, place: { key, parent: place } });
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}
