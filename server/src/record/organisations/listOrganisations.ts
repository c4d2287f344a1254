import type { OrganisationView, StaffSector } from '@samplan/shared';
import { staffSectorOf } from '../../auth/principal.ts';
import type { Sector } from '../../store/generated/client.ts';
import type { Caller, RecordContext } from '../context.ts';
import { sectorOf } from './sectors.ts';

/**
 * GET /api/organisations?sector= — the directory the intake pickers show
 * (wards, municipalities, GP practices). Names and sectors only, no patient
 * data, so it is not audited; any signed-in staff member may read it.
 */
export async function listOrganisations(ctx: RecordContext, _caller: Caller, sector: StaffSector | undefined): Promise<OrganisationView[]> {
  const where: { sector?: Sector } = sector === undefined ? {} : { sector: sectorOf(sector) };
  const rows = await ctx.db.organisation.findMany({ where, select: { id: true, name: true, sector: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map((row) => ({ id: row.id, name: row.name, sector: staffSectorOf(row.sector) }));
}
