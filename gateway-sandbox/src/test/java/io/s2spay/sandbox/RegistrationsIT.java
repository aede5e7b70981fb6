package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.s2spay.sandbox.OppClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registrations (stored cards) and standing instructions (CIT INITIAL first, MIT REPEATED later), over HTTP. */
class RegistrationsIT {

    private static GatewaySandbox sandbox;
    private static OppClient opp;

    @BeforeAll
    static void start() {
        sandbox = TestSandbox.shared();
        opp = new OppClient(sandbox);
    }

    private static Map<String, String> initialCit() {
        return with(
                visaDebit(),
                "createRegistration",
                "true",
                "standingInstruction.mode",
                "INITIAL",
                "standingInstruction.type",
                "UNSCHEDULED",
                "standingInstruction.source",
                "CIT");
    }

    private static Map<String, String> repeatedMit() {
        return Map.of(
                "paymentType",
                "DB",
                "amount",
                "15.00",
                "currency",
                "EUR",
                "merchantTransactionId",
                "mit-" + UUID.randomUUID(),
                "standingInstruction.mode",
                "REPEATED",
                "standingInstruction.type",
                "UNSCHEDULED",
                "standingInstruction.source",
                "MIT");
    }

    @Test
    void createsARegistrationAndTheNetworkIdOfAnInitialCustomerInitiatedPayment() {
        Reply reply = opp.pay(initialCit());

        assertThat(reply.code()).isEqualTo("000.100.110");
        assertThat(reply.json().path("registrationId").asString()).matches("[0-9a-f]{32}");
        assertThat(reply.json().path("standingInstruction").path("mode").asString())
                .isEqualTo("INITIAL");
        assertThat(reply.json()
                        .path("standingInstruction")
                        .path("initialTransactionId")
                        .asString())
                .matches("[0-9]{15}");
    }

    @Test
    void chargesAStoredCardMerchantInitiatedReferencingItsInitialPayment() {
        Reply initial = opp.pay(initialCit());
        String registrationId = initial.json().path("registrationId").asString();

        Reply mit = opp.post("v1/registrations/" + registrationId + "/payments", repeatedMit());

        assertThat(mit.status()).isEqualTo(200);
        assertThat(mit.code()).isEqualTo("000.100.110");
        assertThat(mit.json().path("registrationId").asString()).isEqualTo(registrationId);
        assertThat(mit.json().path("amount").asString()).isEqualTo("15.00");
        assertThat(mit.json().path("card").path("last4Digits").asString()).isEqualTo("0000");
        assertThat(mit.json()
                        .path("standingInstruction")
                        .path("initialTransactionId")
                        .asString())
                .isEqualTo(initial.json()
                        .path("standingInstruction")
                        .path("initialTransactionId")
                        .asString());
    }

    @Test
    void acceptsTheInitialPaymentsOppIdAsInitialTransactionId() {
        Reply initial = opp.pay(with(initialCit(), "createRegistration", null));

        Reply mit = opp.pay(with(
                visaDebit(),
                "standingInstruction.mode",
                "REPEATED",
                "standingInstruction.type",
                "UNSCHEDULED",
                "standingInstruction.source",
                "MIT",
                "standingInstruction.initialTransactionId",
                initial.id()));

        assertThat(mit.code()).isEqualTo("000.100.110");
    }

