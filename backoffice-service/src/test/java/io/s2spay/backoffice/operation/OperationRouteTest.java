package io.s2spay.backoffice.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.backoffice.DeclaredGateway;
import io.s2spay.backoffice.balance.PaymentBalance;
import io.s2spay.domain.lifecycle.PaymentState;
import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.schema.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationRouteTest {

    private static final String MERCHANT = "merchant-demo";

    private final DeclaredGateway opp =
            new DeclaredGateway("opp", Set.of(MERCHANT, "shop-eu"), EnumSet.allOf(TransactionType.class));
    private final DeclaredGateway tokens =
            new DeclaredGateway("tokens", Set.of("shop-se"), EnumSet.of(TransactionType.DB, TransactionType.RF));
    private final Gateways gateways = new Gateways(List.of(opp, tokens));

    @Test
    void sendsAnOperationToTheAccountThePaymentsEventsNamed() {
        OperationRoute route =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-se"), TransactionType.RF);

        assertThat(route).isEqualTo(new OperationRoute.To(GatewayAccount.parse("tokens:shop-se"), tokens));
    }

    @Test
    void sendsAnOperationOnAPaymentWhoseEventsNamedNoAccountToTheMerchantsAccountKeyedByItsId() {
        OperationRoute route = OperationRoute.of(gateways, MERCHANT, null, TransactionType.CP);

        assertThat(route).isEqualTo(new OperationRoute.To(new GatewayAccount("opp", MERCHANT), opp));
    }

    @Test
    void refusesAnOperationThePaymentsGatewayDoesNotSupportNamingTheAccountAndWhatItSupports() {
        OperationRoute route =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-se"), TransactionType.RB);

        OperationRoute.Refused refused = (OperationRoute.Refused) route;
        assertThat(refused.reasonCode()).isEqualTo(OperationRejectionReason.OPERATION_NOT_SUPPORTED_BY_GATEWAY);
        assertThat(refused.reason()).contains("tokens:shop-se", "RB", "supports RF");
        assertThat(refused.reason()).doesNotContain("DB");
        assertThat(refused.account()).isEqualTo(GatewayAccount.parse("tokens:shop-se"));
    }

    @Test
    void refusesAnOperationOnAPaymentWhoseAccountIsNoLongerConfigured() {
        OperationRoute goneAccount =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-no"), TransactionType.RF);
        OperationRoute goneFamily =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("orders:shop-se"), TransactionType.RF);

        assertThat(((OperationRoute.Refused) goneAccount).reasonCode())
                .isEqualTo(OperationRejectionReason.GATEWAY_ACCOUNT_NOT_CONFIGURED);
        assertThat(((OperationRoute.Refused) goneAccount).reason()).contains("tokens:shop-no");
        assertThat(((OperationRoute.Refused) goneFamily).reasonCode())
                .isEqualTo(OperationRejectionReason.GATEWAY_ACCOUNT_NOT_CONFIGURED);
        assertThat(goneFamily.account()).isEqualTo(GatewayAccount.parse("orders:shop-se"));
    }

    @Test
    void refusesAnOperationOfAMerchantWithoutAnyAccount() {
        OperationRoute route = OperationRoute.of(gateways, "merchant-nowhere", null, TransactionType.RF);

        assertThat(((OperationRoute.Refused) route).reasonCode())
                .isEqualTo(OperationRejectionReason.MERCHANT_NOT_CONFIGURED);
        assertThat(route.account()).isNull();
    }

    @Test
    void whatTheGatewayCannotDoIsSaidBeforeTheBalanceRules() {
        OperationRoute refused =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-se"), TransactionType.CP);

        // a capture of a debit breaks a balance rule too; the gateway's refusal is the one that never changes
        RuleCheck check = OperationRules.check(
                command(TransactionType.CP, MERCHANT), debit(MERCHANT), refused, OpenOperations.NONE, false);

        assertThat(((RuleCheck.Rejected) check).reasonCode())
                .isEqualTo(OperationRejectionReason.OPERATION_NOT_SUPPORTED_BY_GATEWAY);
    }

    @Test
    void anotherMerchantLearnsNothingOfThePaymentsGateway() {
        OperationRoute refused =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-se"), TransactionType.CP);

        RuleCheck check = OperationRules.check(
                command(TransactionType.CP, "merchant-other"), debit(MERCHANT), refused, OpenOperations.NONE, false);

        assertThat(((RuleCheck.Rejected) check).reasonCode()).isEqualTo(OperationRejectionReason.PAYMENT_NOT_FOUND);
    }

    @Test
    void anOperationAlongARouteIsJudgedByTheBalanceRules() {
        OperationRoute route =
                OperationRoute.of(gateways, MERCHANT, GatewayAccount.parse("tokens:shop-se"), TransactionType.RF);

        RuleCheck check = OperationRules.check(
                command(TransactionType.RF, MERCHANT), debit(MERCHANT), route, OpenOperations.NONE, false);

        assertThat(check).isEqualTo(new RuleCheck.Allowed(1_000, "EUR", true));
        assertThat(opp.calls()).isEmpty();
        assertThat(tokens.calls()).isEmpty();
    }

    private static BackofficeCommand command(TransactionType type, String merchantId) {
        return new BackofficeCommand(
                "msg-1",
                "pay_1",
                merchantId,
                "corr-1",
                Instant.now(),
                "Command",
                type,
                "op-1",
                new Money(1_000L, "EUR"));
    }

    private static PaymentBalance debit(String merchantId) {
        return new PaymentBalance(
                "pay_1",
                merchantId,
                "DB",
                "EUR",
                10_000L,
                "mtid-1",
                "gw-1",
                GatewayAccount.parse("tokens:shop-se"),
                PaymentState.DEBITED,
                0,
                10_000,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0);
    }
}
