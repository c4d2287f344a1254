export * from './errors.ts';
export * from './roles.ts';
export * from './protocol/mediasoup.ts';
export * from './protocol/room.ts';
export * from './protocol/events.ts';