    @Test
    void refusesAMerchantInitiatedRepeatedPaymentWithoutItsInitialTransaction() {
        Reply reply = opp.pay(with(
                visaDebit(),
                "standingInstruction.mode",
                "REPEATED",
                "standingInstruction.type",
                "UNSCHEDULED",
                "standingInstruction.source",
                "MIT"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("200.300.404");
        assertThat(reply.json()
                        .path("result")
                        .path("parameterErrors")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("standingInstruction.initialTransactionId");
    }

    @Test
    void refusesAnUnknownInitialTransactionId() {
        Reply reply = opp.pay(with(
                visaDebit(),
                "standingInstruction.mode",
                "REPEATED",
                "standingInstruction.type",
                "UNSCHEDULED",
                "standingInstruction.source",
                "MIT",
                "standingInstruction.initialTransactionId",
                "123456789012345"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("200.300.404");
    }

    @Test
    void refusesAnInitialInstructionThatIsMerchantInitiated() {
        Reply reply = opp.pay(with(initialCit(), "standingInstruction.source", "MIT"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()
                        .path("result")
                        .path("parameterErrors")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("standingInstruction.source");
    }

    @Test
    void refusesARepeatedPaymentOfAnotherTypeThanItsInitial() {
        String registrationId =
                opp.pay(initialCit()).json().path("registrationId").asString();

        Reply reply = opp.post(
                "v1/registrations/" + registrationId + "/payments",
                with(repeatedMit(), "standingInstruction.type", "RECURRING"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()
                        .path("result")
                        .path("parameterErrors")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("standingInstruction.type");
    }

    @Test
    void refusesAnIncompleteStandingInstruction() {
        Reply reply = opp.pay(with(visaDebit(), "standingInstruction.mode", "INITIAL"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("200.300.404");
    }

    @Test
    void neverChallengesAMerchantInitiatedPaymentOnAThreeDsCard() {
        Reply initial = opp.pay(with(
                initialCit(), "card.number", "4711100000000000", "shopperResultUrl", "https://shop.example/return"));
        String token = initial.json()
                .path("redirect")
                .path("parameters")
                .get(1)
                .path("value")
                .asString();
        opp.postPlain(
                "connectors/threeds/challenge/complete", Map.of("threeDSSessionData", token, "action", "approve"));
        String registrationId =
                opp.query(initial.id()).json().path("registrationId").asString();

        Reply mit = opp.post("v1/registrations/" + registrationId + "/payments", repeatedMit());

        assertThat(registrationId).matches("[0-9a-f]{32}");
        assertThat(mit.code()).isEqualTo("000.100.110");
        assertThat(mit.json().has("redirect")).isFalse();
    }

    @Test
    void doesNotRegisterTheCardOfADeclinedPayment() {
        Reply reply = opp.pay(with(initialCit(), "card.number", "4000000000000002"));

        assertThat(reply.code()).isEqualTo("800.100.151");
        assertThat(reply.json().has("registrationId")).isFalse();
    }

    @Test
    void sharesRegistrationsBetweenTheEntitiesOfOneMerchantOnly() {
        String registrationId =
                opp.pay(initialCit()).json().path("registrationId").asString();
        SandboxMerchant a = sandbox.merchant();
        SandboxMerchant b = sandbox.merchant("merchant-b");

        Reply sameMerchant = opp.as(a.accessToken(), a.entityIds().get(1))
                .post("v1/registrations/" + registrationId + "/payments", repeatedMit());
        Reply otherMerchant = opp.as(b.accessToken(), b.entityId())
                .post("v1/registrations/" + registrationId + "/payments", repeatedMit());

        assertThat(sameMerchant.code()).isEqualTo("000.100.110");
        assertThat(otherMerchant.status()).isEqualTo(404);
        assertThat(otherMerchant.code()).isEqualTo("100.150.200");
    }

    @Test
    void deregistersAStoredCardSoItCanNoLongerPay() {
        String registrationId =
                opp.pay(initialCit()).json().path("registrationId").asString();

        Reply deleted = opp.delete("v1/registrations/" + registrationId + "?entityId=" + opp.entityId());
        Reply payment = opp.post("v1/registrations/" + registrationId + "/payments", repeatedMit());
        Reply again = opp.delete("v1/registrations/" + registrationId + "?entityId=" + opp.entityId());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.code()).isEqualTo("000.100.110");
        assertThat(deleted.json().path("referencedId").asString()).isEqualTo(registrationId);
        assertThat(payment.status()).isEqualTo(400);
        assertThat(payment.code()).isEqualTo("100.150.202");
        assertThat(again.code()).isEqualTo("100.150.202");
    }

    @Test
    void answersUnknownAndMalformedRegistrations() {
        Reply unknown = opp.post("v1/registrations/" + "1".repeat(32) + "/payments", repeatedMit());
        Reply malformed = opp.post("v1/registrations/abc/payments", repeatedMit());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("100.150.200");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("100.150.101");
    }
}
