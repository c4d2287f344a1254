import type { Page } from '@playwright/test';

/** The GETs of the day and the conferences a page makes, with when: a page that follows pushes makes none on its own. */
export function watchReads(page: Page): Array<{ at: number; path: string }> {
  const reads: Array<{ at: number; path: string }> = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'GET' && (path === '/api/day' || path.startsWith('/api/conferences/'))) reads.push({ at: Date.now(), path });
  });
  return reads;
}
