import { actingRepresentationSchema, type AgreeingPerson, agreementPartySchema, CONFERENCE_OVER_STATUSES, participantRoleSchema, representationSchema } from '@samplan/shared';
import { z } from 'zod';
import type { DbClient } from '../../store/database.ts';
import { Prisma } from '../../store/generated/client.ts';
import type { EpisodeRef } from '../access.ts';

/**
 * Everything a read of the plan needs, in one round trip: the episode and
 * its care team (for the access check), the plan's newest revision, the
 * conference whose parties judge agreement, who of them is present, and the
 * agreements given. Reads are the bulk of the traffic (every open, every
 * poll of the REST API); on the embedded database each extra query costs a
 * millisecond or two of the one thread that serves everyone.
 *
 * The conference is the one given, or else the latest one anybody joined.
 * Present while it runs: those in the call now (someone who left does not
 * hold up the rest). Once it has ended: everyone who took part, so its record
 * does not depend on the order in which people hung up.
 */

const instant = z.union([z.date(), z.string()]).transform((value) => new Date(value));

const rowSchema = z.object({
  episode: z
    .object({ id: z.string(), patientId: z.string(), admittedAt: instant, dischargedAt: instant.nullable() })
    .nullable(),
  careTeam: z.array(z.string()),
  careTeamStaff: z.array(z.string()),
  planId: z.string().nullable(),
  headNumber: z.number().int().nullable(),
  document: z.unknown(),
  conference: z.object({ id: z.string(), ended: z.boolean() }).nullable(),
  present: z.array(
    z.object({
      participantId: z.string(),
      role: participantRoleSchema,
      relativeId: z.string().nullable(),
      representation: representationSchema,
      name: z.string(),
    }),
  ),
  agreements: z.array(
    z.object({
      party: agreementPartySchema,
      revision: z.number().int(),
      onBehalfAs: actingRepresentationSchema.nullable(),
      name: z.string(),
    }),
  ),
});

/** A person in the call, as agreement sees her, with the name her party is shown by. */
export interface PresentPerson extends AgreeingPerson {
  readonly name: string;
}

/** An agreement given to the plan, with the name of whoever gave it. */
export interface GivenAgreement {
  readonly party: z.infer<typeof agreementPartySchema>;
  readonly revision: number;
  readonly onBehalfAs: z.infer<typeof actingRepresentationSchema> | null;
  readonly name: string;
}

export interface PlanState {
  readonly episode: EpisodeRef | null;
  readonly planId: string | null;
  /** 0 before the first revision. */
  readonly revision: number;
  /** The newest revision's stored document when asked for (null before the first revision); to be parsed by the caller. */
  readonly document: unknown;
  readonly conference: { readonly id: string; readonly ended: boolean } | null;
  /** In the order they were invited. */
  readonly present: readonly PresentPerson[];
  readonly agreements: readonly GivenAgreement[];
}

export async function readPlanState(db: DbClient, episodeId: string, options: { conferenceId?: string; document: boolean }): Promise<PlanState> {
  // The variants are separate statements rather than CASEs on parameters, and
  // the episode is a parameter rather than a CTE every subquery reads back: the
  // planner then has less to plan, and planning is about half of this query's
  // time (PostgreSQL plans it anew at every read; nothing here is prepared).
  const episodeParam = Prisma.sql`${episodeId}::uuid`;
  const headDocument = options.document ? Prisma.sql`document` : Prisma.sql`NULL::jsonb`;
  const whichConference =
    options.conferenceId === undefined
      ? Prisma.sql`EXISTS (SELECT 1 FROM "Participant" p WHERE p."conferenceId" = c.id AND p."joinedAt" IS NOT NULL)`
      : Prisma.sql`c.id = ${options.conferenceId}::uuid`;
  const rows = await db.$queryRaw<unknown[]>`
    WITH plan AS (SELECT id FROM "CarePlan" WHERE "episodeId" = ${episodeParam}),
    head AS (
      SELECT number, ${headDocument} AS document
      FROM "PlanRevision" WHERE "planId" = (SELECT id FROM plan) ORDER BY number DESC LIMIT 1
    ),
    conf AS (
      SELECT c.id, c.status::text = ANY(${[...CONFERENCE_OVER_STATUSES]}::text[]) AS ended
      FROM "Conference" c
      WHERE c."episodeId" = ${episodeParam} AND ${whichConference}
      ORDER BY c."scheduledStart" DESC LIMIT 1
    )
    SELECT
      (SELECT json_build_object('id', e.id, 'patientId', e."patientId", 'admittedAt', e."admittedAt", 'dischargedAt', e."dischargedAt")
         FROM "Episode" e WHERE e.id = ${episodeParam}) AS episode,
      ARRAY(SELECT "organisationId"::text FROM "CareTeamOrganisation" WHERE "episodeId" = ${episodeParam}) AS "careTeam",
      ARRAY(SELECT "staffUserId"::text FROM "CareTeamStaff" WHERE "episodeId" = ${episodeParam}) AS "careTeamStaff",
      (SELECT id::text FROM plan) AS "planId",
      (SELECT number FROM head) AS "headNumber",
      (SELECT document FROM head) AS document,
      (SELECT json_build_object('id', id, 'ended', ended) FROM conf) AS conference,
      (SELECT coalesce(json_agg(json_build_object(
           'participantId', p.id, 'role', p.role, 'relativeId', p."relativeId",
           'representation', coalesce(rel.representation::text, 'none'),
           'name', coalesce(p."externalName", rel.name, s.name, '')
         ) ORDER BY p."createdAt", p.id), '[]'::json)
         FROM "Participant" p JOIN conf ON p."conferenceId" = conf.id
         LEFT JOIN "Relative" rel ON rel.id = p."relativeId"
         LEFT JOIN "StaffUser" s ON s.id = p."staffUserId"
         WHERE p."lobbyState" = 'admitted' AND p."joinedAt" IS NOT NULL AND (conf.ended OR p."leftAt" IS NULL)) AS present,
      (SELECT coalesce(json_agg(json_build_object(
           'party', a."partyKey", 'revision', r.number, 'onBehalfAs', a."onBehalfAs",
           'name', coalesce(p."externalName", rel.name, s.name, '')
         ) ORDER BY a."agreedAt", a.id), '[]'::json)
         FROM "Agreement" a JOIN "PlanRevision" r ON r.id = a."revisionId"
         JOIN "Participant" p ON p.id = a."participantId"
         LEFT JOIN "Relative" rel ON rel.id = p."relativeId"
         LEFT JOIN "StaffUser" s ON s.id = p."staffUserId"
         WHERE r."planId" = (SELECT id FROM plan)) AS agreements
  `;

  const row = rowSchema.parse(rows[0]);
  const episode = row.episode && {
    patientId: row.episode.patientId,
    access: {
      id: row.episode.id,
      admittedAt: row.episode.admittedAt,
      dischargedAt: row.episode.dischargedAt,
      careTeam: row.careTeam,
      careTeamStaff: row.careTeamStaff,
    },
  };
  return {
    episode,
    planId: row.planId,
    revision: row.headNumber ?? 0,
    document: row.document ?? null,
    conference: row.conference,
    present: row.present,
    agreements: row.agreements,
  };
}
