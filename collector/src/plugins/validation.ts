/**
 * Two Ajv instances: request bodies are validated strictly (no type coercion, no silent
 * removal), so a wrong type is a 400 that names the field; query strings and params are
 * coerced from text as usual.
 */
import { Ajv, type AnySchema } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { protocolSchemas } from '@sightline/protocol';

export function installValidation(app: FastifyInstance): void {
  const strict = new Ajv({
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    allErrors: false,
    discriminator: true,
    allowUnionTypes: true,
  });
  for (const schema of protocolSchemas) strict.addSchema(schema as AnySchema);
  const lenient = new Ajv({
    coerceTypes: 'array',
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
  });

  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : lenient;
    const id = (schema as { $id?: string }).$id;
    return (id && ajv.getSchema(id)) || ajv.compile(schema as AnySchema);
  });
}
