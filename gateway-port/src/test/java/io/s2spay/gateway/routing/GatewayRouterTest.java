package io.s2spay.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.Evidence;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayDeadlines;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayOutcome;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.ResultClassification;
import io.s2spay.gateway.UnknownGatewayAccountException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayRouterTest {

    private static final GatewayAccount OPP_A = GatewayAccount.parse("opp:merchant-a");
    private static final GatewayAccount OPP_EU = GatewayAccount.parse("opp:shop-eu");
    private static final GatewayAccount ORDERS_SE = GatewayAccount.parse("orders:shop-se");

    private final Gateways gateways = new Gateways(List.of(
            new Family(
                    "opp",
                    Set.of("merchant-a", "shop-eu"),
                    EnumSet.allOf(TransactionType.class),
                    true,
                    "VISA",
                    "MASTER",
                    "AMEX"),
            new Family(
                    "orders",
                    Set.of("shop-se", "merchant-b"),
                    EnumSet.of(TransactionType.DB, TransactionType.RF),
                    true,
                    "VISA",
                    "MASTER")));

    @Test
    void theFirstMatchingRuleChoosesTheAccountsByBrandCurrencyAndAmount() {
        GatewayRouter router = new GatewayRouter(
                gateways,
                Map.of(
                        "merchant-a",
                        new MerchantRoutes(
                                List.of(
                                        new RoutingRule(
                                                Set.of("visa"), Set.of("EUR"), null, null, List.of(OPP_EU, OPP_A)),
                                        new RoutingRule(
                                                Set.of("MASTER"),
                                                Set.of("SEK"),
                                                1L,
                                                1_000_000L,
                                                List.of(ORDERS_SE, OPP_A))),
                                List.of(OPP_A))));

        assertThat(router.route("merchant-a", debit("VISA", "EUR", 9_200)).accounts())
                .containsExactly(OPP_EU, OPP_A);
        assertThat(router.route("merchant-a", debit("MASTER", "SEK", 29_900)).accounts())
                .containsExactly(ORDERS_SE, OPP_A);
        // above the rule's max-amount, another currency, another brand: the default
        assertThat(router.route("merchant-a", debit("MASTER", "SEK", 1_000_001)).accounts())
                .containsExactly(OPP_A);
        assertThat(router.route("merchant-a", debit("VISA", "SEK", 100)).accounts())
                .containsExactly(OPP_A);
        assertThat(router.route("merchant-a", debit("AMEX", "EUR", 100)).accounts())
                .containsExactly(OPP_A);
    }

    @Test
    void accountsWhoseFamilyCannotDoThePaymentLeaveTheRouteAndNoneLeftIsARefusalSayingWhy() {
        GatewayRouter router = new GatewayRouter(
                gateways, Map.of("merchant-a", new MerchantRoutes(List.of(), List.of(ORDERS_SE, OPP_A))));

        // the orders family has no pre-authorization: the PA goes to OPP only
        Route pa = router.route("merchant-a", new RoutedPayment(TransactionType.PA, "VISA", "SEK", 100, false));
        assertThat(pa.accounts()).containsExactly(OPP_A);
        assertThat(pa.after(OPP_A)).isNull();

        GatewayRouter ordersOnly =
                new GatewayRouter(gateways, Map.of("merchant-a", new MerchantRoutes(List.of(), List.of(ORDERS_SE))));
        Route refused = ordersOnly.route("merchant-a", debit("AMEX", "SEK", 100));
        assertThat(refused.isRefused()).isTrue();
        assertThat(refused.refusal()).contains("orders:shop-se does not accept AMEX");
        assertThat(ordersOnly
                        .route("merchant-a", new RoutedPayment(TransactionType.PA, null, "SEK", 100, false))
                        .refusal())
                .contains("orders:shop-se does not support PA")
                .contains("a stored card");
    }

    @Test
    void aMerchantWithoutRulesIsRoutedToEveryFamilysAccountKeyedByItsId() {
        GatewayRouter router = new GatewayRouter(gateways, Map.of());

        assertThat(router.route("merchant-a", debit("VISA", "EUR", 100)).accounts())
                .containsExactly(OPP_A);
        assertThat(router.route("merchant-b", debit("VISA", "EUR", 100)).accounts())
                .containsExactly(GatewayAccount.parse("orders:merchant-b"));
        assertThat(router.knowsMerchant("merchant-c")).isFalse();
        assertThat(router.route("merchant-c", debit("VISA", "EUR", 100)).refusal())
                .isEqualTo("merchant merchant-c has no gateway account configured");
    }

    @Test
    void aRuleNamingAnAccountNoFamilyHasStopsTheRouterBeingBuilt() {
        assertThatThrownBy(() -> new GatewayRouter(
                        gateways,
                        Map.of(
                                "merchant-a",
                                new MerchantRoutes(
                                        List.of(RoutingRule.any(List.of(GatewayAccount.parse("tokens:shop")))),
                                        List.of(OPP_A)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens:shop");
        assertThatThrownBy(() -> gateways.portOf(GatewayAccount.parse("opp:nobody")))
                .isInstanceOf(UnknownGatewayAccountException.class)
                .hasMessageContaining("no account nobody");
    }

    @Test
    void aPaymentsAccountIsTheOneItsEventsNamedElseTheMerchantsAccountKeyedByItsId() {
        assertThat(gateways.accountOf("merchant-a", ORDERS_SE)).isEqualTo(ORDERS_SE);
        assertThat(gateways.accountOf("merchant-a", null)).isEqualTo(OPP_A);
        assertThat(GatewayAccount.of(ORDERS_SE.toRef())).isEqualTo(ORDERS_SE);
        assertThat(GatewayAccount.of(null)).isNull();
        assertThatThrownBy(() -> gateways.accountOf("merchant-c", null))
                .isInstanceOf(UnknownGatewayAccountException.class)
                .hasMessage("merchant merchant-c has no gateway account configured");
        assertThatThrownBy(() -> gateways.accountOf("merchant-a", GatewayAccount.parse("tokens:shop")))
                .isInstanceOf(UnknownGatewayAccountException.class)
                .hasMessageContaining("no gateway family tokens");
    }

    @Test
    void rulesAndAccountsAreValidated() {
        assertThatThrownBy(() -> GatewayAccount.parse("merchant-a")).hasMessageContaining("gateway:account");
        assertThatThrownBy(() -> GatewayAccount.parse("OPP:a")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new RoutingRule(Set.of(), Set.of("euro"), null, null, List.of(OPP_A)))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> new RoutingRule(Set.of(), Set.of(), 10L, 5L, List.of(OPP_A)))
                .hasMessageContaining("above its max-amount");
        assertThatThrownBy(() -> RoutingRule.any(List.of(OPP_A, OPP_A))).hasMessageContaining("once");
        assertThatThrownBy(() -> new MerchantRoutes(List.of(), List.of())).hasMessageContaining("default");
        assertThatThrownBy(() -> new Gateways(List.of(
                        new Family("opp", Set.of(), EnumSet.of(TransactionType.DB), false, "VISA"),
                        new Family("opp", Set.of(), EnumSet.of(TransactionType.DB), false, "VISA"))))
                .hasMessageContaining("two gateway adapters");
    }

    @Test
    void onlyAFailureTheGatewayProvablyNeverProcessedFailsOver() {
        assertThat(Failover.allowed(answer(GatewayOutcome.FAILED, Evidence.NOT_SENT)))
                .isTrue();
        assertThat(Failover.allowed(answer(GatewayOutcome.FAILED, Evidence.NOT_RECEIVED)))
                .isTrue();
        // the gateway answered: its refusal stands
        assertThat(Failover.allowed(answer(GatewayOutcome.FAILED, Evidence.ANSWER)))
                .isFalse();
        assertThat(Failover.allowed(answer(GatewayOutcome.DECLINED, Evidence.ANSWER)))
                .isFalse();
        // a timeout or a lost answer: the gateway may have charged
        assertThat(Failover.allowed(answer(GatewayOutcome.UNKNOWN, Evidence.NO_ANSWER)))
                .isFalse();
        assertThat(Failover.allowed(answer(GatewayOutcome.SUCCEEDED, Evidence.ANSWER)))
                .isFalse();
        assertThat(Failover.allowed(answer(GatewayOutcome.PENDING, Evidence.ANSWER)))
                .isFalse();
    }

    private static RoutedPayment debit(String brand, String currency, long amountMinor) {
        return new RoutedPayment(TransactionType.DB, brand, currency, amountMinor, false);
    }

    private static GatewayTransaction answer(GatewayOutcome outcome, Evidence evidence) {
        return GatewayTransaction.builder(outcome, evidence, "TEST").build();
    }

    /** A gateway family as routing sees it: a name, accounts and capabilities; it is never asked to send anything. */
    private record Family(
            String name, Set<String> accounts, Set<TransactionType> types, boolean storedCards, String... brands)
            implements GatewayPort {

        @Override
        public boolean hasAccount(String accountId) {
            return accounts.contains(accountId);
        }

        @Override
        public GatewayCapabilities capabilities() {
            return new GatewayCapabilities(types, Set.of(brands), storedCards, true);
        }

        @Override
        public GatewayDeadlines deadlines() {
            throw new UnsupportedOperationException();
        }

        @Override
        public GatewayTransaction submitInitial(String accountId, InitialPaymentRequest request) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayTransaction submitFollowUp(String accountId, FollowUpRequest request) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayTransaction resolve(String accountId, String merchantTransactionId, TransactionType type) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayTransaction find(String accountId, String merchantTransactionId, TransactionType type) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayTransaction lookUp(String accountId, String gatewayTransactionId) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayTransaction deleteStoredCard(String accountId, String storedCardId) {
            throw new UnsupportedOperationException("routing never sends");
        }

        @Override
        public GatewayNotification decodeNotification(String accountId, NotificationMessage message) {
            throw new UnsupportedOperationException("routing never decodes");
        }

        @Override
        public ResultClassification classify(String resultCode) {
            throw new UnsupportedOperationException("routing never classifies");
        }
    }
}
