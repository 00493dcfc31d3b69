/**
 * What bin/run.cjs loads: oclif's entry points. scripts/bundle.mjs bundles them with
 * @oclif/core (dist/main/run.cjs), so start-up reads one file for the framework.
 * `run` (no exit on errors) is for the build's code-cache training run.
 */
export {execute, run} from '@oclif/core'
