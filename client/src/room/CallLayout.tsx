/**
 * The in-call layout with a side panel: the call on the left, the panel
 * (the shared plan) on the right; on a phone or a narrow tablet the panel
 * goes below the call and scrolls on its own.
 *
 *   <CallLayout aside={<PlanPanel conferenceId={id} mode="plain" />}>
 *     <RoomView client={client} state={state} />
 *   </CallLayout>
 */
import type { ReactNode } from 'react';
import './callLayout.css';

export function CallLayout({ children, aside }: { children: ReactNode; aside: ReactNode }) {
  return (
    <div className="call-layout">
      <div className="call-layout-call">{children}</div>
      <div className="call-layout-aside">{aside}</div>
    </div>
  );
}
