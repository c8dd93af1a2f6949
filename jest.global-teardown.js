// Removes the PGlite template written by jest.global-setup.js.
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const dir = globalThis.__C360_PGLITE_TEMPLATE_DIR__;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
