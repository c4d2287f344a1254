/**
 * Every page's code is its own chunk, fetched when its route is first shown,
 * so a patient opening a join link never downloads the staff screens (and
 * staff never download the guest's device check). Shared code (React,
 * i18n, mediasoup-client, the protocol schemas) lands in shared chunks.
 *
 * The staff pages bring their words with them (i18n/staffWords.ts); the guest
 * page's words are there from the start. tests/structure/guest-bundle.test.ts
 * fails when the guest page reaches a staff module or staff words.
 */
import { lazy, type ComponentType } from 'react';

function page<Props>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

/** A staff page: its code and the staff screens' words, fetched together. */
function staffPage<Props>(load: () => Promise<ComponentType<Props>>) {
  return page(async () => {
    const [component, words] = await Promise.all([load(), import('../i18n/staffWords.ts')]);
    words.addStaffWords();
    return component;
  });
}

export const GuestPage = page(async () => (await import('../guest/GuestPage.tsx')).GuestPage);
export const RoomPage = page(async () => (await import('../room/RoomPage.tsx')).RoomPage);
export const SignInPage = staffPage(async () => (await import('../staff/SignInPage.tsx')).SignInPage);
export const StaffNav = staffPage(async () => (await import('../staff/StaffNav.tsx')).StaffNav);
export const DayView = staffPage(async () => (await import('../staff/DayView.tsx')).DayView);
export const EpisodePage = staffPage(async () => (await import('../staff/episode/EpisodePage.tsx')).EpisodePage);
export const SchedulePage = staffPage(async () => (await import('../staff/schedule/SchedulePage.tsx')).SchedulePage);
export const ConferencePage = staffPage(async () => (await import('../staff/conference/ConferencePage.tsx')).ConferencePage);
export const AdviceQueuePage = staffPage(async () => (await import('../staff/advice/AdviceQueuePage.tsx')).AdviceQueuePage);
export const AcutePage = staffPage(async () => (await import('../staff/acute/AcutePage.tsx')).AcutePage);
export const AcuteAssessmentPage = staffPage(async () => (await import('../staff/acute/AcuteAssessmentPage.tsx')).AcuteAssessmentPage);
export const IntakePage = staffPage(async () => (await import('../staff/intake/IntakePage.tsx')).IntakePage);
export const IndicatorsPage = staffPage(async () => (await import('../staff/indicators/IndicatorsPage.tsx')).IndicatorsPage);
export const AcuteBedsPage = staffPage(async () => (await import('../staff/acuteBeds/AcuteBedsPage.tsx')).AcuteBedsPage);
export const AdminPage = staffPage(async () => (await import('../staff/admin/AdminPage.tsx')).AdminPage);
export const SetPasswordPage = staffPage(async () => (await import('../setPassword/SetPasswordPage.tsx')).SetPasswordPage);
