import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinForm } from '../join/JoinForm.tsx';
import { tokenGetter, tokenSourceOf } from '../join/roomToken.ts';
import { RoomClient } from './RoomClient.ts';
import { RoomView } from './RoomView.tsx';
import { exposeTestHook } from './testHook.ts';
import { useRoomState } from './useRoom.ts';

export function RoomPage({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const [client] = useState(() => new RoomClient({ getToken: tokenGetter(roomId, tokenSourceOf(window.location.search)) }));
  const state = useRoomState(client);

  useEffect(() => exposeTestHook(client), [client]);
  useEffect(() => {
    // Leaving on purpose spares the others the reconnect grace of a dropped connection.
    const leave = () => void client.leave();
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [client]);

  const join = (displayName: string) => void client.join(displayName);
  switch (state.phase) {
    case 'idle':
      return <JoinForm onJoin={join} error={state.error} />;
    case 'ended':
      // Left on purpose: say so. Shut out (room ended, link expired): the error says why.
      return <JoinForm onJoin={join} error={state.error} heading={state.error ? undefined : t('room.leftHeading')} />;
    default:
      return <RoomView client={client} state={state} />;
  }
}
