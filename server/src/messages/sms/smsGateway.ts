import { DeliveryError } from '../deliveryError.ts';

export interface OutgoingSms {
  /** +<country><number> */
  readonly to: string;
  readonly text: string;
  /** Stable per outbox row: a gateway that keeps references can drop a repeat. */
  readonly reference: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<void>;
}

const TIMEOUT_MS = 15_000;

/**
 * A provider-neutral HTTP SMS gateway: POST <url> with JSON
 * {"to": "+4520123456", "text": "…", "reference": "<id>"} and
 * "Authorization: Bearer <key>"; any 2xx is accepted. A provider with another
 * shape gets a small proxy in front, not a branch here.
 */
export function httpSmsGateway(url: string, key: string): SmsSender {
  return {
    async send(sms) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (caught) {
        throw new DeliveryError(`SMS gateway not reached: ${(caught as Error).message}`, false);
      }
      if (response.ok) return;
      const said = (await response.text().catch(() => '')).slice(0, 200);
      // 4xx says the request is wrong (a number the gateway refuses, a bad key): trying again will not help; 408 and 429 are "later".
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new DeliveryError(`SMS gateway answered ${response.status}${said ? `: ${said}` : ''}`, permanent);
    },
  };
}
