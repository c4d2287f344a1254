import { useEffect } from 'react';
import { useStaff } from '../../app/auth.tsx';
import { PlanPanel } from '../../plan/PlanPanel.tsx';
import { CallLayout } from '../../room/CallLayout.tsx';
import type { RoomClient } from '../../room/RoomClient.ts';
import { RoomView } from '../../room/RoomView.tsx';
import { useRoomState } from '../../room/useRoom.ts';
import { useCallLifetime } from './useCallLifetime.ts';

type StaffCallProps = { client: RoomClient; conferenceId: string; adviceLineUntil: string | null; onLeft(): void };

/** A staff member in the call: video on the left, the live plan beside it. Leaving the page leaves the call. */
export function StaffCall({ client, conferenceId, adviceLineUntil, onLeft }: StaffCallProps) {
  const state = useRoomState(client);
  const me = useStaff();
  useCallLifetime(client);
  useEffect(() => {
    if (state.phase === 'ended') onLeft();
  }, [state.phase, onLeft]);

  return (
    <CallLayout aside={<PlanPanel conferenceId={conferenceId} adviceLineUntil={adviceLineUntil} organisation={me.organisation.name} />}>
      <RoomView client={client} state={state} />
    </CallLayout>
  );
}
