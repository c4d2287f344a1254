import type { IncomingHttpHeaders } from 'node:http';
import {
  type AccessTarget,
  type Action,
  type Actor,
  adviceWindowAt,
  authorize,
  type Decision,
  type ParticipantRole,
  type Representation,
  representationSchema,
  type StaffSector,
} from '@samplan/shared';
import { z } from 'zod';
import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import { Sector, StaffRole } from '../store/generated/enums.ts';
import { sessionTokenFromHeaders } from './sessionCookie.ts';
import { type SessionClaims, verifySessionToken } from './sessionToken.ts';

/**
 * Who is asking: the one seam every entry point (REST routes, Socket.IO
 * events) uses. Authorise with `authorizePrincipal`, not with `authorize` on
 * `actor` alone, so that a geriatrician who is also in a care team is judged
 * by both standings.
 */
export type Principal = StaffPrincipal | ParticipantPrincipal;

export interface StaffPrincipal {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly sector: StaffSector;
  /** Administers their own organisation (its staff, their links, its system clients). */
  readonly administrator: boolean;
  /**
   * A geriatrician's actor is the geriatric team (episodes whose advice window
   * is open); everyone else's is their organisation's sector.
   */
  readonly actor: Actor;
  /** The session behind it, for logout and renewal. */
  readonly session: SessionClaims;
}

/** A patient or relative who redeemed a join link: one conference, one episode. */
export interface ParticipantPrincipal {
  readonly kind: 'participant';
  readonly participantId: string;
  readonly conferenceId: string;
  readonly episodeId: string;
  readonly name: string;
  readonly role: ParticipantRole;
  /** A relative invited from the patient's record: what it says she may do for the patient, as of this request. */
  readonly representation: Representation;
  readonly actor: Actor;
  readonly session: SessionClaims;
}

const SECTOR_OF: Readonly<Record<Sector, StaffSector>> = {
  hospital_ward: 'hospital',
  municipal_unit: 'municipality',
  general_practice: 'general_practice',
};

export function staffSectorOf(sector: Sector): StaffSector {
  return SECTOR_OF[sector];
}

/**
 * Every actor the principal can act as. A geriatrician is the geriatric team
 * (advice window open) and, where they or their clinic are named in an
 * episode's care team (called in during the admission), a hospital clinician
 * of that team too. Whichever allows an action allows it.
 */
export function actorsOf(principal: Principal): readonly Actor[] {
  if (principal.kind === 'staff' && principal.actor.kind === 'geriatric_team') {
    return [principal.actor, { kind: 'staff', userId: principal.staffId, organisationId: principal.organisationId, sector: principal.sector }];
  }
  return [principal.actor];
}

/**
 * The decision for a principal: the first actor that is allowed; otherwise
 * the denial that says most (a standing without the right → 403 beats no
 * standing at all → 404).
 */
export function authorizePrincipal(principal: Principal, action: Action, target: AccessTarget): Decision {
  const decisions = actorsOf(principal).map((actor) => authorize(actor, action, target));
  const allowed = decisions.find((decision) => decision.allowed);
  if (allowed) return allowed;
  return decisions.find((decision) => decision.standing !== 'none') ?? (decisions[0] as Decision);
}

/** The part of an HTTP request or Socket.IO handshake that carries the session cookie. */
export interface CarriesHeaders {
  readonly headers: IncomingHttpHeaders;
}

export interface PrincipalResolver {
  principalFromRequest(req: CarriesHeaders): Promise<Principal | null>;
  /** Browsers send cookies with the same-origin Socket.IO handshake, so this is the same check. */
  principalFromHandshake(handshake: CarriesHeaders): Promise<Principal | null>;
  /** From an already verified session (e.g. right after login, before the cookie reaches the browser). */
  principalFromSession(claims: SessionClaims): Promise<Principal | null>;
}

export interface PrincipalDeps {
  db: DbClient;
  secret: string;
  secureCookies: boolean;
  now: Clock;
}

export function createPrincipalResolver(deps: PrincipalDeps): PrincipalResolver {
  const principalFromSession = async (claims: SessionClaims): Promise<Principal | null> =>
    claims.kind === 'staff' ? staffPrincipal(deps, claims) : participantPrincipal(deps, claims);
  const fromHeaders = async ({ headers }: CarriesHeaders): Promise<Principal | null> => {
    const token = sessionTokenFromHeaders(headers, deps.secureCookies);
    if (token === null) return null;
    const claims = await verifySessionToken(token, deps.secret, deps.now);
    return claims === null ? null : principalFromSession(claims);
  };
  return { principalFromRequest: fromHeaders, principalFromHandshake: fromHeaders, principalFromSession };
}

/**
 * Every request and handshake comes through here, so each kind of principal
 * is one raw query (the ORM's nested select took two to four queries and
 * compiling them cost more CPU than running them on the embedded database).
 * Whether the session still stands is asked in the same indexed lookup that
 * finds who it is (an EXISTS on its row's primary key): an ended session
 * finds nobody.
 */
