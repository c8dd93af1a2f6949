import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@c360/shared/service/runtime-flags';
import type { CapturedStatement } from '../measure/statement-capture';
import type { FloorResult } from './floor-main';

/** Runs the floor in its own child process, so its CPU is not mixed with the load generator's. */
export async function runFloor(databaseUrl: string, statements: CapturedStatement[], pages: number): Promise<FloorResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const file = join(dir, 'statements.json');
  writeFileSync(file, JSON.stringify(statements));
  try {
    return await new Promise<FloorResult>((resolve, reject) => {
      const child = fork(join(__dirname, 'floor-main.js'), [], {
        // The same runtime as the platform's servers (production's V8 flags, NODE_ENV).
        execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS],
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, FLOOR_STATEMENTS: file, FLOOR_PAGES: String(pages) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let result: FloorResult | undefined;
      child.on('message', (message: { type: string; result: FloorResult }) => {
        if (message.type === 'floor') result = message.result;
      });
      child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`floor process exited with ${code} without a result`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
