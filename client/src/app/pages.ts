/**
 * Every page's code is its own chunk, fetched when its route is first shown,
 * so a patient opening a join link never downloads the staff screens (and
 * staff never download the guest's device check). Shared code (React,
 * i18n, mediasoup-client, the protocol schemas) lands in shared chunks.
 */
import { lazy, type ComponentType } from 'react';

function page<Props>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

export const GuestPage = page(async () => (await import('../guest/GuestPage.tsx')).GuestPage);
export const RoomPage = page(async () => (await import('../room/RoomPage.tsx')).RoomPage);
export const DayView = page(async () => (await import('../staff/DayView.tsx')).DayView);
export const EpisodePage = page(async () => (await import('../staff/episode/EpisodePage.tsx')).EpisodePage);
export const SchedulePage = page(async () => (await import('../staff/schedule/SchedulePage.tsx')).SchedulePage);
export const ConferencePage = page(async () => (await import('../staff/conference/ConferencePage.tsx')).ConferencePage);
export const AdviceQueuePage = page(async () => (await import('../staff/advice/AdviceQueuePage.tsx')).AdviceQueuePage);
export const IntakePage = page(async () => (await import('../staff/intake/IntakePage.tsx')).IntakePage);
export const IndicatorsPage = page(async () => (await import('../staff/indicators/IndicatorsPage.tsx')).IndicatorsPage);
export const AdminPage = page(async () => (await import('../staff/admin/AdminPage.tsx')).AdminPage);
export const SetPasswordPage = page(async () => (await import('../setPassword/SetPasswordPage.tsx')).SetPasswordPage);
