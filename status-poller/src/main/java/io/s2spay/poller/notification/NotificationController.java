package io.s2spay.poller.notification;

import io.s2spay.gateway.GatewayNotification;
import io.s2spay.gateway.InvalidNotificationException;
import io.s2spay.gateway.NotificationMessage;
import io.s2spay.gateway.UnknownGatewayAccountException;
import io.s2spay.gateway.routing.GatewayAccount;
import io.s2spay.gateway.routing.Gateways;
import io.s2spay.poller.tracking.TrackedPayments;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives a gateway account's webhooks ({@code POST /v1/notifications/{gateway}/{account}}, e.g.
 * {@code /v1/notifications/opp/merchant-a} for OPP's encrypted ones: the URL set as the account's notification URL),
 * has that account's gateway adapter authenticate and decode them, and makes the payment they concern due for a check
 * at once. The payload is not
 * applied as such: the janitor asks the query endpoint, so that notifications arriving late, twice or out of order
 * change nothing, and one code path decides every outcome. Chargebacks, their reversals and receipts (which the bank
 * may originate, on payments long settled) are confirmed at the gateway and handed to back-office; the webhook is
 * acknowledged only once that is done, or when there is nothing to do.
 */
@RestController
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);

    private final Gateways gateways;
    private final TrackedPayments payments;
    private final TransactionReporter reporter;
    private final Clock clock;

    NotificationController(Gateways gateways, TrackedPayments payments, TransactionReporter reporter, Clock clock) {
        this.gateways = gateways;
        this.payments = payments;
        this.reporter = reporter;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/notifications/{gateway}/{accountKey}")
    ResponseEntity<Void> receive(
            @PathVariable String gateway,
            @PathVariable String accountKey,
            @RequestBody(required = false) String body,
            @RequestHeader Map<String, String> headers) {
        GatewayAccount account;
        try {
            account = new GatewayAccount(gateway, accountKey);
        } catch (IllegalArgumentException e) {
            throw new UnknownGatewayAccountException(e.getMessage());
        }
        GatewayNotification notification =
                gateways.portOf(account).decodeNotification(account.account(), new NotificationMessage(body, headers));
        if (notification.isPayment()) {
            var transaction = notification.transaction();
            boolean nudged = payments.checkNow(
                    account, transaction.gatewayTransactionId(), transaction.merchantTransactionId(), clock.instant());
            boolean reported = TransactionReporter.reports(transaction);
            log.info(
                    "Notification of {}: {} {} {} mtid={} -> {}",
                    account,
                    transaction.typeName(),
                    transaction.gatewayTransactionId(),
                    transaction.resultCode(),
                    transaction.merchantTransactionId(),
                    nudged
                            ? "checking the payment now"
                            : reported ? "confirming it at the gateway for back-office" : "no open payment to check");
            if (reported && reporter.report(account, transaction) == TransactionReporter.Result.GATEWAY_UNAVAILABLE) {
                // not acknowledged: OPP sends it again later, when the gateway can confirm it
                throw new GatewayUnavailableException(transaction.typeName() + " " + transaction.gatewayTransactionId()
                        + " could not be confirmed at the gateway now; send the notification again later");
            }
        }
        // acknowledged in every other case (even when there is nothing to do), or OPP would send it again for ever
        return ResponseEntity.ok().build();
    }

    @ExceptionHandler(GatewayUnavailableException.class)
    ProblemDetail gatewayUnavailable(GatewayUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("https://s2spay.io/problems/gateway-unavailable"));
        problem.setTitle("Gateway unavailable");
        return problem;
    }

    /** The notified transaction could not be confirmed at the gateway now. */
    static final class GatewayUnavailableException extends RuntimeException {
        GatewayUnavailableException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidNotificationException.class)
    ProblemDetail invalid(InvalidNotificationException e) {
        HttpStatus status = e.reason() == InvalidNotificationException.Reason.AUTHENTICATION_FAILED
                ? HttpStatus.UNAUTHORIZED
                : HttpStatus.BAD_REQUEST;
        log.warn("Refused a notification: {} {}", e.reason(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("https://s2spay.io/problems/invalid-notification"));
        problem.setTitle("Invalid notification");
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    @ExceptionHandler(UnknownGatewayAccountException.class)
    ProblemDetail unknownMerchant(UnknownGatewayAccountException e) {
        log.warn("Refused a notification for an account not configured here: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such merchant");
        problem.setType(URI.create("https://s2spay.io/problems/unknown-merchant"));
        problem.setTitle("Unknown merchant");
        return problem;
    }
}
