package io.s2spay.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import io.s2spay.schema.serde.AvroSerdeProperties;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The serde settings in {@code schemas} are spelled the way Apicurio serde 3.1.7 reads them. */
class AvroSerdePropertiesTest {

    private final Map<String, Object> properties = AvroSerdeProperties.forRegistry("http://registry/apis/registry/v3");

    @Test
    void usesOnlyPropertyNamesTheApicurioSerdeKnows() {
        Set<String> known = Stream.of(
                        SerdeConfig.class, AvroSerdeConfig.class, KafkaSerdeConfig.class, SchemaResolverConfig.class)
                .flatMap(type -> Stream.of(type.getFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(AvroSerdePropertiesTest::value)
                .filter(value -> value.startsWith("apicurio."))
                .collect(Collectors.toSet());

        assertThat(known).contains(SerdeConfig.USE_ID, AvroSerdeConfig.USE_SPECIFIC_AVRO_READER);
        assertThat(properties.keySet()).allSatisfy(key -> assertThat(known).contains(key));
    }

    @Test
    void selectsTheConfluentWireFormatAndSpecificRecords() {
        assertThat(properties)
                .containsEntry(SchemaResolverConfig.REGISTRY_URL, "http://registry/apis/registry/v3")
                .containsEntry(SerdeConfig.USE_ID, IdOption.contentId.name())
                .containsEntry(KafkaSerdeConfig.ENABLE_HEADERS, "false")
                .containsEntry(SerdeConfig.ID_HANDLER, io.apicurio.registry.serde.Default4ByteIdHandler.class.getName())
                .containsEntry(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, "true");
    }

    @Test
    void talksToTheRegistryThroughTheJdkHttpClientWhichIsOnTheClasspath() throws Exception {
        assertThat(properties).containsEntry(SchemaResolverConfig.HTTP_ADAPTER, "JDK");
        assertThat(Class.forName("io.kiota.http.jdk.JDKRequestAdapter")).isNotNull();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
