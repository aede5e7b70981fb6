package io.s2spay.sandbox.gateway;

import io.s2spay.sandbox.SandboxProperties;
import io.s2spay.sandbox.gateway.IssuerSimulator.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Initial payments (PA, DB), with card data or on a registration, and deregistration: the duplicate check on
 * merchantTransactionId, standing instruction rules, the issuer's answer and the start of 3-D Secure and bank
 * redirects.
 */
@Service
public class GatewayPaymentService {

    private final TransactionStore store;
    private final SandboxProperties properties;
    private final Clock clock;

    public GatewayPaymentService(TransactionStore store, SandboxProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code POST /v1/payments}. */
    public Transaction pay(MerchantAccount merchant, PaymentRequest request, String baseUrl) {
        StandingInstruction si = checkStandingInstruction(merchant, request.standingInstruction(), null);
        CardData card = request.card() == null ? null : request.card().toCardData();
        return process(merchant, request, request.paymentBrand(), card, null, si, baseUrl);
    }

    /** {@code POST /v1/registrations/{id}/payments}: the stored card pays, under a standing instruction if given. */
    public Transaction payWithRegistration(
            MerchantAccount merchant, String registrationId, PaymentRequest request, String baseUrl) {
        Registration registration = usableRegistration(merchant, registrationId);
        if (request.createRegistration()) {
            throw OppRejection.invalidParameter(
                    "createRegistration", "true", "a payment on a registration cannot create another registration");
        }
        StandingInstruction si = checkStandingInstruction(merchant, request.standingInstruction(), registration);
        return process(merchant, request, registration.brand(), registration.card(), registration, si, baseUrl);
    }

    /** {@code DELETE /v1/registrations/{id}}: the stored card can no longer be used. */
    public Registration deregister(MerchantAccount merchant, String registrationId) {
        Registration registration = usableRegistration(merchant, registrationId);
        Registration deregistered = registration.deregister(clock.instant());
        store.save(deregistered);
        return deregistered;
    }

    private Registration usableRegistration(MerchantAccount merchant, String registrationId) {
        if (!Ids.isId(registrationId)) {
            throw OppRejection.badRequest(GatewayResultCodes.INVALID_REGISTRATION_ID);
        }
        Registration registration = store.registration(registrationId)
                .filter(reg -> reg.merchant().equals(merchant.name()))
                .orElseThrow(() -> new OppRejection(404, GatewayResultCodes.REGISTRATION_NOT_FOUND));
        if (registration.deregistered()) {
            throw OppRejection.badRequest(GatewayResultCodes.REGISTRATION_DEREGISTERED);
        }
        return registration;
    }

    /**
     * A customer-initiated INITIAL instruction starts a series; a REPEATED one continues a series started by a
     * successful INITIAL CIT of the same merchant and type, which a merchant-initiated one must reference.
     */
    private StandingInstruction checkStandingInstruction(
            MerchantAccount merchant, StandingInstruction si, Registration registration) {
        if (si == null || si.isInitial()) {
            return si == null ? null : si.withInitialTransactionId(null);
        }
        String reference = si.initialTransactionId() != null
                ? si.initialTransactionId()
                : registration != null ? registration.initialTransactionId() : null;
        if (reference == null) {
            if (si.isMerchantInitiated()) {
                throw OppRejection.invalidParameter(
                        "standingInstruction.initialTransactionId",
                        null,
                        "a merchant-initiated REPEATED payment must reference its INITIAL customer-initiated "
                                + "transaction (or use a registration created by one)");
            }
            return si;
        }
        Transaction initial = store.initialTransaction(reference)
                .filter(tx -> merchant.owns(tx.entityId()))
                .filter(tx -> "CIT".equals(tx.standingInstruction().source()))
                .orElseThrow(() -> OppRejection.invalidParameter(
                        "standingInstruction.initialTransactionId",
                        reference,
                        "does not reference a successful INITIAL customer-initiated transaction of this merchant"));
        if (!initial.standingInstruction().type().equals(si.type())) {
            throw OppRejection.invalidParameter(
                    "standingInstruction.type",
                    si.type(),
                    "must match the type of the initial transaction ("
                            + initial.standingInstruction().type() + ")");
        }
        return si.withInitialTransactionId(initial.standingInstruction().initialTransactionId());
    }

