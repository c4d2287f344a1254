/**
 * The form behind every plan item: which fields each section has, how an
 * item becomes form values, and how edited values become the smallest
 * operation (only the fields that changed, so two people editing different
 * fields of one task both land).
 */
import {
  AID_STATUSES,
  PARTICIPANT_ROLES,
  TASK_STATUSES,
  WISH_TOPICS,
  type PlanItem,
  type PlanOperation,
  type PlanSection,
} from '@samplan/shared';
import { fromLocalInputValue, toLocalInputValue } from '../app/format.ts';

export type EditableSection = Exclude<PlanSection, 'comments'>;
export type FieldKind = 'text' | 'longText' | 'select' | 'dateTime';

export interface FieldSpec {
  /** Dotted for the task's responsible party: "responsible.role". */
  readonly key: string;
  readonly kind: FieldKind;
  readonly options?: readonly string[];
  readonly optional?: boolean;
}

export const SECTION_FIELDS: Readonly<Record<PlanSection, readonly FieldSpec[]>> = {
  // Goals and wishes name no author: the server takes it from the session (shared/src/plan/authorship.ts).
  goals: [{ key: 'text', kind: 'longText' }],
  needs: [{ key: 'text', kind: 'longText' }],
  tasks: [
    { key: 'what', kind: 'longText' },
    { key: 'responsible.role', kind: 'select', options: PARTICIPANT_ROLES },
    { key: 'responsible.organisation', kind: 'text', optional: true },
    { key: 'responsible.person', kind: 'text', optional: true },
    { key: 'due', kind: 'dateTime', optional: true },
    // "Not done" needs its reason: it is reported with the task's own buttons (TaskOutcome.tsx), not picked here.
    { key: 'status', kind: 'select', options: TASK_STATUSES.filter((status) => status !== 'not_done') },
  ],
  medication: [{ key: 'text', kind: 'longText' }],
  aids: [
    { key: 'what', kind: 'text' },
    { key: 'status', kind: 'select', options: AID_STATUSES },
  ],
  contacts: [
    { key: 'name', kind: 'text' },
    { key: 'role', kind: 'text' },
    { key: 'phone', kind: 'text' },
    { key: 'whenToCall', kind: 'longText' },
  ],
  wishes: [
    { key: 'text', kind: 'longText' },
    { key: 'topic', kind: 'select', options: WISH_TOPICS },
  ],
  comments: [{ key: 'text', kind: 'longText' }],
};

export type FormValues = Record<string, string>;

function read(item: PlanItem, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], item);
}

export function formValuesOf(section: PlanSection, item: PlanItem): FormValues {
  return Object.fromEntries(
    SECTION_FIELDS[section].map((field) => {
      const value = read(item, field.key);
      if (field.kind === 'dateTime') return [field.key, typeof value === 'string' ? toLocalInputValue(value) : ''];
      return [field.key, typeof value === 'string' ? value : ''];
    }),
  );
}

/** A blank form, with the defaults a new item starts from (the person's own role as responsible, an open task). */
export function blankValues(section: PlanSection, role: string): FormValues {
  return Object.fromEntries(
    SECTION_FIELDS[section].map((field) => {
      if (field.key === 'responsible.role') return [field.key, role];
      if (field.kind === 'select') return [field.key, field.options?.[0] ?? ''];
      return [field.key, ''];
    }),
  );
}

/** The item's fields from the form: blanks of optional fields are left out (due: null). */
function fieldsOf(section: PlanSection, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of SECTION_FIELDS[section]) {
    const raw = (values[field.key] ?? '').trim();
    const value = field.kind === 'dateTime' ? (raw === '' ? null : fromLocalInputValue(raw)) : raw;
    if (field.optional && (value === '' || value === null) && field.kind !== 'dateTime') continue;
    const [head, tail] = field.key.split('.') as [string, string | undefined];
    if (tail === undefined) out[head] = value;
    else out[head] = { ...(out[head] as object | undefined), [tail]: value };
  }
  return out;
}

export function addOperation(section: PlanSection, id: string, values: FormValues): PlanOperation {
  const fields = fieldsOf(section, values);
  const item = section === 'tasks' ? { id, ...fields, status: fields['status'] ?? 'open' } : { id, ...fields };
  // The shape is checked by the server and by PlanSession's optimistic apply, both with the shared schema.
  return { op: 'add', section, item } as PlanOperation;
}

/** Null when nothing changed. */
export function updateOperation(section: EditableSection, before: PlanItem, values: FormValues): PlanOperation | null {
  const after = fieldsOf(section, values);
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify((before as Record<string, unknown>)[key] ?? null) !== JSON.stringify(value)) set[key] = value;
  }
  if (Object.keys(set).length === 0) return null;
  return { op: 'update', section, id: before.id, set } as PlanOperation;
}

/** A fresh item id; crypto.randomUUID is missing outside secure contexts (a plain-http LAN address). */
export function newItemId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
