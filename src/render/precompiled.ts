/**
 * The built-in templates, precompiled: template file (relative to templates/) -> a
 * function returning its Handlebars template spec (called when a run first renders it).
 * `npm run build` replaces this module's compiled output (dist/tsc/render/precompiled.js,
 * before bundling) with the one scripts/precompile-templates.mjs generates from
 * templates/ (see precompile.ts), so the CLI compiles nothing at run time. This source
 * version is only used when running from sources (vitest): `undefined` tells
 * templates.ts to compile templates/ on the fly.
 */
// TemplateSpecification: a global interface declared by the handlebars types.
export const PRECOMPILED: Readonly<Record<string, () => TemplateSpecification>> | undefined = undefined
