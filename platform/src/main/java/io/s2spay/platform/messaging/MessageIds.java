package io.s2spay.platform.messaging;

import java.util.UUID;

/** Ids of messages: random UUIDs, so that any service can mint them without coordination. */
public final class MessageIds {

    private MessageIds() {}

    /** A new, unique message id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
