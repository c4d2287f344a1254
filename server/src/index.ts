export { startSamplan, type RunningSamplan, type StartOptions } from './app.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { signRoomToken, verifyRoomToken, roomIdSchema, demoMediaRoomId, type RoomTokenClaims } from './auth/roomToken.ts';
export type { MediaService, MediaStats } from './media/mediaService.ts';
export type { Principal, StaffPrincipal, ParticipantPrincipal, PrincipalResolver } from './auth/principal.ts';
export { authorizePrincipal, actorsOf } from './auth/principal.ts';
export type { Clock } from './record/clock.ts';
export { DEMO_PASSWORD, DEMO_STAFF } from './store/seed/demoPeople.ts';
