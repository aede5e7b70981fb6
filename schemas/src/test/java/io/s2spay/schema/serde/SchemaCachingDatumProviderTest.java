package io.s2spay.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.s2spay.schema.GatewayAccountRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SchemaCachingDatumProviderTest {

    private final SchemaCachingDatumProvider<SpecificRecord> provider = configured();

    @Test
    void theSerdePropertiesSelectIt() {
        assertThat(AvroSerdeProperties.forRegistry("http://registry/apis/registry/v3"))
                .containsEntry(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaCachingDatumProvider.class.getName());
    }

    @Test
    void oneReaderAndOneWriterPerSchemaDecodingIntoTheGeneratedClass() throws IOException {
        GatewayAccountRef ref = new GatewayAccountRef("tokens", "shop-se");
        Schema schema = GatewayAccountRef.getClassSchema();

        DatumWriter<SpecificRecord> writer = provider.createDatumWriter(ref, schema);
        DatumReader<SpecificRecord> reader = provider.createDatumReader(schema);

        assertThat(provider.createDatumWriter(new GatewayAccountRef("opp", "a"), schema))
                .isSameAs(writer);
        assertThat(provider.createDatumReader(schema)).isSameAs(reader);
        // an equal schema parsed anew (as from the registry) finds the same reader
        assertThat(provider.createDatumReader(new Schema.Parser().parse(schema.toString())))
                .isSameAs(reader);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Encoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        writer.write(ref, encoder);
        encoder.flush();
        SpecificRecord decoded = reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertThat(decoded).isInstanceOf(GatewayAccountRef.class).isEqualTo(ref);
    }

    @Test
    void differentSchemasGetDifferentReaders() {
        Schema older = SchemaBuilder.record("GatewayAccountRef")
                .namespace("io.s2spay.schema")
                .fields()
                .requiredString("gateway")
                .endRecord();

        assertThat(provider.createDatumReader(older))
                .isNotSameAs(provider.createDatumReader(GatewayAccountRef.getClassSchema()));
    }

    @Test
    void everNewSchemasDoNotGrowTheCacheWithoutBound() {
        SchemaCachingDatumProvider<Object> generic = new SchemaCachingDatumProvider<>();
        for (int i = 0; i < SchemaCachingDatumProvider.MAX_ENTRIES * 3; i++) {
            Schema schema =
                    SchemaBuilder.record("R" + i).fields().requiredLong("n").endRecord();
            generic.createDatumWriter(new GenericData.Record(schema), schema);
        }

        assertThat(generic.cached()).isLessThanOrEqualTo(SchemaCachingDatumProvider.MAX_ENTRIES);
    }

    private static SchemaCachingDatumProvider<SpecificRecord> configured() {
        SchemaCachingDatumProvider<SpecificRecord> provider = new SchemaCachingDatumProvider<>();
        provider.configure(new AvroSerdeConfig(AvroSerdeProperties.forRegistry("http://registry/apis/registry/v3")));
        return provider;
    }
}
