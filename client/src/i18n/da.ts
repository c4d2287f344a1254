import type { ParticipantRole } from '@samplan/shared';
import type { UiErrorCode } from '../uiError.ts';

/** Danish is the default language; its shape is the one every other language must match. */
export const da = {
  app: {
    name: 'Samplan',
    homeHeading: 'Velkommen til Samplan',
    homeText: 'Åbn linket fra din invitation for at komme med i videomødet.',
  },
  language: {
    other: 'English',
    otherCode: 'en',
    switchLabel: 'Switch the language to English',
  },
  join: {
    heading: 'Deltag i videomødet',
    nameLabel: 'Dit navn',
    nameHint: 'Sådan ser de andre dit navn.',
    nameInvalid: 'Skriv dit navn. Det må højst være 60 tegn.',
    submit: 'Deltag',
    joining: 'Forbinder …',
  },
  roles: {
    patient: 'Patient',
    relative: 'Pårørende',
    hospital: 'Hospital',
    municipality: 'Kommune',
    gp: 'Egen læge',
    geriatrician: 'Geriater',
  } satisfies Record<ParticipantRole, string>,
  connection: {
    label: 'Forbindelse',
    idle: 'Ikke forbundet',
    connecting: 'Forbinder …',
    connected: 'Forbundet',
    reconnecting: 'Genopretter forbindelsen …',
    disconnected: 'Afbrudt',
  },
  controls: {
    toolbar: 'Mødeknapper',
    micOff: 'Slå mikrofon fra',
    micOn: 'Slå mikrofon til',
    cameraOff: 'Sluk kamera',
    cameraOn: 'Tænd kamera',
    shareScreen: 'Del skærm',
    stopSharing: 'Stop deling',
    leave: 'Forlad mødet',
  },
  tile: {
    you: 'Dig',
    nameAndRole: '{{name}}, {{role}}',
    screenOf: 'Skærm fra {{name}}',
    micMuted: 'Mikrofon slået fra',
    cameraOff: 'Kamera slukket',
    speaking: 'Taler nu',
    reconnecting: 'Genopretter forbindelsen',
  },
  room: {
    participants: 'Deltagere',
    waiting: 'Venter på, at de andre kommer med …',
    leftHeading: 'Du har forladt mødet',
    rejoin: 'Deltag igen',
    dismissError: 'Luk beskeden',
  },
  errors: {
    BAD_REQUEST: 'Noget gik galt i forespørgslen. Prøv igen.',
    UNAUTHORIZED: 'Dit link til mødet virker ikke længere. Bed om et nyt link.',
    FORBIDDEN: 'Du har ikke adgang til dette møde.',
    CROSS_ORIGIN: 'Samplan tager kun imod dette fra sine egne sider. Åbn Samplan fra den sædvanlige adresse, og prøv igen.',
    NOT_FOUND: 'Mødet findes ikke. Tjek linket fra din invitation.',
    CONFLICT: 'Det blev ændret af en anden samtidig. Prøv igen.',
    REFUSED: 'Det kan ikke lade sig gøre på dette tidspunkt.',
    TOO_LARGE: 'Det var for meget at sende på én gang.',
    RATE_LIMITED: 'Der var for mange forsøg. Vent et øjeblik, og prøv igen.',
    NOT_JOINED: 'Du er ikke længere med i mødet. Deltag igen.',
    ALREADY_JOINED: 'Du er allerede med i mødet i et andet vindue.',
    ROOM_CLOSED: 'Mødet er slut.',
    REMOVED: 'Værten har taget dig ud af mødet.',
    MEDIA_REJECTED: 'Din lyd eller dit billede kunne ikke sendes. Prøv igen.',
    INTERNAL: 'Der skete en fejl hos os. Prøv igen om lidt.',
    NETWORK: 'Der er ingen forbindelse til Samplan. Tjek internettet.',
    BACK_IN_LOBBY: 'Værten har sendt dig tilbage til venterummet.',
    TIMEOUT: 'Samplan svarer ikke. Prøv igen om lidt.',
    DEVICE_DENIED: 'Samplan må ikke bruge kamera og mikrofon. Giv lov i browseren.',
    DEVICE_MISSING: 'Kamera eller mikrofon blev ikke fundet, eller de bruges af et andet program.',
    SCREEN_SHARE_FAILED: 'Skærmdelingen kunne ikke starte.',
    UNSUPPORTED_BROWSER: 'Denne browser kan ikke vise video. Brug en ny udgave af Chrome, Edge, Firefox eller Safari.',
  } satisfies Record<UiErrorCode, string>,
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Translations = Strings<typeof da>;
