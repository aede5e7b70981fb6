package io.s2spay.schema;

import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.command.PaymentCommandEnvelope;
import io.s2spay.schema.event.PaymentEventEnvelope;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** The Kafka topics of the s2spay contract; every record's key is the payment id. */
public final class Topics {

    /** Initial payment commands (PA, DB, stored credentials), read by the payment executor. */
    public static final String PAYMENT_COMMANDS = "s2spay.payment.commands";

    /** Back-office commands (CP, RV, RF, RB, CB, CR, RC), read by the back-office service. */
    public static final String BACKOFFICE_COMMANDS = "s2spay.backoffice.commands";

    /** Every step of every payment, read by checkout, the poller, back-office and dashboards. */
    public static final String PAYMENT_EVENTS = "s2spay.payment.events";

    /**
     * Internal: the back-office transactions (CB, CR, RC) a gateway reported and its query endpoint confirmed, from
     * the status-poller to back-office ({@code io.s2spay.schema.internal.OppTransactionReported}). Not for other
     * systems: its shape follows the gateway and may change with it.
     */
    public static final String OPP_TRANSACTIONS = "s2spay.opp.transactions";

    /** Suffix of the dead-letter topic that error handlers write undeliverable records to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Map<String, Class<? extends SpecificRecord>> VALUE_TYPES = Map.of(
            PAYMENT_COMMANDS, PaymentCommandEnvelope.class,
            BACKOFFICE_COMMANDS, BackofficeCommandEnvelope.class,
            PAYMENT_EVENTS, PaymentEventEnvelope.class);

    private Topics() {}

    /** The envelope the values of each contract topic carry (one schema per topic, subject {@code <topic>-value}). */
    public static Map<String, Class<? extends SpecificRecord>> valueTypes() {
        return VALUE_TYPES;
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The schema-registry subject of a topic's values (Confluent's TopicNameStrategy). */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
