package io.s2spay.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One value of every part of a schema, made from the schema alone: each optional field set (a union's first
 * non-null branch), strings named after their field, numbers counted up. Used to put every event type on a topic,
 * and to say in plain JSON (a union as its value, a timestamp in epoch milliseconds) what a reader must decode.
 */
final class SampleRecords {

    private static final long OCCURRED_AT = 1_796_000_000_123L;

    private long counter = 1;

    /** An envelope of {@code envelope}'s schema carrying {@code payloadType} as its payload. */
    GenericRecord envelope(Schema envelope, Schema payloadType, String paymentId) {
        GenericRecord record = new GenericData.Record(envelope);
        for (Schema.Field field : envelope.getFields()) {
            Object value = switch (field.name()) {
                case "paymentId" -> paymentId;
                case "payload" -> value(payloadType, payloadType.getName());
                default -> value(field.schema(), field.name());
            };
            record.put(field.pos(), value);
        }
        return record;
    }

    private Object value(Schema schema, String name) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), value(field.schema(), field.name()));
                }
                yield record;
            }
            case UNION -> {
                Schema branch = schema.getTypes().stream()
                        .filter(type -> type.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElseThrow();
                yield value(branch, name);
            }
            case ENUM ->
                new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get((int)
                        (counter++ % schema.getEnumSymbols().size())));
            case STRING -> name + "-" + counter++;
            case LONG ->
                schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                        ? OCCURRED_AT + counter++
                        : 1000 + counter++;
            case INT -> (int) (10 + counter++);
            case BOOLEAN -> counter++ % 2 == 0;
            case MAP -> Map.of(name + "-key", value(schema.getValueType(), name));
            case ARRAY -> List.of(value(schema.getElementType(), name));
            case DOUBLE -> 0.5 + counter++;
            case FLOAT -> 0.25f + counter++;
            case NULL -> null;
            default -> throw new IllegalArgumentException("no sample for " + schema);
        };
    }

    /** {@code value} as a reader without the union's names sees it: records as objects, unions as their value. */
    static Object plain(Object value) {
        if (value instanceof GenericRecord record) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                object.put(field.name(), plain(record.get(field.pos())));
            }
            return object;
        }
        if (value instanceof GenericData.EnumSymbol symbol) {
            return symbol.toString();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((key, entry) -> object.put(key.toString(), plain(entry)));
            return object;
        }
        if (value instanceof List<?> list) {
            List<Object> array = new ArrayList<>();
            list.forEach(element -> array.add(plain(element)));
            return array;
        }
        return value;
    }
}
