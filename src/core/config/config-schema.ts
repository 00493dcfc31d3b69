/**
 * The config's shape: the file names gwe-int looks for, the JSON Schema reference it
 * writes, and the zod schema every read validates against (built from the catalogue
 * through integrationSchema).
 */
import * as z from 'zod/mini'
import {findMedium} from '../../catalog/media.js'
import {integrationSchema} from '../integration/integration.js'

export const CONFIG_NAMES = ['gwe-int.config.json', 'gwe-int.config.yaml', 'gwe-int.config.yml']
export const SCHEMA_REF = './node_modules/gwe-int/schema/gwe-int.schema.json'
export const configSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    integrations: z.array(integrationSchema).check(z.describe('The integrations gwe-int generates')),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Map<string, number>()
      config.integrations.forEach((entry, index) => {
        const first = seen.get(entry.name)
        if (first !== undefined)
          ctx.addIssue({code: 'custom', path: ['integrations', index, 'name'], message: `duplicate name "${entry.name}" (also integrations[${first}])`})
        else seen.set(entry.name, index)
        // A recorded entry is complete: the widget's URL needs the GMS host unless widgetUrl gives it.
        // (Not in integrationSchema, which also checks flags before `new` fills in defaults.)
        const medium = findMedium(entry.media)
        if (medium?.requires.includes('host') && entry.host === undefined && entry.widgetUrl === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['integrations', index, 'host'],
            message: `required for ${medium.id}: the GMS base URL (https://host[:port]), or give widgetUrl`,
          })
      })
    }),
  )

export type Config = z.infer<typeof configSchema>