    private Transaction process(
            MerchantAccount merchant,
            PaymentRequest request,
            GatewayBrand brand,
            CardData card,
            Registration registration,
            StandingInstruction si,
            String baseUrl) {
        Instant now = clock.instant();
        String id = Ids.next();
        String successCode = merchant.successCode();
        Answer answer = null;
        boolean challenge = false;
        if (brand.isCard()) {
            boolean merchantInitiated = si != null && si.isMerchantInitiated();
            answer = IssuerSimulator.authorize(card, request.amountMinor(), successCode);
            challenge = IssuerSimulator.challenges(card, merchantInitiated);
        } else {
            if (brand.workflow() == GatewayBrand.Workflow.BANK_REDIRECT_INSTANT
                    && request.paymentType() == PaymentType.PA) {
                throw OppRejection.badRequest("600.200.202");
            }
            if (request.createRegistration()) {
                throw OppRejection.invalidParameter(
                        "createRegistration", "true", "registrations are only created for card brands");
            }
        }
        boolean redirect = challenge || !brand.isCard();
        if (redirect && request.shopperResultUrl() == null) {
            throw OppRejection.badRequest(GatewayResultCodes.NO_FRONTEND_FOR_ASYNC);
        }
        String merchantTransactionId = request.merchantTransactionId();
        if (merchantTransactionId != null
                && store.claimMerchantTransactionId(request.entityId(), "INITIAL", merchantTransactionId, id) != null) {
            throw OppRejection.badRequest(GatewayResultCodes.DUPLICATE_TRANSACTION_ID);
        }
        try {
            Transaction tx = new Transaction(
                    id,
                    request.entityId(),
                    request.paymentType(),
                    brand,
                    request.amountMinor(),
                    request.currency(),
                    merchantTransactionId,
                    null,
                    id,
                    TransactionState.PENDING_REDIRECT,
                    GatewayResultCodes.PENDING,
                    card,
                    request.createRegistration(),
                    registration == null ? null : registration.id(),
                    si,
                    descriptor(merchant, request, id),
                    request.shopperResultUrl(),
                    request.notificationUrl(),
                    null,
                    null,
                    null,
                    false,
                    PaymentJson.ndc(request.entityId()),
                    now,
                    now);
            if (challenge) {
                tx = startThreeDs(tx, answer.code(), baseUrl, now);
            } else if (!brand.isCard()) {
                tx = startBankRedirect(tx, successCode, baseUrl, now);
            } else {
                tx = settle(tx, answer, now);
            }
            store.save(tx);
            return tx;
        } catch (RuntimeException e) {
            if (merchantTransactionId != null) {
                store.releaseMerchantTransactionId(request.entityId(), "INITIAL", merchantTransactionId, id);
            }
            throw e;
        }
    }

    /**
     * Applies the issuer's answer to a transaction: approved (creating the registration and the network transaction
     * id of an INITIAL instruction), declined, or uncertain until the acquirer's late answer.
     */
    Transaction settle(Transaction tx, Answer answer, Instant now) {
        return switch (answer.kind()) {
            case APPROVED -> approve(tx, answer.code(), now);
            case DECLINED -> tx.withResult(TransactionState.REJECTED, answer.code(), now);
            case UNCERTAIN ->
                tx.withResult(TransactionState.UNCERTAIN, answer.code(), now)
                        .withSession(new AsyncSession(
                                AsyncSession.Kind.ACQUIRER_LATE_ANSWER,
                                null,
                                now.plus(properties.rules().lateAcquirerAnswer())));
        };
    }

