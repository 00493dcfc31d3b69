/** JSON Schema of the config, derived from the same zod schema that validates it. */
import * as z from 'zod/mini'
import {configSchema} from './config-schema.js'
import {textsJsonSchema, textsSchema} from '../integration/integration.js'

export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    // `texts` is validated key by key (integration.ts); editors get the object with every key.
    override: (ctx) => {
      if (ctx.zodSchema !== textsSchema) return
      const {$schema, ...texts} = z.toJSONSchema(textsJsonSchema(), {io: 'input'}) as Record<string, unknown>
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key]
      Object.assign(ctx.jsonSchema, texts)
    },
  }) as Record<string, unknown>
  return {...schema, $id: 'https://github.com/gwe-int/gwe-int/schema/gwe-int.schema.json', title: 'gwe-int config'}
}
