import { describe, expect, test } from 'vitest';
import { illFormedTextIssues } from './wellFormedText.ts';

describe('text PostgreSQL can store', () => {
  test.each<[string, unknown, string[]]>([
    ['plain Danish text', { name: 'Søren Ærø' }, []],
    ['a surrogate pair (an emoji)', { text: 'Hjem 🏡' }, []],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, []],
    ['a lone high surrogate', { name: 'Bo \ud800' }, ['name']],
    ['a lone low surrogate', { name: '\udc00Bo' }, ['name']],
    ['a pair the wrong way round', { name: '\udc00\ud800' }, ['name']],
    ['a high surrogate at the very end', '\ud83c', ['']],
    ['deep in a push', { ops: [{ item: { text: 'ok' } }, { item: { text: 'x\ud800' } }] }, ['ops.1.item.text']],
    ['in a field name', { item: { '\ud800': 'x' } }, ['item']],
  ])('%s', (_name, value, paths) => {
    expect(illFormedTextIssues(value).map((issue) => issue.path)).toEqual(paths);
  });

  test('names at most ten places', () => {
    expect(illFormedTextIssues(Array.from({ length: 50 }, () => '\ud800'))).toHaveLength(10);
  });

  test('walks a value nested deeper than the call stack would go', () => {
    let nested: unknown = '\ud800';
    for (let depth = 0; depth < 100_000; depth++) nested = [nested];
    expect(illFormedTextIssues(nested)).toHaveLength(1);
  });
});
