package io.s2spay.sandbox;

import static io.s2spay.sandbox.OppClient.visaDebit;
import static io.s2spay.sandbox.OppClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.s2spay.sandbox.OppClient.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The sandbox's state survives its own restart on the same data directory. */
class RestartPersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void continuesPaymentsRegistrationsRedirectsAndWebhooksAfterARestart() throws Exception {
        Map<String, String> props = Map.of(
                "sandbox.data-dir",
                dataDir.toString(),
                "sandbox.notifications.initial-backoff",
                "200ms",
                "sandbox.notifications.max-backoff",
                "500ms");
        Map<String, String> debit = visaDebit();
        Map<String, String> preauthorization = with(
                visaDebit(),
                "paymentType",
                "PA",
                "createRegistration",
                "true",
                "standingInstruction.mode",
                "INITIAL",
                "standingInstruction.type",
                "RECURRING",
                "standingInstruction.source",
                "CIT");
        String debitId;
        String paId;
        String registrationId;
        String pendingId;
        String challengeToken;
        String unnotifiedId;
        JsonNode ledgerBefore;
        int webhookPort;
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            webhookPort = webhook.port();
            webhook.close(); // the merchant's endpoint is down while the first sandbox runs
            try (GatewaySandbox first = GatewaySandbox.start(props)) {
                OppClient opp = new OppClient(first);
                debitId = opp.pay(debit).id();
                opp.backOffice(debitId, "RF", "12.00");
                Reply pa = opp.pay(preauthorization);
                paId = pa.id();
                registrationId = pa.json().path("registrationId").asString();
                Reply pending = opp.pay(with(
                        visaDebit(),
                        "card.number",
                        "4711100000000000",
                        "shopperResultUrl",
                        "https://shop.example/return"));
                pendingId = pending.id();
                challengeToken = pending.json()
                        .path("redirect")
                        .path("parameters")
                        .get(1)
                        .path("value")
                        .asString();
                unnotifiedId = opp.pay(
                                with(visaDebit(), "notificationUrl", "http://127.0.0.1:" + webhookPort + "/webhook"))
                        .id();
                ledgerBefore = opp.getPlain("sandbox/ledger?entityId=" + opp.entityId())
                        .json();
            }
        }
        assertThat(Files.size(dataDir.resolve("journal.jsonl"))).isPositive();
        assertThat(Files.readString(dataDir.resolve("journal.jsonl"))).doesNotContain("4200000000000000");

        try (GatewaySandbox second = GatewaySandbox.start(props)) {
            OppClient opp = new OppClient(second);

            assertThat(opp.query(debitId).code()).isEqualTo("000.100.110");
            assertThat(opp.getPlain("sandbox/ledger?entityId=" + opp.entityId()).json())
                    .isEqualTo(ledgerBefore);
            assertThat(opp.backOffice(debitId, "RF", "80.01").code()).isEqualTo("700.400.200");
            assertThat(opp.backOffice(debitId, "RF", "80.00").code()).isEqualTo("000.100.110");
            assertThat(opp.pay(debit).code()).isEqualTo("800.130.100");
            assertThat(opp.backOffice(paId, "CP", "92.00").code()).isEqualTo("000.100.110");
            Reply mit = opp.post(
                    "v1/registrations/" + registrationId + "/payments",
                    Map.of(
                            "paymentType",
                            "DB",
                            "amount",
                            "5.00",
                            "currency",
                            "EUR",
                            "standingInstruction.mode",
                            "REPEATED",
                            "standingInstruction.type",
                            "RECURRING",
                            "standingInstruction.source",
                            "MIT"));
            assertThat(mit.code()).isEqualTo("000.100.110");
            Reply approved = opp.postPlain(
                    "connectors/threeds/challenge/complete",
                    Map.of("threeDSSessionData", challengeToken, "action", "approve"));
            assertThat(approved.status()).isEqualTo(302);
            assertThat(opp.query(pendingId).code()).isEqualTo("000.100.110");
            JsonNode undelivered = opp.getPlain("sandbox/notifications?paymentId=" + unnotifiedId)
                    .json()
                    .path("notifications")
                    .get(0);
            assertThat(undelivered.path("attempts").asInt()).isPositive();

            try (WebhookReceiver webhook = new WebhookReceiver(webhookPort)) { // the merchant's endpoint is back
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(opp.getPlain("sandbox/notifications?paymentId=" + unnotifiedId)
                                        .json()
                                        .path("notifications")
                                        .get(0)
                                        .path("delivered")
                                        .asBoolean())
                                .isTrue());
                JsonNode payload = NotificationIT.decrypt(
                                second.merchant().notificationSecret(),
                                webhook.deliveries().get(0))
                        .path("payload");
                assertThat(payload.path("id").asString()).isEqualTo(unnotifiedId);
            }
        }
    }

    @Test
    void refusesASecondSandboxOnTheSameDataDirectory() {
        Map<String, String> props = Map.of("sandbox.data-dir", dataDir.toString());
        try (GatewaySandbox first = GatewaySandbox.start(props)) {
            assertThatThrownBy(() -> GatewaySandbox.start(props))
                    .hasStackTraceContaining("another gateway sandbox is using");
            assertThat(new OppClient(first).pay(visaDebit()).code()).isEqualTo("000.100.110");
        }
        try (GatewaySandbox again = GatewaySandbox.start(props)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void skipsAHalfWrittenLastLineLeftByACrash() throws Exception {
        Map<String, String> props = Map.of("sandbox.data-dir", dataDir.toString());
        String id;
        try (GatewaySandbox first = GatewaySandbox.start(props)) {
            id = new OppClient(first).pay(visaDebit()).id();
        }
        Files.writeString(
                dataDir.resolve("journal.jsonl"),
                "{\"k\":\"TX\",\"id\":\"trunc",
                java.nio.file.StandardOpenOption.APPEND);

        try (GatewaySandbox second = GatewaySandbox.start(props)) {
            OppClient opp = new OppClient(second);
            assertThat(opp.query(id).code()).isEqualTo("000.100.110");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> opp.pay(visaDebit()).status() == 200);
        }
    }
}
