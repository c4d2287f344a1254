/**
 * What the rules need to know about one admission (*indlæggelse*) and the time
 * after it. The server maps its stored episode onto this; the rules never see
 * anything else of it.
 */
export interface EpisodeTimes {
  readonly admittedAt: Date;
  /** Null while the patient is still admitted. */
  readonly dischargedAt: Date | null;
}

export interface EpisodeAccess extends EpisodeTimes {
  readonly id: string;
  /** Organisations (hospital ward, municipal unit, general practice) in this episode's care team. */
  readonly careTeam: readonly string[];
  /**
   * Staff users named in the care team whatever their organisation (a
   * geriatrician called in, a GP's locum). They stand in the episode as their
   * own sector, without opening it to the rest of their organisation.
   */
  readonly careTeamStaff?: readonly string[];
}
