/**
 * What bin/run.js loads: oclif's entry point. scripts/bundle.mjs bundles it with
 * @oclif/core (dist/main/run.cjs), so start-up reads one file for the framework.
 */
export {execute} from '@oclif/core'