    Transaction approve(Transaction tx, String code, Instant now) {
        Transaction approved = tx.withResult(TransactionState.SUCCEEDED, code, now);
        StandingInstruction si = approved.standingInstruction();
        if (si != null && si.isInitial() && "CIT".equals(si.source())) {
            si = si.withInitialTransactionId(Ids.networkTransactionId());
        }
        String registrationId = approved.registrationId();
        if (approved.createRegistration() && approved.card() != null) {
            Registration registration = new Registration(
                    Ids.next(),
                    merchantOf(tx.entityId()),
                    tx.entityId(),
                    tx.paymentBrand(),
                    tx.card(),
                    tx.id(),
                    si != null ? si.initialTransactionId() : null,
                    si != null ? si.type() : null,
                    false,
                    now,
                    now);
            store.save(registration);
            registrationId = registration.id();
        } else if (registrationId != null && si != null && si.initialTransactionId() != null && si.isInitial()) {
            // an INITIAL CIT on a stored card starts the series later MIT payments on it continue
            String initialId = si.initialTransactionId();
            String type = si.type();
            store.registration(registrationId)
                    .ifPresent(reg -> store.save(new Registration(
                            reg.id(),
                            reg.merchant(),
                            reg.entityId(),
                            reg.brand(),
                            reg.card(),
                            tx.id(),
                            initialId,
                            type,
                            reg.deregistered(),
                            reg.createdAt(),
                            now)));
        }
        return approved.withRegistration(registrationId, si);
    }

    private Transaction startThreeDs(Transaction tx, String outcome, String baseUrl, Instant now) {
        String token = Ids.randomHex();
        String creq = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"threeDSServerTransID\":\""
                                + UUID.randomUUID() + "\",\"acsTransID\":\"" + UUID.randomUUID()
                                + "\",\"messageType\":\"CReq\",\"messageVersion\":\"2.2.0\",\"challengeWindowSize\":\"05\"}")
                        .getBytes(StandardCharsets.UTF_8));
        RedirectInfo redirect = new RedirectInfo(
                baseUrl + "connectors/threeds/challenge",
                "POST",
                List.of(
                        new RedirectInfo.Parameter("creq", creq),
                        new RedirectInfo.Parameter("threeDSSessionData", token)));
        return pending(
                tx,
                redirect,
                new AsyncSession(
                        AsyncSession.Kind.THREE_DS,
                        token,
                        now.plus(properties.async().sessionTimeout())),
                outcome);
    }

    private Transaction startBankRedirect(Transaction tx, String successCode, String baseUrl, Instant now) {
        String token = Ids.randomHex();
        RedirectInfo redirect = new RedirectInfo(
                baseUrl + "connectors/bank/" + tx.paymentBrand().name().toLowerCase(Locale.ROOT) + "/pay",
                "GET",
                List.of(new RedirectInfo.Parameter("sessionId", token)));
        String outcome = tx.paymentBrand().workflow() == GatewayBrand.Workflow.BANK_REDIRECT_WITH_RECEIPT
                ? GatewayResultCodes.WAITING_FOR_NON_INSTANT_PAYMENT
                : successCode;
        return pending(
                tx,
                redirect,
                new AsyncSession(
                        AsyncSession.Kind.BANK,
                        token,
                        now.plus(properties.async().sessionTimeout())),
                outcome);
    }

    private static Transaction pending(Transaction tx, RedirectInfo redirect, AsyncSession session, String outcome) {
        return new Transaction(
                tx.id(),
                tx.entityId(),
                tx.paymentType(),
                tx.paymentBrand(),
                tx.amountMinor(),
                tx.currency(),
                tx.merchantTransactionId(),
                null,
                tx.rootId(),
                TransactionState.PENDING_REDIRECT,
                GatewayResultCodes.PENDING,
                tx.card(),
                tx.createRegistration(),
                tx.registrationId(),
                tx.standingInstruction(),
                tx.descriptor(),
                tx.shopperResultUrl(),
                tx.notificationUrl(),
                redirect,
                session,
                outcome,
                false,
                tx.ndc(),
                tx.createdAt(),
                tx.updatedAt());
    }

    private String merchantOf(String entityId) {
        return properties.merchants().entrySet().stream()
                .filter(entry -> entry.getValue().owns(entityId))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /** The merchant's descriptor, or one shaped like OPP's: a short reference and the channel name. */
    private static String descriptor(MerchantAccount merchant, PaymentRequest request, String id) {
        if (request.descriptor() != null) {
            return request.descriptor();
        }
        String digits = String.format("%012d", Long.parseUnsignedLong(id.substring(20), 16) % 1_000_000_000_000L);
        String channel = merchant.config().descriptorName() != null
                ? merchant.config().descriptorName()
                : merchant.name() + "_Channel";
        return digits.substring(0, 4) + "." + digits.substring(4, 8) + "." + digits.substring(8) + " " + channel;
    }
}
