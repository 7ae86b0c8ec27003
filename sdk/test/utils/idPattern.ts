import { pageviewEventSchema } from '@sightline/protocol';

/** The collector's pattern for ids (event and session), straight from the wire schema. */
export const idString = new RegExp(pageviewEventSchema.properties.id.pattern);
