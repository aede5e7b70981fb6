package io.s2spay.sandbox.operator;

import io.s2spay.sandbox.gateway.Amounts;
import io.s2spay.sandbox.gateway.AsyncFlowService;
import io.s2spay.sandbox.gateway.BackOfficeRequest;
import io.s2spay.sandbox.gateway.GatewayBackOfficeService;
import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.OppRejection;
import io.s2spay.sandbox.gateway.PaymentJson;
import io.s2spay.sandbox.gateway.PaymentType;
import io.s2spay.sandbox.gateway.Transaction;
import io.s2spay.sandbox.gateway.TransactionStore;
import io.s2spay.sandbox.notification.Notification;
import io.s2spay.sandbox.notification.NotificationService;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox operator's endpoints (not part of OPP): make the bank originate a chargeback, its reversal, a receipt
 * or a rejected transfer; make a shopper abandon a redirect or the acquirer answer late; read the ledger and the
 * webhook deliveries.
 */
@RestController
class OperatorController {

    private final TransactionStore store;
    private final GatewayBackOfficeService backOffice;
    private final AsyncFlowService flows;
    private final LedgerService ledger;
    private final NotificationService notifications;

    OperatorController(
            TransactionStore store,
            GatewayBackOfficeService backOffice,
            AsyncFlowService flows,
            LedgerService ledger,
            NotificationService notifications) {
        this.store = store;
        this.backOffice = backOffice;
        this.flows = flows;
        this.ledger = ledger;
        this.notifications = notifications;
    }

    @PostMapping("/sandbox/operator/payments/{id}/chargeback")
    Map<String, Object> chargeback(
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reasonCode) {
        if (reasonCode != null && !GatewayResultCodes.isChargeback(reasonCode)) {
            throw OppRejection.invalidParameter("reasonCode", reasonCode, "must be a chargeback code 000.100.2xx");
        }
        return bankOperation(id, PaymentType.CB, amount, reasonCode);
    }

    @PostMapping("/sandbox/operator/payments/{id}/chargeback-reversal")
    Map<String, Object> chargebackReversal(@PathVariable String id, @RequestParam(required = false) String amount) {
        return bankOperation(id, PaymentType.CR, amount, null);
    }

    @PostMapping("/sandbox/operator/payments/{id}/receipt")
    Map<String, Object> receipt(@PathVariable String id) {
        return bankOperation(id, PaymentType.RC, null, null);
    }

    @PostMapping("/sandbox/operator/payments/{id}/receipt-rejection")
    Map<String, Object> receiptRejection(@PathVariable String id) {
        Transaction tx = existing(id);
        return PaymentJson.payment(flows.rejectTransfer(id, tx.entityId()));
    }

    @PostMapping("/sandbox/operator/payments/{id}/abandon")
    Map<String, Object> abandon(@PathVariable String id) {
        return PaymentJson.payment(flows.abandon(id));
    }

    @PostMapping("/sandbox/operator/payments/{id}/late-acquirer-answer")
    Map<String, Object> lateAcquirerAnswer(@PathVariable String id) {
        return PaymentJson.payment(flows.answerLate(id));
    }

    @GetMapping("/sandbox/ledger")
    Map<String, Object> ledger(
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String merchantTransactionId) {
        return ledger.ledger(entityId, merchantTransactionId);
    }

    @GetMapping("/sandbox/notifications")
    Map<String, List<Notification>> notifications(@RequestParam(required = false) String paymentId) {
        return Map.of("notifications", notifications.notifications(paymentId));
    }

    private Map<String, Object> bankOperation(String id, PaymentType type, String amount, String reasonCode) {
        Transaction tx = existing(id);
        Long amountMinor = null;
        if (amount != null) {
            Currency currency = Currency.getInstance(tx.currency());
            amountMinor = Amounts.isAmountFormat(amount)
                    ? Amounts.toMinor(amount, currency).orElse(null)
                    : null;
            if (amountMinor == null) {
                throw OppRejection.invalidParameter(
                        "amount", amount, "must be a decimal amount with the exponent of " + tx.currency());
            }
        }
        BackOfficeRequest request =
                new BackOfficeRequest(tx.entityId(), type, amountMinor, null, null, null, reasonCode);
        return PaymentJson.payment(backOffice.execute(id, request, true));
    }

    private Transaction existing(String id) {
        return store.find(id).orElseThrow(() -> new OppRejection(404, GatewayResultCodes.REFERENCE_NOT_EXISTING));
    }
}
