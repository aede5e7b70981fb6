package io.s2spay.domain.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payment lifecycle, read from the table {@code payment-lifecycle.table} beside this class (in the manner of
 * Kill Bill's {@code PaymentStates.xml}): one row per legal (transaction type, state, outcome) → state. Everything
 * a service needs to know about states comes from it: which move is legal, which state is final, which states may
 * still move to a given one (the SQL guards), and from where an operation may start. {@link PaymentPosition}
 * interprets events with it.
 */
public final class PaymentLifecycle {

    static final String TABLE = "payment-lifecycle.table";

    private static final Map<TransactionType, Map<PaymentState, Map<Outcome, PaymentState>>> ROWS = load();
    private static final Set<PaymentState> FINAL_STATES = computeFinalStates();

    private PaymentLifecycle() {}

    /** The state a transaction of {@code type} with {@code outcome} moves a payment in {@code from} to, if legal. */
    public static Optional<PaymentState> next(PaymentState from, TransactionType type, Outcome outcome) {
        return Optional.ofNullable(ROWS.get(type).getOrDefault(from, Map.of()).get(outcome));
    }

    /** Whether the table has a row for (type, from, outcome). */
    public static boolean isLegal(PaymentState from, TransactionType type, Outcome outcome) {
        return next(from, type, outcome).isPresent();
    }

    /** Whether a transaction of {@code type} may start on a payment in {@code state} (an operation's state rule). */
    public static boolean allows(TransactionType type, PaymentState state) {
        return ROWS.get(type).containsKey(state);
    }

    /** The states no initial transaction (PA, DB) leaves: the initial payment's outcome is settled. */
    public static Set<PaymentState> finalStates() {
        return FINAL_STATES;
    }

    /** The states an initial transaction may still move out of. */
    public static Set<PaymentState> openStates() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(FINAL_STATES)));
    }

    /**
     * The other states from which the initial payment's events may move it to {@code to}: the guard of an update
     * that must never undo a settled outcome nor move a payment sideways where the table does not.
     */
    public static Set<PaymentState> statesMovingTo(PaymentState to) {
        EnumSet<PaymentState> from = EnumSet.noneOf(PaymentState.class);
        for (TransactionType type : TransactionType.values()) {
            if (!type.isInitial()) {
                continue;
            }
            ROWS.get(type).forEach((state, outcomes) -> {
                if (state != to && outcomes.containsValue(to)) {
                    from.add(state);
                }
            });
        }
        return Collections.unmodifiableSet(from);
    }

    /** The names of {@code states}, for a SQL {@code in} list bound as parameters. */
    public static java.util.List<String> names(Set<PaymentState> states) {
        return states.stream().map(Enum::name).toList();
    }

    private static Set<PaymentState> computeFinalStates() {
        EnumSet<PaymentState> finals = EnumSet.allOf(PaymentState.class);
        for (TransactionType type : TransactionType.values()) {
            if (!type.isInitial()) {
                continue;
            }
            ROWS.get(type).forEach((state, outcomes) -> {
                if (outcomes.values().stream().anyMatch(to -> to != state)) {
                    finals.remove(state);
                }
            });
        }
        return Collections.unmodifiableSet(finals);
    }

    private static Map<TransactionType, Map<PaymentState, Map<Outcome, PaymentState>>> load() {
        try (InputStream in = PaymentLifecycle.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the lifecycle table " + TABLE + " is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lifecycle table " + TABLE, e);
        }
    }

    /** Parses the table's text: four columns per row, names of the enums, no row twice. */
    static Map<TransactionType, Map<PaymentState, Map<Outcome, PaymentState>>> parse(BufferedReader table)
            throws IOException {
        Map<TransactionType, Map<PaymentState, Map<Outcome, PaymentState>>> rows = new EnumMap<>(TransactionType.class);
        for (TransactionType type : TransactionType.values()) {
            rows.put(type, new EnumMap<>(PaymentState.class));
        }
        String line;
        int number = 0;
        while ((line = table.readLine()) != null) {
            number++;
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] columns = row.split("\\s+");
            if (columns.length != 4) {
                throw new IllegalStateException(
                        TABLE + " line " + number + ": expected 'type from outcome to', found '" + row + "'");
            }
            TransactionType type = column(TransactionType.class, columns[0], number);
            PaymentState from = column(PaymentState.class, columns[1], number);
            Outcome outcome = column(Outcome.class, columns[2], number);
            PaymentState to = column(PaymentState.class, columns[3], number);
            PaymentState before = rows.get(type)
                    .computeIfAbsent(from, f -> new EnumMap<>(Outcome.class))
                    .put(outcome, to);
            if (before != null) {
                throw new IllegalStateException(
                        TABLE + " line " + number + ": " + type + " " + from + " " + outcome + " is listed twice");
            }
        }
        rows.replaceAll((type, states) -> {
            states.replaceAll((state, outcomes) -> Collections.unmodifiableMap(outcomes));
            return Collections.unmodifiableMap(states);
        });
        return Collections.unmodifiableMap(rows);
    }

    private static <E extends Enum<E>> E column(Class<E> type, String name, int line) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    TABLE + " line " + line + ": '" + name + "' is not a " + type.getSimpleName(), e);
        }
    }
}
