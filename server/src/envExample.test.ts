import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES } from './config.ts';

const root = new URL('../../', import.meta.url);
const lines = readFileSync(new URL('.env.example', root), 'utf8').split('\n');
const assignment = /^([A-Z][A-Z0-9_]*)=/;

describe('.env.example', () => {
  it('lists exactly the variables config.ts reads', () => {
    const listed = lines.flatMap((line) => assignment.exec(line)?.[1] ?? []);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('says what each one is for, in a comment just above it or its group', () => {
    const uncommented = lines.flatMap((line, index) => {
      const name = assignment.exec(line)?.[1];
      if (name === undefined) return [];
      let above = index - 1;
      while (above >= 0 && assignment.test(lines[above]!)) above--;
      return above >= 0 && lines[above]!.startsWith('#') ? [] : [name];
    });
    expect(uncommented).toEqual([]);
  });

  it('has every variable in the README configuration table too', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    expect(ENVIRONMENT_VARIABLES.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });
});
