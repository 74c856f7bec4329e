/**
 * Keeps the manifest to the public API (no stylesheets, no private members) and lists its
 * modules by path: the files are found in directory order, which differs between checkouts,
 * and the manifest must be the same wherever it is generated.
 */
function dropStyles() {
  return {
    name: 'drop-static-styles',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members)
            decl.members = decl.members.filter((m) => !(m.static && m.name === 'styles') && m.privacy !== 'private');
          // Public is the default: the analyser writes it only for properties declared in Lit's
          // static `properties`, not for those declared with decorators; one form for both.
          for (const m of decl.members ?? []) if (m.privacy === 'public') delete m.privacy;
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.styles.ts',
    'src/elements/*/layout.ts',
    'src/elements/shared/styles.ts',
    'src/elements/shared/scale.ts',
    'src/elements/*/strings.ts',
  ],
  litelement: true,
  outdir: '.',
  plugins: [dropStyles()],
};
