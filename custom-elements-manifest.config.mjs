export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  outdir: '.',
};