const instant = z.union([z.date(), z.string()]).transform((value) => new Date(value));

const staffRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(StaffRole),
  administrator: z.boolean(),
  deactivated: z.boolean(),
  organisationId: z.string(),
  organisationName: z.string(),
  sector: z.enum(Sector),
});

async function staffPrincipal(deps: PrincipalDeps, claims: SessionClaims): Promise<StaffPrincipal | null> {
  const rows = await deps.db.$queryRaw<unknown[]>`
    SELECT s.id::text, s.name, s.role::text AS role, s.administrator, s."deactivatedAt" IS NOT NULL AS deactivated,
           o.id::text AS "organisationId", o.name AS "organisationName", o.sector::text AS sector
    FROM "StaffUser" s JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s.id = ${claims.sub}::uuid
      AND EXISTS (SELECT 1 FROM "AuthSession" a WHERE a.id = ${claims.jti}::uuid AND a."staffUserId" = s.id)`;
  if (rows.length === 0) return null;
  const staff = staffRowSchema.parse(rows[0]);
  if (staff.deactivated) return null;
  const sector = staffSectorOf(staff.sector);
  const actor: Actor =
    staff.role === 'geriatrician'
      ? { kind: 'geriatric_team', userId: staff.id }
      : { kind: 'staff', userId: staff.id, organisationId: staff.organisationId, sector };
  return {
    kind: 'staff',
    staffId: staff.id,
    name: staff.name,
    role: staff.role,
    organisationId: staff.organisationId,
    organisationName: staff.organisationName,
    sector,
    administrator: staff.administrator,
    actor,
    session: claims,
  };
}

const participantRowSchema = z.object({
  id: z.string(),
  role: z.string(),
  externalName: z.string().nullable(),
  expiresAt: instant.nullable(),
  revokedAt: instant.nullable(),
  lobbyState: z.string(),
  representation: representationSchema.nullable(),
  conferenceId: z.string(),
  episodeId: z.string(),
  status: z.string(),
  dischargedAt: instant.nullable(),
});

async function participantPrincipal(deps: PrincipalDeps, claims: SessionClaims): Promise<ParticipantPrincipal | null> {
  const rows = await deps.db.$queryRaw<unknown[]>`
    SELECT p.id::text, p.role::text AS role, p."externalName", p."expiresAt", p."revokedAt", p."lobbyState"::text AS "lobbyState",
           r.representation::text AS representation, c.id::text AS "conferenceId", c."episodeId"::text AS "episodeId",
           c.status::text AS status, e."dischargedAt"
    FROM "Participant" p
    JOIN "Conference" c ON c.id = p."conferenceId"
    JOIN "Episode" e ON e.id = c."episodeId"
    LEFT JOIN "Relative" r ON r.id = p."relativeId"
    WHERE p.id = ${claims.sub}::uuid
      AND EXISTS (SELECT 1 FROM "AuthSession" a WHERE a.id = ${claims.jti}::uuid AND a."participantId" = p.id)`;
  if (rows.length === 0) return null;
  const participant = participantRowSchema.parse(rows[0]);
  const link = { ...participant, conference: { status: participant.status, episode: { dischargedAt: participant.dischargedAt } } };
  if (guestAccessUntil(link, deps.now()) === null) return null;
  const guestRole = participant.role;
  if (guestRole !== 'patient' && guestRole !== 'relative') return null;
  const representation = guestRole === 'relative' ? (participant.representation ?? 'none') : 'none';
  return {
    kind: 'participant',
    participantId: participant.id,
    conferenceId: participant.conferenceId,
    episodeId: participant.episodeId,
    name: participant.externalName ?? '',
    role: guestRole,
    representation,
    actor: {
      kind: 'conference_guest',
      guestRole,
      ...(representation === 'none' ? {} : { representative: true as const }),
      conferenceId: participant.conferenceId,
      episodeId: participant.episodeId,
    },
    session: claims,
  };
}

export interface GuestLinkState {
  expiresAt: Date | null;
  revokedAt: Date | null;
  lobbyState: string;
  conference: { status: string; episode: { dischargedAt: Date | null } };
}

/**
 * Until when a guest's link gives access, or null. While its meeting's link
 * is valid; and, after discharge, while the 7-day advice window is open, so the
 * link she already has opens "Ask the geriatric team" (pathway step 7) without
 * anyone sending a new one. Never once revoked, removed by the host, or the
 * conference cancelled; a staff row (no expiry) is no guest link at all.
 */
export function guestAccessUntil(link: GuestLinkState, now: Date): Date | null {
  if (link.expiresAt === null || link.revokedAt !== null || link.lobbyState === 'removed' || link.conference.status === 'cancelled') return null;
  const meeting = link.expiresAt > now ? link.expiresAt : null;
  const window = adviceWindowAt(link.conference.episode.dischargedAt, now);
  const advice = window.state === 'open' ? window.closesAt : null;
  if (meeting === null) return advice;
  return advice !== null && advice > meeting ? advice : meeting;
}
