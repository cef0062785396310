import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Integration tests build real sites; give them room on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
