import type { z } from 'zod';
import type { ErrorBody } from '../errors.ts';
import { acuteBedNotifications } from './acuteBeds.ts';
import { dayNotifications } from './day.ts';
import { planNotifications, planRequests } from './plan.ts';
import { roomNotifications, roomRequests } from './room.ts';

/** Every request and notification of the Socket.IO protocol, by event name. */
export const requests = { ...roomRequests, ...planRequests } as const;
export const notifications = { ...roomNotifications, ...planNotifications, ...dayNotifications, ...acuteBedNotifications } as const;

export type RequestName = keyof typeof requests;
export type NotificationName = keyof typeof notifications;
export type RequestOf<K extends RequestName> = z.input<(typeof requests)[K]['request']>;
export type ParsedRequestOf<K extends RequestName> = z.output<(typeof requests)[K]['request']>;
export type ResponseOf<K extends RequestName> = z.output<(typeof requests)[K]['response']>;
export type NotificationOf<K extends NotificationName> = z.output<(typeof notifications)[K]>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type ClientToServerEvents = {
  [K in RequestName]: (payload: RequestOf<K>, ack: (response: Ack<ResponseOf<K>>) => void) => void;
};
export type ServerToClientEvents = {
  [K in NotificationName]: (payload: NotificationOf<K>) => void;
};

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}
