package io.s2spay.sandbox.operator;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.gateway.Amounts;
import io.s2spay.sandbox.gateway.GatewayBrand;
import io.s2spay.sandbox.gateway.PaymentJson;
import io.s2spay.sandbox.gateway.PaymentType;
import io.s2spay.sandbox.gateway.Transaction;
import io.s2spay.sandbox.gateway.TransactionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * What the gateway really did with shoppers' money, per entity: every successful transaction and the totals
 * (authorized, debited, captured, rebilled, received, refunded, reversed, charged back, net), so tests can count.
 */
@Service
class LedgerService {

    private final TransactionStore store;
    private final SandboxProperties properties;

    LedgerService(TransactionStore store, SandboxProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * The ledger, optionally for one entity and for the payments whose (or whose initial payment's)
     * merchantTransactionId is given.
     */
    Map<String, Object> ledger(String entityFilter, String merchantTransactionIdFilter) {
        Map<String, List<Transaction>> byEntity = new TreeMap<>();
        for (Transaction tx : store.all()) {
            if (!tx.succeeded() || (entityFilter != null && !entityFilter.equals(tx.entityId()))) {
                continue;
            }
            if (merchantTransactionIdFilter != null
                    && !merchantTransactionIdFilter.equals(tx.merchantTransactionId())
                    && !merchantTransactionIdFilter.equals(rootOf(tx).merchantTransactionId())) {
                continue;
            }
            byEntity.computeIfAbsent(tx.entityId(), id -> new ArrayList<>()).add(tx);
        }
        List<Map<String, Object>> entities = new ArrayList<>();
        byEntity.forEach((entityId, transactions) -> entities.add(entity(entityId, transactions)));
        return Map.of("entities", entities);
    }

    private Map<String, Object> entity(String entityId, List<Transaction> transactions) {
        transactions.sort(Comparator.comparing(Transaction::createdAt).thenComparing(Transaction::id));
        Map<String, Totals> totals = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Transaction tx : transactions) {
            Totals currencyTotals = totals.computeIfAbsent(tx.currency(), currency -> new Totals());
            currencyTotals.add(tx);
            if (tx.isRoot()) {
                currencyTotals.net += store.tree(tx).balances().net();
            }
            counts.merge(tx.paymentType().name(), 1, Integer::sum);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", tx.id());
            entry.put("paymentType", tx.paymentType().name());
            entry.put("paymentBrand", tx.paymentBrand().name());
            entry.put("amount", Amounts.format(tx.amountMinor(), tx.currency()));
            entry.put("amountMinor", tx.amountMinor());
            entry.put("currency", tx.currency());
            entry.put("merchantTransactionId", tx.merchantTransactionId());
            entry.put("referencedId", tx.referencedId());
            entry.put("resultCode", tx.resultCode());
            entry.put("bankOriginated", tx.bankOriginated());
            entry.put("timestamp", PaymentJson.timestamp(tx.createdAt()));
            entries.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entityId", entityId);
        json.put(
                "merchant",
                properties.merchants().entrySet().stream()
                        .filter(entry -> entry.getValue().owns(entityId))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null));
        List<Map<String, Object>> totalsJson = new ArrayList<>();
        totals.forEach((currency, currencyTotals) -> totalsJson.add(currencyTotals.toJson(currency)));
        json.put("totals", totalsJson);
        json.put("counts", counts);
        json.put("transactions", entries);
        return json;
    }

    private Transaction rootOf(Transaction tx) {
        return tx.isRoot() ? tx : store.tree(tx).root();
    }

    /** Sums of one currency, in minor units. */
    private static final class Totals {
        long authorized;
        long debited;
        long captured;
        long rebilled;
        long received;
        long refunded;
        long reversed;
        long chargedBack;
        long chargebackReversed;
        long net;

        void add(Transaction tx) {
            long amount = tx.amountMinor();
            switch (tx.paymentType()) {
                case PA -> authorized += tx.paymentBrand().isCard() ? amount : 0;
                case DB ->
                    debited += tx.paymentBrand().workflow() == GatewayBrand.Workflow.BANK_REDIRECT_WITH_RECEIPT
                            ? 0
                            : amount;
                case CP -> captured += amount;
                case RB -> rebilled += amount;
                case RC -> received += amount;
                case RF -> refunded += amount;
                case RV -> reversed += amount;
                case CB -> chargedBack += amount;
                case CR -> chargebackReversed += amount;
            }
        }

        Map<String, Object> toJson(String currency) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("currency", currency);
            json.put("authorized", authorized);
            json.put("debited", debited);
            json.put("captured", captured);
            json.put("rebilled", rebilled);
            json.put("received", received);
            json.put("charged", debited + captured + rebilled + received);
            json.put("refunded", refunded);
            json.put("reversed", reversed);
            json.put("chargedBack", chargedBack);
            json.put("chargebackReversed", chargebackReversed);
            json.put("net", net);
            return json;
        }
    }

    static boolean movesMoney(PaymentType type) {
        return type != PaymentType.PA;
    }
}
