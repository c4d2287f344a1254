export * from './common.ts';
export * from './auth.ts';
export * from './consents.ts';
export * from './episodes.ts';
export * from './conferences.ts';
export * from './advice.ts';
export * from './audit.ts';
export * from './day.ts';
