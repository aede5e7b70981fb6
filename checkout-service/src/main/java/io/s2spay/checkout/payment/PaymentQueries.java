package io.s2spay.checkout.payment;

import io.s2spay.checkout.web.FieldError;
import io.s2spay.checkout.web.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the query parameters of {@code GET /v1/payments}, naming every one that is wrong. */
final class PaymentQueries {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS =
            Set.of("limit", "starting_after", "merchantTransactionId", "status", "created[gte]", "created[lt]");

    private PaymentQueries() {}

    static PaymentQuery parse(
            String limit,
            String startingAfter,
            String merchantTransactionId,
            String status,
            String createdFrom,
            String createdBefore,
            Set<String> given) {
        List<FieldError> errors = new ArrayList<>();
        new TreeSet<>(given)
                .stream()
                        .filter(name -> !PARAMETERS.contains(name))
                        .forEach(name -> errors.add(new FieldError(safe(name), "unknown query parameter")));
        int pageSize = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                pageSize = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (startingAfter != null && !PaymentIds.isWellFormed(startingAfter)) {
            errors.add(new FieldError("starting_after", "must be a payment id such as pay_…"));
        }
        if (merchantTransactionId != null
                && !PaymentRequestValidator.MERCHANT_TRANSACTION_ID
                        .matcher(merchantTransactionId)
                        .matches()) {
            errors.add(new FieldError("merchantTransactionId", "must be 1 to 255 letters, digits or ._:/#+@-"));
        }
        LifecycleStatus lifecycle = null;
        if (status != null) {
            lifecycle = LifecycleStatus.fromApiName(status);
            if (lifecycle == null) {
                errors.add(new FieldError(
                        "status",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        java.util.Arrays.stream(LifecycleStatus.values())
                                                .map(LifecycleStatus::apiName)
                                                .toList())));
            }
        }
        Instant from = instant("created[gte]", createdFrom, errors);
        Instant before = instant("created[lt]", createdBefore, errors);
        if (from != null && before != null && !from.isBefore(before)) {
            errors.add(new FieldError("created[lt]", "must be later than created[gte]"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PaymentQuery(pageSize, startingAfter, merchantTransactionId, lifecycle, from, before);
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    private static String safe(String name) {
        String printable = name.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
