import { describe, expect, it } from 'vitest';
import { redactedPathOf, routeLabelOf } from './routeLabel.ts';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const TOKEN = 'Qm9yZ2VyIGpvaW4gdG9rZW4gZm9yIHRlc3RzIG9ubHk';

describe('redactedPathOf', () => {
  it.each([
    ['/api/episodes', '/api/episodes'],
    [`/api/episodes/${ID}/plan/push`, `/api/episodes/${ID}/plan/push`],
    [`/join/${TOKEN}`, '/join/[redacted]'],
    [`/api/join/${TOKEN}`, '/api/join/[redacted]'],
    ['/api/patients/230437-4128', '/api/patients/[redacted]'],
    ['/api/patients/2304374128', '/api/patients/[redacted]'],
    ['/api/patients/Gudrun%20Logbjerg', '/api/patients/[redacted]'],
    ['/room/demo', '/room/demo'],
    ['/assets/index-B2x9c1.js', '/assets/index-B2x9c1.js'],
    ['/room/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', '/room/[redacted]'],
    ['/fhir/R4', '/fhir/R4'],
    [`/api/day?token=${TOKEN}&name=Gudrun`, '/api/day?token=[redacted]&name=[redacted]'],
    ['/api/day?230437-4128=x', '/api/day?[redacted]=[redacted]'],
  ])('%s → %s', (url, logged) => {
    expect(redactedPathOf(url)).toBe(logged);
  });
});

describe('routeLabelOf', () => {
  it('names the matched pattern under its mount, even after Express has left the router', () => {
    expect(routeLabelOf({ originalUrl: `/api/episodes/${ID}`, baseUrl: '/api', route: { path: '/episodes/:episodeId' } } as never)).toBe('/api/episodes/:episodeId');
    expect(routeLabelOf({ originalUrl: `/api/episodes/${ID}?x=1`, baseUrl: '', route: { path: '/episodes/:episodeId' } } as never)).toBe('/api/episodes/:episodeId');
  });

  it('puts unmatched requests into a few fixed buckets', () => {
    expect(routeLabelOf({ originalUrl: `/api/nothing/${TOKEN}`, baseUrl: '', route: undefined } as never)).toBe('/api/*');
    expect(routeLabelOf({ originalUrl: '/assets/index-B2x9c1.js', baseUrl: '', route: undefined } as never)).toBe('/assets/*');
    expect(routeLabelOf({ originalUrl: `/join/${TOKEN}`, baseUrl: '', route: undefined } as never)).toBe('*');
  });
});
