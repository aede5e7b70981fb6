package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.SandboxProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Back-office operations ({@code POST /v1/payments/{id}}, and the bank's own chargebacks and receipts): each one is
 * checked against the payment tree's balances and becomes its own transaction referencing the payment.
 */
@Service
public class GatewayBackOfficeService {

    private final TransactionStore store;
    private final SandboxProperties properties;
    private final Clock clock;

    public GatewayBackOfficeService(TransactionStore store, SandboxProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs an operation on the transaction {@code referencedId} of the request's entity.
     *
     * @param bankOriginated true when the bank originates it (operator endpoints), false for the merchant's API call
     */
    public Transaction execute(String referencedId, BackOfficeRequest request, boolean bankOriginated) {
        Transaction referenced = store.find(referencedId, request.entityId())
                .orElseThrow(() -> new OppRejection(404, GatewayResultCodes.REFERENCE_NOT_EXISTING));
        PaymentTree tree = store.tree(referenced);
        return tree.locked(() -> {
            Instant now = clock.instant();
            Transaction current = store.find(referencedId).orElseThrow();
            Transaction root = tree.root();
            GatewayBackOfficeRules.Decision decision =
                    GatewayBackOfficeRules.decide(request, current, root, tree.balances(), properties.rules(), now);
            if (!decision.allowed()) {
                throw OppRejection.badRequest(decision.refusal());
            }
            String id = Ids.next();
            String scope = TransactionStore.scopeOf(request.paymentType());
            String merchantTransactionId = request.merchantTransactionId();
            if (merchantTransactionId != null
                    && store.claimMerchantTransactionId(request.entityId(), scope, merchantTransactionId, id) != null) {
                throw OppRejection.badRequest(GatewayResultCodes.DUPLICATE_TRANSACTION_ID);
            }
            String code = request.paymentType() == PaymentType.CB && bankOriginated
                    ? (request.reasonCode() != null ? request.reasonCode() : "000.100.220")
                    : successCode(request.entityId());
            Transaction tx = new Transaction(
                    id,
                    request.entityId(),
                    request.paymentType(),
                    root.paymentBrand(),
                    decision.amountMinor(),
                    root.currency(),
                    merchantTransactionId,
                    current.id(),
                    root.id(),
                    TransactionState.SUCCEEDED,
                    code,
                    root.card(),
                    false,
                    null,
                    null,
                    root.descriptor(),
                    null,
                    request.notificationUrl() != null ? request.notificationUrl() : root.notificationUrl(),
                    null,
                    null,
                    null,
                    bankOriginated,
                    PaymentJson.ndc(request.entityId()),
                    now,
                    now);
            store.save(tx);
            if (request.paymentType() == PaymentType.RC) {
                // the bank's receipt (or the merchant's confirmation of it) completes the non-instant transfer
                store.save(
                        root.withResult(TransactionState.SUCCEEDED, GatewayResultCodes.SUCCESS_EXTERNAL_UPDATE, now));
            }
            return tx;
        });
    }

    private String successCode(String entityId) {
        return properties.merchants().values().stream()
                .filter(merchant -> merchant.owns(entityId))
                .findFirst()
                .map(merchant ->
                        merchant.testMode() ? GatewayResultCodes.SUCCESS_TEST_MODE : GatewayResultCodes.SUCCESS)
                .orElse(GatewayResultCodes.SUCCESS);
    }
}
