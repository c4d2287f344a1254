import type { Db } from '@samplan/server/store/database.ts';
import { createConferenceScene } from '../db/plan/fixtures.ts';

/** Who signs in to one conference's call: the ward nurse, the home nurse and the geriatrician (staff), the patient and her daughter (guests by link). */
export interface SocketConference {
  conferenceId: string;
  cookies: string[];
}

/** CONFERENCES live discharge conferences, each with five people in it signed in (plan fixtures), for the signalling-socket benchmark. */
export async function createSocketScene(db: Db, conferences: number): Promise<{ conferences: SocketConference[] }> {
  const made: SocketConference[] = [];
  for (let i = 0; i < conferences; i++) {
    const scene = await createConferenceScene(db);
    made.push({
      conferenceId: scene.conference.id,
      cookies: [scene.nurse, scene.homeNurse, scene.geriatrician, scene.karen, scene.daughter].map((principal) => principal.cookie),
    });
  }
  return { conferences: made };
}
