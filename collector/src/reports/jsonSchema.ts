/** Small JSON Schema pieces the report answers are written with. */
export const int = { type: 'integer' } as const;
export const str = { type: 'string' } as const;
export const num = { type: 'number' } as const;
export const nullableNum = { type: ['number', 'null'] } as const;
export const nullableStr = { type: ['string', 'null'] } as const;

export const obj = <P extends Record<string, object>>(properties: P) =>
  ({ type: 'object', properties }) as const;
export const list = <P extends Record<string, object>>(properties: P) =>
  ({ type: 'array', items: obj(properties) }) as const;
