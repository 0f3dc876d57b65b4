// Test-only: an event of every type, built from the shared event schema so a new type is covered without
// editing the tests. Not imported by the server.
import { z } from 'zod';
import { EVENT_PAYLOADS, type EventPayload, type EventType } from '../../shared/schemas/event';

/**
 * How a sample is filled: every string is `text` (so every id names the same team), and every choice (enum,
 * union, literal) takes its first or last option (so both an SOS and another alarm kind are produced).
 */
export interface SampleVariant {
  text: string;
  pick: 'first' | 'last';
}

const AT = '2026-08-01T00:00:00.000Z';

function choose<T>(options: readonly T[], variant: SampleVariant): T {
  const chosen = variant.pick === 'first' ? options[0] : options[options.length - 1];
  if (chosen === undefined) throw new Error('a schema with no options');
  return chosen;
}

/** A value with the schema's shape; refinements (formats, township names) are not honoured. */
function sampleOf(schema: z.core.$ZodType, variant: SampleVariant): unknown {
  if (schema instanceof z.ZodObject) {
    return Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, sampleOf(field, variant)]));
  }
  if (schema instanceof z.ZodArray) return [sampleOf(schema.element, variant)];
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly) {
    return sampleOf(schema.unwrap(), variant);
  }
  if (schema instanceof z.ZodEnum) return choose(schema.options, variant);
  if (schema instanceof z.ZodLiteral) return choose([...schema.values], variant);
  if (schema instanceof z.ZodUnion) return sampleOf(choose(schema.options, variant), variant);
  if (schema instanceof z.ZodPipe) return sampleOf(schema.in, variant);
  if (schema instanceof z.ZodLazy) return sampleOf(schema.unwrap(), variant);
  if (schema instanceof z.ZodRecord) return {};
  if (schema instanceof z.ZodTuple) return schema.def.items.map((item) => sampleOf(item, variant));
  if (schema instanceof z.ZodISODateTime) return AT;
  if (schema instanceof z.ZodString) return variant.text;
  if (schema instanceof z.ZodNumber) return 1;
  if (schema instanceof z.ZodBoolean) return false;
  if (schema instanceof z.ZodNull) return null;
  if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return null;
  throw new Error(`no sample for a ${schema._zod.def.type} schema`);
}

/** A payload of `type` in the shape its schema declares. */
export function samplePayload<T extends EventType>(type: T, variant: SampleVariant): EventPayload<T> {
  // The shape is the schema's own; refinements are not what the routing under test reads.
  return sampleOf(EVENT_PAYLOADS[type], variant) as EventPayload<T>;
}
