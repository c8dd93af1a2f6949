import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@c360/shared';

// Compiled to dist/tests: the repository root is two levels up.
const ROOT = join(__dirname, '..', '..');

/** Production's V8 flags live in one constant; the image and `npm start` must carry exactly those. */
describe('production runtime flags', () => {
  it('the Docker image sets them in NODE_OPTIONS', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile)?.[1];
    expect(options?.split(' ')).toEqual([...SERVER_NODE_FLAGS]);
  });

  it('npm start passes them to node', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const command = /\bnode ((?:--\S+ )*)dist\/scripts\/start-all\.js/.exec(scripts.start);
    expect(command?.[1].trim().split(' ')).toEqual([...SERVER_NODE_FLAGS]);
  });

  it('are flags this node accepts (an unknown or malformed flag makes node refuse to start)', () => {
    expect(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', "process.stdout.write('started')"], { encoding: 'utf8' })).toBe('started');
    expect(() => execFileSync(process.execPath, ['--max-semi-space-size=sixty-four', '-e', ''], { stdio: 'pipe' })).toThrow();
    // The image passes them in NODE_OPTIONS, where node allows fewer flags than on its command line.
    expect(execFileSync(process.execPath, ['-e', "process.stdout.write('started')"], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: SERVER_NODE_FLAGS.join(' ') } })).toBe('started');
  });
});
