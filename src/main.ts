/**
 * What bin/run.cjs loads: oclif's entry points. scripts/bundle.mjs bundles them with
 * @oclif/core (dist/main/run.cjs), so start-up reads one file for the framework.
 * `run` (no exit on errors) is for the build's code-cache training run.
 */
// Subpath imports: the package index would initialize every module of @oclif/core
// (ux, help rendering, parser, ...) before any command runs (start-up time).
export {execute} from '@oclif/core/execute'
export {run} from '@oclif/core/run'
