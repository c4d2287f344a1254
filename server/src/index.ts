export { startSamplan, type RunningSamplan } from './app.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { signRoomToken, verifyRoomToken, roomIdSchema, type RoomTokenClaims } from './auth/roomToken.ts';
export type { MediaService, MediaStats } from './media/mediaService.ts';
