import type { AuditActor, ParticipantRole } from '@samplan/shared';
import type { DbClient } from '../../store/database.ts';
import type { AuditActorKind, StaffRole } from '../../store/generated/enums.ts';

/** A participant as the trails need her: who she is and, for her own log, which patient's link it was. */
export interface ParticipantActor {
  readonly name: string;
  readonly role: ParticipantRole;
  /** Set for staff who joined a call signed in: they are named as staff. */
  readonly staff: { name: string; role: StaffRole; organisation: string } | null;
}

export interface AuditActors {
  of(kind: AuditActorKind, id: string | null): AuditActor;
  participant(id: string): ParticipantActor | undefined;
}

/**
 * The people behind the ids of a page of audit rows, resolved in three
 * queries: staff with their role and organisation, conference participants,
 * hospital systems. An id the record no longer holds is "unknown", never an
 * error: the trail outlives what it describes.
 */
export async function resolveAuditActors(db: DbClient, events: readonly { actorKind: AuditActorKind; actorId: string | null }[]): Promise<AuditActors> {
  const ids = (kind: AuditActorKind) => [...new Set(events.flatMap((event) => (event.actorKind === kind && event.actorId !== null ? [event.actorId] : [])))];
  const staffSelect = { name: true, role: true, organisation: { select: { name: true } } } as const;
  const [staff, participants, systems] = await Promise.all([
    db.staffUser.findMany({ where: { id: { in: ids('staff') } }, select: { id: true, ...staffSelect } }),
    db.participant.findMany({ where: { id: { in: ids('participant') } }, select: { id: true, role: true, externalName: true, staffUser: { select: staffSelect } } }),
    db.systemClient.findMany({ where: { id: { in: ids('system') } }, select: { id: true, name: true, organisation: { select: { name: true } } } }),
  ]);
  const staffById = new Map(staff.map((person) => [person.id, { name: person.name, role: person.role, organisation: person.organisation.name }]));
  const participantById = new Map<string, ParticipantActor>(
    participants.map((person) => [
      person.id,
      {
        name: person.externalName ?? person.staffUser?.name ?? '',
        role: person.role,
        staff: person.staffUser && { name: person.staffUser.name, role: person.staffUser.role, organisation: person.staffUser.organisation.name },
      },
    ]),
  );
  const systemById = new Map(systems.map((system) => [system.id, { name: system.name, organisation: system.organisation.name }]));

  return {
    participant: (id) => participantById.get(id),
    of(kind, id) {
      if (kind === 'system') {
        const system = id === null ? undefined : systemById.get(id);
        return { kind: 'system', name: system?.name ?? null, organisation: system?.organisation ?? null };
      }
      if (id === null) return { kind: 'unknown' };
      if (kind === 'staff') {
        const person = staffById.get(id);
        return person ? { kind: 'staff', ...person } : { kind: 'unknown' };
      }
      const person = participantById.get(id);
      if (!person) return { kind: 'unknown' };
      return person.staff ? { kind: 'staff', ...person.staff } : { kind: 'participant', name: person.name, role: person.role };
    },
  };
}

/** The name the trail has always shown beside the ids. */
export function actorName(actor: AuditActor): string | null {
  return actor.kind === 'unknown' ? null : actor.name;
}
