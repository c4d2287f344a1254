import { PLAN_SECTIONS, type PlanDocument, type PlanItem, type PlanSection } from './planDocument.ts';
import { sameValue } from './sameValue.ts';

/**
 * What changed between two revisions, for the revision list ("task added:
 * Order a walker", "wish changed: …"). Computed from the two documents, so a
 * span of many revisions shows where it ended up, not every keystroke on the
 * way. The UI words it; `label` is the item's own text, cut to fit a line.
 */
export type PlanChange =
  | { readonly kind: 'added' | 'removed'; readonly section: PlanSection; readonly itemId: string; readonly label: string }
  | { readonly kind: 'changed'; readonly section: PlanSection; readonly itemId: string; readonly label: string; readonly fields: readonly string[] }
  | { readonly kind: 'reordered'; readonly section: PlanSection };

export const CHANGE_LABEL_MAX = 80;

function labelOf(item: PlanItem): string {
  const full = 'text' in item ? item.text : 'what' in item ? item.what : item.name;
  return full.length <= CHANGE_LABEL_MAX ? full : `${full.slice(0, CHANGE_LABEL_MAX - 1)}…`;
}

function changedFields(before: PlanItem, after: PlanItem): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const field = (item: PlanItem, key: string) => (item as Record<string, unknown>)[key];
  return [...keys].filter((key) => !sameValue(field(before, key), field(after, key)));
}

export function describeChanges(before: PlanDocument, after: PlanDocument): PlanChange[] {
  return PLAN_SECTIONS.flatMap((section) => {
    const old: readonly PlanItem[] = before[section];
    const now: readonly PlanItem[] = after[section];
    const oldById = new Map(old.map((item) => [item.id, item]));
    const nowIds = new Set(now.map((item) => item.id));
    const changes: PlanChange[] = [];

    for (const item of old) {
      if (!nowIds.has(item.id)) changes.push({ kind: 'removed', section, itemId: item.id, label: labelOf(item) });
    }
    for (const item of now) {
      const previous = oldById.get(item.id);
      if (previous === undefined) {
        changes.push({ kind: 'added', section, itemId: item.id, label: labelOf(item) });
        continue;
      }
      const fields = changedFields(previous, item);
      if (fields.length > 0) changes.push({ kind: 'changed', section, itemId: item.id, label: labelOf(item), fields });
    }

    const keptOrderBefore = old.filter((item) => nowIds.has(item.id)).map((item) => item.id);
    const keptOrderAfter = now.filter((item) => oldById.has(item.id)).map((item) => item.id);
    if (keptOrderBefore.some((id, i) => id !== keptOrderAfter[i])) changes.push({ kind: 'reordered', section });
    return changes;
  });
}
