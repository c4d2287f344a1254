import type { StaffSector } from '@samplan/shared';
import type { Sector } from '../../store/generated/client.ts';

const STORED_SECTOR: Readonly<Record<StaffSector, Sector>> = { hospital: 'hospital_ward', municipality: 'municipal_unit', general_practice: 'general_practice' };

/** The database's name for a sector as the API names it (the other way: staffSectorOf in auth/principal.ts). */
export function sectorOf(sector: StaffSector): Sector {
  return STORED_SECTOR[sector];
}
