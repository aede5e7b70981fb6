package io.s2spay.backoffice.operation;

import io.s2spay.domain.lifecycle.TransactionType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives the gateway reference of a back-office operation from what identifies it. */
final class OperationIds {

    /**
     * Prefix of the operation ids of operations the gateway reported itself (the bank's chargebacks, their reversals,
     * receipts), reserved so that no merchant operation can share one.
     */
    static final String REPORTED_PREFIX = "gateway:";

    private OperationIds() {}

    /** The operation id of the operation the gateway reported as its transaction {@code gatewayTransactionId}. */
    static String reported(String gatewayTransactionId) {
        return REPORTED_PREFIX + gatewayTransactionId;
    }

    /**
     * The operation's merchantTransactionId: the same (payment, operation) always gives the same value, so a
     * resubmission after a crash or a lost answer is recognised by the gateway's duplicate check and found by the
     * query endpoint. Hashed because operation ids are the caller's free text; 35 characters of OPP's safe set.
     */
    static String merchantTransactionId(TransactionType type, String paymentId, String operationId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((paymentId + '\u0000' + operationId).getBytes(StandardCharsets.UTF_8));
            return type.name() + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
