import {
  type Ack,
  type ErrorBody,
  illFormedTextIssues,
  isRequestName,
  issuesFromZod,
  MAX_REQUEST_BYTES,
  type ParsedRequestOf,
  type RequestName,
  requests,
  type ResponseOf,
  SamplanError,
} from '@samplan/shared';
import type { Logger } from '../logger.ts';

export type Handler<K extends RequestName, Context> = (context: Context, request: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;

/** One handler per request name: a request added to the protocol without a handler does not compile. */
export type Handlers<Context> = { [K in RequestName]: Handler<K, Context> };

type AckCallback = (response: Ack<unknown>) => void;

export type Dispatcher<Context> = {
  /** Handles one incoming Socket.IO event (name and arguments as received, ack last) and always answers through the ack. */
  dispatch(context: Context, event: unknown, args: readonly unknown[]): Promise<void>;
  /** Answers an event without handling it. */
  refuse(args: readonly unknown[], error: SamplanError): void;
};

function splitAck(args: readonly unknown[]): { payloads: readonly unknown[]; ack: AckCallback | undefined } {
  const last = args.at(-1);
  return typeof last === 'function' ? { payloads: args.slice(0, -1), ack: last as AckCallback } : { payloads: args, ack: undefined };
}

function jsonBytes(value: unknown): number {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : Buffer.byteLength(text);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function createDispatcher<Context>(handlers: Handlers<Context>, logger: Logger): Dispatcher<Context> {
  function answer(ack: AckCallback | undefined, response: Ack<unknown>): void {
    if (ack === undefined) return;
    try {
      ack(response);
    } catch (error) {
      logger.warn({ err: error }, 'ack could not be sent');
    }
  }

  function errorBody(error: unknown, event: unknown): ErrorBody {
    if (error instanceof SamplanError) {
      logger.debug({ event, code: error.code }, 'request refused');
      return error.toBody();
    }
    logger.error({ err: error, event }, 'request failed');
    return { code: 'INTERNAL', message: 'The server failed to handle the request.' };
  }

  function run<K extends RequestName>(name: K, payload: unknown, context: Context): Promise<ResponseOf<K>> {
    const parsed = requests[name].request.safeParse(payload);
    if (!parsed.success) throw new SamplanError('BAD_REQUEST', `Malformed ${name} request.`, issuesFromZod(parsed.error));
    const handler: Handler<K, Context> = handlers[name];
    return handler(context, parsed.data as ParsedRequestOf<K>);
  }

  async function handle(context: Context, event: unknown, payloads: readonly unknown[]): Promise<unknown> {
    if (typeof event !== 'string' || !isRequestName(event)) throw new SamplanError('BAD_REQUEST', 'Unknown request.');
    if (payloads.length !== 1) throw new SamplanError('BAD_REQUEST', 'A request carries exactly one payload object.');
    // Measured before validation so that a huge payload costs one serialisation, not a schema walk.
    if (jsonBytes(payloads[0]) > MAX_REQUEST_BYTES) {
      throw new SamplanError('TOO_LARGE', `A request may be at most ${MAX_REQUEST_BYTES} bytes.`);
    }
    const illFormed = illFormedTextIssues(payloads[0]);
    if (illFormed.length > 0) throw new SamplanError('BAD_REQUEST', `The ${event} request has text that is not valid Unicode.`, illFormed);
    return run(event, payloads[0], context);
  }

  return {
    async dispatch(context, event, args) {
      const { payloads, ack } = splitAck(args);
      try {
        const data = await handle(context, event, payloads);
        answer(ack, { ok: true, data });
      } catch (error) {
        answer(ack, { ok: false, error: errorBody(error, typeof event === 'string' ? event.slice(0, 64) : typeof event) });
      }
    },
    refuse(args, error) {
      answer(splitAck(args).ack, { ok: false, error: error.toBody() });
    },
  };
}
