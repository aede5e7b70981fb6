package io.s2spay.backoffice;

import static io.s2spay.backoffice.Messages.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.s2spay.backoffice.BackofficeHarness.Payment;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.connector.opp.OppPaymentRequest;
import io.s2spay.connector.opp.OppPaymentType;
import io.s2spay.connector.opp.OppTransaction;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.schema.GatewayResult;
import io.s2spay.schema.Money;
import io.s2spay.schema.PaymentType;
import io.s2spay.schema.Redirect;
import io.s2spay.schema.Topics;
import io.s2spay.schema.command.BackofficeCommandEnvelope;
import io.s2spay.schema.event.BackofficeCommandRejected;
import io.s2spay.schema.event.ChargebackReversed;
import io.s2spay.schema.event.PaymentAwaitingReceipt;
import io.s2spay.schema.event.PaymentCaptured;
import io.s2spay.schema.event.PaymentChargedBack;
import io.s2spay.schema.event.PaymentRebilled;
import io.s2spay.schema.event.PaymentRedirectRequired;
import io.s2spay.schema.event.PaymentRefunded;
import io.s2spay.schema.event.PaymentReversed;
import io.s2spay.schema.event.ReceiptConfirmed;
import io.s2spay.schema.event.ShopperReturned;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every back-office operation against the OPP sandbox, each balance rule enforced before the gateway is called (the
 * sandbox's ledger shows nothing was sent), and a command carried out once however often it arrives.
 */
class BackofficeOperationsIT {

    private static BackofficeHarness harness;

    @BeforeAll
    static void start() {
        harness = new BackofficeHarness(Map.of());
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void capturesAPreauthorizationOnceAndRefundsItInTotalUpToTheCapturedAmount() {
        Payment payment = harness.authorized(10_000);

        PaymentCaptured captured =
                harness.carryOut(payment.paymentId(), Messages.capture("cp-1", null), PaymentCaptured.class);
        PaymentRefunded partial =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-1", eur(3_000)), PaymentRefunded.class);
        PaymentRefunded rest =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-2", null), PaymentRefunded.class);
        BackofficeCommandRejected tooMuch =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-3", eur(1)), BackofficeCommandRejected.class);
        BackofficeCommandRejected secondCapture = harness.carryOut(
                payment.paymentId(), Messages.capture("cp-2", eur(1)), BackofficeCommandRejected.class);

        assertThat(captured.getOperationId()).isEqualTo("cp-1");
        assertThat(captured.getAmount()).isEqualTo(eur(10_000));
        assertThat(captured.getGatewayResult().getCode()).isEqualTo("000.100.110");
        assertThat(captured.getGatewayResult().getGatewayTransactionId()).isNotEqualTo(payment.gatewayTransactionId());
        assertThat(partial.getAmount()).isEqualTo(eur(3_000));
        assertThat(rest.getAmount()).isEqualTo(eur(7_000));
        assertThat(tooMuch.getReasonCode()).isEqualTo("NOTHING_TO_REFUND");
        assertThat(tooMuch.getGatewayResult()).isNull();
        assertThat(secondCapture.getReasonCode()).isEqualTo("ALREADY_CAPTURED");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CP"))
                .isEqualTo(1);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isEqualTo(2);
        PaymentBalance balance = harness.balances.find(payment.paymentId()).orElseThrow();
        assertThat(balance.capturedMinor()).isEqualTo(10_000);
        assertThat(balance.refundedMinor()).isEqualTo(10_000);
    }

    @Test
    void rejectsCaptureAboveAuthorizedAmountWithoutCallingTheGateway() {
        Payment payment = harness.authorized(5_000);

        BackofficeCommandRejected rejected = harness.carryOut(
                payment.paymentId(), Messages.capture("cp-1", eur(5_001)), BackofficeCommandRejected.class);

        assertThat(rejected.getReasonCode()).isEqualTo("AMOUNT_EXCEEDS_AUTHORIZED");
        assertThat(rejected.getReason()).contains("50.01 EUR", "50.00 EUR");
        assertThat(rejected.getCommandType()).isEqualTo("CapturePayment");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CP"))
                .isZero();
    }

    @Test
    void reversesOnlyAnUncapturedPreauthorization() {
        Payment preauthorization = harness.authorized(4_000);
        Payment debit = harness.debited(4_000);

        PaymentReversed reversed =
                harness.carryOut(preauthorization.paymentId(), Messages.reverse("rv-1"), PaymentReversed.class);
        BackofficeCommandRejected captureAfter = harness.carryOut(
                preauthorization.paymentId(), Messages.capture("cp-1", null), BackofficeCommandRejected.class);
        BackofficeCommandRejected reverseDebit =
                harness.carryOut(debit.paymentId(), Messages.reverse("rv-1"), BackofficeCommandRejected.class);

        assertThat(reversed.getAmount()).isEqualTo(eur(4_000));
        assertThat(captureAfter.getReasonCode()).isEqualTo("ALREADY_REVERSED");
        assertThat(reverseDebit.getReasonCode()).isEqualTo("NOT_A_PREAUTHORIZATION");
        assertThat(harness.sandbox.charges(preauthorization.merchantTransactionId(), "RV"))
                .isEqualTo(1);
        assertThat(harness.sandbox.charges(preauthorization.merchantTransactionId(), "CP"))
                .isZero();
        assertThat(harness.sandbox.charges(debit.merchantTransactionId(), "RV")).isZero();
    }

    @Test
    void rebillsChargesBackAndReversesTheChargebackByTheBanksRules() {
        Payment payment = harness.debited(10_000);

        PaymentRebilled rebilled =
                harness.carryOut(payment.paymentId(), Messages.rebill("rb-1", eur(2_000)), PaymentRebilled.class);
        PaymentChargedBack chargedBack =
                harness.carryOut(payment.paymentId(), Messages.chargeback("cb-1", null), PaymentChargedBack.class);
        BackofficeCommandRejected refundDuringChargeback = harness.carryOut(
                payment.paymentId(), Messages.refund("rf-1", eur(100)), BackofficeCommandRejected.class);
        ChargebackReversed chargebackReversed = harness.carryOut(
                payment.paymentId(), Messages.chargebackReversal("cr-1", null), ChargebackReversed.class);
        BackofficeCommandRejected secondReversal = harness.carryOut(
                payment.paymentId(), Messages.chargebackReversal("cr-2", null), BackofficeCommandRejected.class);
        PaymentRefunded refunded =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-2", null), PaymentRefunded.class);

        assertThat(rebilled.getAmount()).isEqualTo(eur(2_000));
        assertThat(chargedBack.getAmount()).isEqualTo(eur(12_000));
        assertThat(refundDuringChargeback.getReasonCode()).isEqualTo("CHARGEBACK_OPEN");
        assertThat(chargebackReversed.getAmount()).isEqualTo(eur(12_000));
        assertThat(secondReversal.getReasonCode()).isEqualTo("NO_CHARGEBACK");
        assertThat(refunded.getAmount()).isEqualTo(eur(12_000));
        String mtid = payment.merchantTransactionId();
        assertThat(harness.sandbox.charges(mtid, "RB")).isEqualTo(1);
        assertThat(harness.sandbox.charges(mtid, "CB")).isEqualTo(1);
        assertThat(harness.sandbox.charges(mtid, "CR")).isEqualTo(1);
        assertThat(harness.sandbox.charges(mtid, "RF")).isEqualTo(1);
    }

    @Test
    void rejectsAChargebackReversalWithoutAChargeback() {
        Payment payment = harness.debited(3_000);

        BackofficeCommandRejected rejected = harness.carryOut(
                payment.paymentId(), Messages.chargebackReversal("cr-1", eur(100)), BackofficeCommandRejected.class);

        assertThat(rejected.getReasonCode()).isEqualTo("NO_CHARGEBACK");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CR"))
                .isZero();
    }

    @Test
    void rejectsAmountsThatAreNotPositiveOrNotInThePaymentsCurrency() {
        Payment payment = harness.debited(3_000);

        BackofficeCommandRejected negative = harness.carryOut(
                payment.paymentId(), Messages.refund("rf-1", eur(-100)), BackofficeCommandRejected.class);
        BackofficeCommandRejected zero =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-2", eur(0)), BackofficeCommandRejected.class);
        BackofficeCommandRejected dollars = harness.carryOut(
                payment.paymentId(), Messages.refund("rf-3", new Money(100L, "USD")), BackofficeCommandRejected.class);

        assertThat(negative.getReasonCode()).isEqualTo("INVALID_AMOUNT");
        assertThat(zero.getReasonCode()).isEqualTo("INVALID_AMOUNT");
        assertThat(dollars.getReasonCode()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isZero();
    }

    @Test
    void confirmsTheReceiptOnlyOfAPaymentAwaitingIt() {
        String paymentId = Messages.newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(
                Messages.MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.PA,
                        7_500,
                        "EUR",
                        "SOFORTUEBERWEISUNG",
                        mtid,
                        null,
                        false,
                        null,
                        "https://shop.example/return",
                        null,
                        null));
        assertThat(pending.requiresRedirect()).isTrue();
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        paymentId,
                        PaymentRedirectRequired.newBuilder()
                                .setPaymentType(PaymentType.PA)
                                .setAmount(eur(7_500))
                                .setMerchantTransactionId(mtid)
                                .setGatewayResult(new GatewayResult(
                                        pending.gatewayTransactionId(), pending.resultCode(), "pending", null))
                                .setRedirect(new Redirect(pending.redirect().url(), "GET", Map.of()))
                                .build()));
        harness.awaitState(paymentId, PaymentState.REDIRECT_PENDING);
        BackofficeCommandRejected beforeApproval =
                harness.carryOut(paymentId, Messages.receipt("rc-0", null), BackofficeCommandRejected.class);
        // the shopper approves at the bank: the transfer now awaits the bank's receipt (800.400.500)
        assertThat(harness.sandbox.completeBankTransfer(
                        "SOFORTUEBERWEISUNG", pending.redirect().parameter("sessionId"), "approve"))
                .isEqualTo(302);

        ReceiptConfirmed confirmed =
                harness.carryOut(paymentId, Messages.receipt("rc-1", null), ReceiptConfirmed.class);
        BackofficeCommandRejected again =
                harness.carryOut(paymentId, Messages.receipt("rc-2", null), BackofficeCommandRejected.class);
        Payment card = harness.debited(2_000);
        BackofficeCommandRejected onCard =
                harness.carryOut(card.paymentId(), Messages.receipt("rc-1", null), BackofficeCommandRejected.class);

        assertThat(beforeApproval.getReasonCode()).isEqualTo("NO_PENDING_RECEIPT");
        assertThat(confirmed.getAmount()).isEqualTo(eur(7_500));
        assertThat(again.getReasonCode()).isEqualTo("NO_PENDING_RECEIPT");
        assertThat(onCard.getReasonCode()).isEqualTo("NO_PENDING_RECEIPT");
        assertThat(harness.sandbox.charges(mtid, "RC")).isEqualTo(1);
        assertThat(harness.balances.find(paymentId).orElseThrow().receiptConfirmedMinor())
                .isEqualTo(7_500);
    }

    @Test
    void aTransferAwaitingItsReceiptTakesOnlyTheReceiptAndCountsItsMoneyOnce() {
        String paymentId = Messages.newPaymentId();
        String mtid = "mtid-" + UUID.randomUUID();
        OppTransaction pending = harness.gateway.submitPayment(
                Messages.MERCHANT,
                new OppPaymentRequest(
                        OppPaymentType.DB,
                        6_000,
                        "EUR",
                        "SOFORTUEBERWEISUNG",
                        mtid,
                        null,
                        false,
                        null,
                        "https://shop.example/return",
                        null,
                        null));
        assertThat(harness.sandbox.completeBankTransfer(
                        "SOFORTUEBERWEISUNG", pending.redirect().parameter("sessionId"), "approve"))
                .isEqualTo(302);
        GatewayResult waiting = new GatewayResult(
                pending.gatewayTransactionId(), "800.400.500", "waiting for confirmation of non-instant payment", null);
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        paymentId,
                        PaymentRedirectRequired.newBuilder()
                                .setPaymentType(PaymentType.DB)
                                .setAmount(eur(6_000))
                                .setMerchantTransactionId(mtid)
                                .setGatewayResult(new GatewayResult(
                                        pending.gatewayTransactionId(), pending.resultCode(), "pending", null))
                                .setRedirect(new Redirect(pending.redirect().url(), "GET", Map.of()))
                                .build()));
        // events no balance cares about are passed over
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(paymentId, new ShopperReturned(PaymentType.DB, mtid, pending.gatewayTransactionId())));
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        paymentId,
                        PaymentAwaitingReceipt.newBuilder()
                                .setPaymentType(PaymentType.DB)
                                .setAmount(eur(6_000))
                                .setMerchantTransactionId(mtid)
                                .setGatewayResult(waiting)
                                .build()));
        harness.awaitState(paymentId, PaymentState.AWAITING_RECEIPT);

        Instant start = Instant.now();
        BackofficeCommandRejected refund =
                harness.carryOut(paymentId, Messages.refund("rf-1", eur(1_000)), BackofficeCommandRejected.class);
        assertThat(Duration.between(start, Instant.now()))
                .as("judged at once, not after the payment wait")
                .isLessThan(Duration.ofSeconds(8));
        ReceiptConfirmed confirmed =
                harness.carryOut(paymentId, Messages.receipt("rc-1", null), ReceiptConfirmed.class);
        // the receipt settles the transfer (the lifecycle's RC AWAITING_RECEIPT SUCCESS -> DEBITED): refundable at once
        harness.awaitState(paymentId, PaymentState.DEBITED);
        PaymentRefunded refunded =
                harness.carryOut(paymentId, Messages.refund("rf-2", eur(6_000)), PaymentRefunded.class);
        // the poller then sees the payment successful: the same money, counted once
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(paymentId, Messages.debited(6_000, mtid, pending.gatewayTransactionId())));
        BackofficeCommandRejected tooMuch =
                harness.carryOut(paymentId, Messages.refund("rf-3", eur(1)), BackofficeCommandRejected.class);

        assertThat(refund.getReasonCode()).isEqualTo("PAYMENT_NOT_COMPLETED");
        assertThat(refund.getReason()).contains("AWAITING_RECEIPT");
        assertThat(confirmed.getAmount()).isEqualTo(eur(6_000));
        assertThat(refunded.getAmount()).isEqualTo(eur(6_000));
        assertThat(tooMuch.getReasonCode()).isIn("NOTHING_TO_REFUND", "AMOUNT_EXCEEDS_REFUNDABLE");
        assertThat(harness.balances.find(paymentId).orElseThrow().settledMinor())
                .isEqualTo(6_000);
        assertThat(harness.sandbox.charges(mtid, "RC")).isEqualTo(1);
        assertThat(harness.sandbox.charges(mtid, "RF")).isEqualTo(1);
    }

    @Test
    void carriesOutACommandOnceHoweverOftenItArrives() {
        Payment payment = harness.debited(5_000);
        BackofficeCommandEnvelope refund = harness.send(payment.paymentId(), Messages.refund("rf-1", eur(1_000)));
        harness.publish(Topics.BACKOFFICE_COMMANDS, refund); // the same message redelivered
        BackofficeCommandEnvelope repeated = harness.send(payment.paymentId(), Messages.refund("rf-1", eur(1_000)));

        BackofficeCommandRejected duplicate = (BackofficeCommandRejected) harness.outcomeOf(repeated);

        assertThat(harness.outcomeOf(refund)).isInstanceOf(PaymentRefunded.class);
        assertThat(duplicate.getReasonCode()).isEqualTo("DUPLICATE_OPERATION");
        assertThat(harness.causedBy(payment.paymentId(), refund.getMessageId())).hasSize(1);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isEqualTo(1);
        assertThat(harness.balances.find(payment.paymentId()).orElseThrow().refundedMinor())
                .isEqualTo(1_000);
    }

    @Test
    void anotherMerchantCannotTouchThePayment() {
        Payment payment = harness.debited(5_000);
        BackofficeCommandEnvelope foreign =
                Messages.command(payment.paymentId(), "merchant-other", Messages.refund("rf-1", eur(1_000)));

        harness.publish(Topics.BACKOFFICE_COMMANDS, foreign);

        BackofficeCommandRejected rejected =
                (BackofficeCommandRejected) harness.awaitCausedBy(foreign).getPayload();
        assertThat(rejected.getReasonCode()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isZero();
    }

    @Test
    void publishesTheGatewaysRefusalWithItsResultWhenTheGatewayHasTheLastWord() {
        // the balances hold an authorization the gateway declined (e.g. an event from a system that got it wrong)
        Payment declined = harness.atGateway(OppPaymentType.PA, 3_000, BackofficeHarness.DECLINED_VISA);
        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        declined.paymentId(),
                        Messages.authorized(3_000, declined.merchantTransactionId(), declined.gatewayTransactionId())));
        harness.awaitState(declined.paymentId(), PaymentState.AUTHORIZED);

        BackofficeCommandRejected rejected =
                harness.carryOut(declined.paymentId(), Messages.capture("cp-1", null), BackofficeCommandRejected.class);

        assertThat(rejected.getReasonCode()).isEqualTo("GATEWAY_REJECTED");
        assertThat(rejected.getGatewayResult().getCode()).isEqualTo("700.300.200");
        assertThat(harness.balances.find(declined.paymentId()).orElseThrow().capturedMinor())
                .isZero();
    }

    @Test
    void aLostResponseIsResolvedThroughTheQueryEndpointAndRefundsOnce() {
        Payment payment = harness.debited(200_000);

        // 999.01 EUR: the sandbox carries out the refund, then drops the response
        PaymentRefunded refunded =
                harness.carryOut(payment.paymentId(), Messages.refund("rf-lost", eur(99_901)), PaymentRefunded.class);

        assertThat(refunded.getAmount()).isEqualTo(eur(99_901));
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "RF"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(harness.balances
                                .find(payment.paymentId())
                                .orElseThrow()
                                .refundedMinor())
                        .isEqualTo(99_901));
    }

    @Test
    void aCommandArrivingBeforeItsPaymentsOutcomeWaitsForIt() {
        Payment payment = harness.atGateway(OppPaymentType.PA, 6_000, BackofficeHarness.VISA);
        BackofficeCommandEnvelope capture = harness.send(payment.paymentId(), Messages.capture("cp-1", null));

        harness.publish(
                Topics.PAYMENT_EVENTS,
                Messages.event(
                        payment.paymentId(),
                        Messages.authorized(6_000, payment.merchantTransactionId(), payment.gatewayTransactionId())));

        SpecificRecord outcome = harness.outcomeOf(capture);
        assertThat(outcome).isInstanceOf(PaymentCaptured.class);
        assertThat(harness.sandbox.charges(payment.merchantTransactionId(), "CP"))
                .isEqualTo(1);
    }
}
