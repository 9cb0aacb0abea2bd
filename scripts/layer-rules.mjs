// The layer table of the architecture as `no-restricted-imports` rules, one config block per layer.
const layers = ['i18n', 'domain', 'contract', 'storage', 'services', 'server', 'main', 'preload', 'renderer'];

/** Which other layers and which packages each layer may import (see docs/architecture.md). */
const allowed = {
  i18n: { layers: [], packages: [] },
  domain: { layers: ['i18n'], packages: [] },
  contract: { layers: ['domain'], packages: ['zod'] },
  storage: { layers: ['domain'], packages: ['better-sqlite3', 'node:*'] },
  services: {
    layers: ['domain', 'contract', 'storage'],
    packages: ['zod', 'node:*'],
    typeOnlyPackages: ['better-sqlite3'],
  },
  server: { layers: ['i18n', 'domain', 'contract', 'storage', 'services'], packages: ['*'] },
  main: { layers: ['server', 'contract'], packages: ['electron', 'node:*'] },
  preload: { layers: [], typeOnlyLayers: ['contract'], packages: ['electron'] },
  renderer: {
    layers: ['i18n', 'contract', 'domain'],
    packages: [
      'react',
      'react-dom',
      'react-i18next',
      'i18next',
      'wavesurfer.js',
      '@tanstack/*',
      'react-resizable-panels',
      'zod',
    ],
  },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const packagePattern = (name) =>
  name === '*'
    ? '.*'
    : name === 'node:*'
      ? 'node:.*'
      : name.endsWith('/*')
        ? `${escape(name.slice(0, -1))}.*`
        : `${escape(name)}(/.*)?`;

/** One block of rules per layer; tests next to the code are exempt (they may use Node and test tools). */
export function layerImportRules() {
  return layers
    .map((layer) => {
      const rule = allowed[layer];
      const foreignLayers = layers.filter((other) => other !== layer && !rule.layers.includes(other));
      const strictlyForeign = foreignLayers.filter((other) => !(rule.typeOnlyLayers ?? []).includes(other));
      const typeOnlyLayers = rule.typeOnlyLayers ?? [];
      const packages = rule.packages.map(packagePattern).join('|');
      const typeOnlyPackages = (rule.typeOnlyPackages ?? []).map(packagePattern).join('|');
      const patterns = [];
      if (strictlyForeign.length > 0) {
        patterns.push({
          regex: `^\\.{1,2}/(.*/)?(${strictlyForeign.join('|')})(/|$)`,
          message: `The ${layer} layer may not import from: ${strictlyForeign.join(', ')} (docs/architecture.md).`,
        });
      }
      if (typeOnlyLayers.length > 0) {
        patterns.push({
          regex: `^\\.{1,2}/(.*/)?(${typeOnlyLayers.join('|')})(/|$)`,
          allowTypeImports: true,
          message: `The ${layer} layer may import only types from: ${typeOnlyLayers.join(', ')}.`,
        });
      }
      const bareAllowed = [packages, typeOnlyPackages].filter(Boolean).join('|');
      patterns.push({
        regex: bareAllowed ? `^(?!\\.|(${bareAllowed})$)` : '^(?!\\.)',
        message: `The ${layer} layer may import only these packages: ${[...rule.packages, ...(rule.typeOnlyPackages ?? [])].join(', ') || 'none'}.`,
      });
      if (typeOnlyPackages) {
        patterns.push({
          regex: `^(${typeOnlyPackages})$`,
          allowTypeImports: true,
          message: `The ${layer} layer may import only types from: ${rule.typeOnlyPackages.join(', ')}.`,
        });
      }
      const block = {
        files: [`src/${layer}/**/*.{ts,tsx}`],
        ignores: [`src/${layer}/**/*.test.{ts,tsx}`],
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
      };
      return layer === 'renderer' ? [block, ...rendererFeatureRules(patterns)] : [block];
    })
    .flat();
}

/**
 * Inside the renderer, screens (src/renderer/src/screens/) compose features; a feature never imports a screen, and
 * call/ never imports review/ (review builds on call), so no two features import each other in a circle. The
 * renderer's layer patterns are repeated in each block: a later block's options replace an earlier one's.
 */
function rendererFeatureRules(layerPatterns) {
  const noScreens = {
    regex: '^\\.\\./screens(/|$)',
    message: 'A renderer feature may not import a screen: screens compose features (docs/architecture.md).',
  };
  const callNotReview = {
    regex: '^\\.\\./review(/|$)',
    message: 'call/ may not import review/: review builds on call; compose both in screens/.',
  };
  const rule = (extra) => ({
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...layerPatterns, ...extra] }],
  });
  return [
    {
      files: ['src/renderer/src/*/**/*.{ts,tsx}'],
      ignores: ['src/renderer/src/screens/**', 'src/renderer/src/**/*.test.{ts,tsx}'],
      rules: rule([noScreens]),
    },
    {
      files: ['src/renderer/src/call/**/*.{ts,tsx}'],
      ignores: ['src/renderer/src/**/*.test.{ts,tsx}'],
      rules: rule([noScreens, callNotReview]),
    },
  ];
}
