import { afterEach, beforeEach, expect, vi } from 'vitest';

// Preview annotations (preview.ts, addon-a11y) are applied by @storybook/addon-vitest itself.
// A story that logs an error to the console fails, whatever else it shows.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = errorSpy.mock.calls.map((c) => c.map(String).join(' '));
  errorSpy.mockRestore();
  expect(calls, 'console errors while rendering the story').toEqual([]);
});
