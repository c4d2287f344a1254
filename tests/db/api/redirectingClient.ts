// A browser without a screen, for sign-ins that go through redirects and
// another server's HTML forms: it keeps cookies per host (as a browser does,
// whatever the port), follows redirects one at a time, and stops where the
// test says it has arrived.

export interface Page {
  url: URL;
  status: number;
  text: string;
}

export class RedirectingClient {
  readonly #cookies = new Map<string, Map<string, string>>();

  /** The cookie a server set on this browser, as it would send it. */
  cookie(host: string, name: string): string | undefined {
    return this.#cookies.get(host)?.get(name);
  }

  /**
   * Goes to `url` and follows redirects until a page answers without one,
   * or until `stopAt` says a location is where the test wants to look
   * (that location is then returned unvisited, with status 0).
   */
  async go(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}, stopAt: (location: URL) => boolean = () => false): Promise<Page> {
    let next = new URL(url);
    let method = init.method ?? (init.form ? 'POST' : 'GET');
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop++) {
      const headers: Record<string, string> = {};
      const jar = this.#cookies.get(next.hostname);
      if (jar !== undefined && jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(next, { method, headers, body, redirect: 'manual' });
      this.#keep(next.hostname, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return { url: next, status: response.status, text: await response.text() };
      await response.body?.cancel();
      next = new URL(location, next);
      method = 'GET';
      body = undefined;
      if (stopAt(next)) return { url: next, status: 0, text: '' };
    }
    throw new Error(`more than 20 redirects, last to ${next.href}`);
  }

  #keep(host: string, setCookies: string[]): void {
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    this.#cookies.set(host, jar);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()));
      if (expired || value.length === 0) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

/** The action of the first form on a page, absolute. */
export function formAction(page: Page): URL {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
  if (action === undefined) throw new Error(`no form on ${page.url.href} (${page.status}):\n${page.text.slice(0, 500)}`);
  return new URL(action.replaceAll('&amp;', '&'), page.url);
}

/** The target of the link with this text, absolute. */
export function linkTo(page: Page, text: string): URL {
  const href = new RegExp(`<a[^>]*href="([^"]+)"[^>]*>\\s*${text.replace(/[[\]]/g, '\\$&')}`).exec(page.text)?.[1];
  if (href === undefined) throw new Error(`no link "${text}" on ${page.url.href}`);
  return new URL(href.replaceAll('&amp;', '&'), page.url);
}
