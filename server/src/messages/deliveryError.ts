/**
 * Why a mail server or SMS gateway did not take a message. Permanent: trying
 * again will not help (an address refused, a request the gateway rejects);
 * otherwise the worker tries again later. `detail` is what staff and the
 * engineer on call read; it never holds the message's text.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(detail: string, permanent: boolean) {
    super(detail);
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}
