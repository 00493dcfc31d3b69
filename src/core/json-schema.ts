/** JSON Schema of the config, derived from the same zod schema that validates it. */
import {z} from 'zod'
import {configSchema} from './config-schema.js'

export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, {io: 'input', unrepresentable: 'any'}) as Record<string, unknown>
  return {...schema, $id: 'https://github.com/gwe-int/gwe-int/schema/gwe-int.schema.json', title: 'gwe-int config'}
}
