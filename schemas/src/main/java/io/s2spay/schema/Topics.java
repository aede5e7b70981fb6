package io.s2spay.schema;

/** The Kafka topics of the s2spay contract; every record's key is the payment id. */
public final class Topics {

    /** Initial payment commands (PA, DB, stored credentials), read by the payment executor. */
    public static final String PAYMENT_COMMANDS = "s2spay.payment.commands";

    /** Back-office commands (CP, RV, RF, RB, CB, CR, RC), read by the back-office service. */
    public static final String BACKOFFICE_COMMANDS = "s2spay.backoffice.commands";

    /** Every step of every payment, read by checkout, the poller, back-office and dashboards. */
    public static final String PAYMENT_EVENTS = "s2spay.payment.events";

    /** Suffix of the dead-letter topic that error handlers write undeliverable records to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The schema-registry subject of a topic's values (Confluent's TopicNameStrategy). */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
