import type { ConferenceRoomClaims } from '../../auth/roomToken.ts';
import type { Config } from '../../config.ts';
import type { MediaService } from '../../media/mediaService.ts';
import type { CallPresence } from '../../record/conferences/callPresence.ts';
import type { Handlers } from '../dispatcher.ts';
import type { Session } from '../socketSession.ts';
import type { PlanConnection } from '../planSignalling.ts';

/** What every request handler may use. */
export type HandlerContext = {
  session: Session;
  media: MediaService;
  config: Pick<Config, 'secret' | 'turnUrls' | 'turnSecret'>;
  /** The care plan in the call; absent on a server started without a clinical record. */
  plan?: PlanConnection;
  /**
   * Whether the person a conference token was issued to may still be in the
   * call (record/conferences/admitToCall.ts); absent without a clinical
   * record, and then conference tokens are refused.
   */
  admitToCall?: (claims: ConferenceRoomClaims) => Promise<void>;
  /** Who is in which conference's call; absent on a server started without a clinical record. */
  presence?: CallPresence;
};

type RequestFamily<Prefix extends string> = Extract<keyof Handlers<HandlerContext>, `${Prefix}:${string}`>;

/** The handlers of one family of requests (`room:`, `transport:`, …); all of them, or it does not compile. */
export type FamilyHandlers<Prefix extends string> = Pick<Handlers<HandlerContext>, RequestFamily<Prefix>>;
