"""Avro encoding of s2spay commands with Python's avro library, for Confluent's legacy Python serde.

s2spay's payloads are unions of records, and several record types there have the same fields (the seven back-office
commands, AuthorizePayment and DebitPayment). Python's avro library chooses a union's branch by the shape of the
value, so it cannot tell them apart: here a branch is named with a (record name, value) pair, as fastavro does.
"""
import io
import struct

import avro.io


class NamedUnionWriter(avro.io.DatumWriter):
    """A DatumWriter that writes a union's value given as (record name, value) in that named branch."""

    def write(self, datum, encoder):
        # the library's up-front validation does not know the (name, value) form; write_data still checks every value
        self.write_data(self.writers_schema, datum, encoder)

    def write_union(self, writers_schema, datum, encoder):
        if isinstance(datum, tuple):
            name, value = datum
            for index, branch in enumerate(writers_schema.schemas):
                if getattr(branch, "name", None) == name or getattr(branch, "fullname", None) == name:
                    encoder.write_long(index)
                    return self.write_data(branch, value, encoder)
            raise avro.errors.AvroTypeException(writers_schema, datum)
        return super().write_union(writers_schema, datum, encoder)


def confluent_encode(schema_id, schema, datum):
    """The Confluent wire format: magic byte 0, the schema's 4-byte id, the Avro binary encoding."""
    out = io.BytesIO()
    out.write(struct.pack(">bI", 0, schema_id))
    NamedUnionWriter(schema).write(datum, avro.io.BinaryEncoder(out))
    return out.getvalue()
