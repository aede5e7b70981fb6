package io.s2spay.backoffice;

import io.s2spay.domain.lifecycle.TransactionType;
import io.s2spay.gateway.FollowUpRequest;
import io.s2spay.gateway.GatewayCapabilities;
import io.s2spay.gateway.GatewayDeadlines;
import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.GatewayPort;
import io.s2spay.gateway.GatewayTransaction;
import io.s2spay.gateway.InitialPaymentRequest;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.ResultClassification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway family that only declares itself: its name, its accounts and what it can do. It answers nothing: any call
 * that would reach a gateway (send, find, look up, classify...) is recorded and fails, so a test that uses it proves
 * that back-office refused before anything was sent ({@link #calls()} stays empty).
 */
public final class DeclaredGateway implements GatewayPort {

    private final String name;
    private final Set<String> accounts;
    private final GatewayCapabilities capabilities;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    public DeclaredGateway(String name, Set<String> accounts, Set<TransactionType> transactions) {
        this.name = name;
        this.accounts = Set.copyOf(accounts);
        this.capabilities = new GatewayCapabilities(transactions, Set.of("VISA", "MASTER"), false, false);
    }

    /** Every call that would have reached this gateway, in order: none is expected. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean hasAccount(String merchantId) {
        return accounts.contains(merchantId);
    }

    @Override
    public GatewayCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public GatewayDeadlines deadlines() {
        return new GatewayDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Override
    public GatewayTransaction submitInitial(String merchantId, InitialPaymentRequest request) {
        throw reached("submitInitial " + merchantId + " " + request.type());
    }

    @Override
    public GatewayTransaction submitFollowUp(String merchantId, FollowUpRequest request) {
        throw reached("submitFollowUp " + merchantId + " " + request.type());
    }

    @Override
    public GatewayTransaction resolve(String merchantId, String merchantTransactionId, TransactionType type) {
        throw reached("resolve " + merchantId + " " + merchantTransactionId);
    }

    @Override
    public GatewayTransaction find(String merchantId, String merchantTransactionId, TransactionType type) {
        throw reached("find " + merchantId + " " + merchantTransactionId);
    }

    @Override
    public GatewayTransaction lookUp(String merchantId, String gatewayTransactionId) {
        throw reached("lookUp " + merchantId + " " + gatewayTransactionId);
    }

    @Override
    public GatewayTransaction deleteStoredCard(String merchantId, String storedCardId) {
        throw reached("deleteStoredCard " + merchantId);
    }

    @Override
    public GatewayNotification decodeNotification(String merchantId, NotificationMessage message) {
        throw reached("decodeNotification " + merchantId);
    }

    @Override
    public ResultClassification classify(String resultCode) {
        throw reached("classify " + resultCode);
    }

    private AssertionError reached(String call) {
        calls.add(call);
        return new AssertionError("gateway " + name + " was asked to " + call + ": it declares itself only");
    }
}
