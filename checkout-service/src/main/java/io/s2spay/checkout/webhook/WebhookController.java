package io.s2spay.checkout.webhook;

import io.s2spay.checkout.merchant.AuthenticatedMerchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/webhook-endpoints} and {@code /v1/webhook-deliveries}: translates HTTP to {@link WebhookRequests}. */
@RestController
@SecurityRequirement(name = "apiKey")
class WebhookController {

    private final WebhookRequests requests;

    WebhookController(WebhookRequests requests) {
        this.requests = requests;
    }

    @Operation(
            summary = "Register an HTTPS endpoint for the merchant's payment events; the answer holds its "
                    + "signing secret, shown only this once")
    @PostMapping(path = WebhookRequests.ENDPOINTS_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> create(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) byte[] body) {
        WebhookRequests.Created created = requests.create(merchant.id(), idempotencyKey, body);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(created.status())
                .contentType(MediaType.APPLICATION_JSON)
                .location(URI.create(WebhookRequests.ENDPOINTS_PATH + "/" + created.endpointId()));
        if (created.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(created.body());
    }

    @Operation(summary = "The merchant's enabled webhook endpoints")
    @GetMapping(path = WebhookRequests.ENDPOINTS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookViews.Page<WebhookViews.EndpointView> list(@Parameter(hidden = true) AuthenticatedMerchant merchant) {
        return new WebhookViews.Page<>(requests.list(merchant.id()), false);
    }

    @GetMapping(path = WebhookRequests.ENDPOINTS_PATH + "/{endpointId}", produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookViews.EndpointView get(
            @Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String endpointId) {
        return requests.get(merchant.id(), endpointId);
    }

    @Operation(summary = "Delete an endpoint: nothing more is sent to it")
    @DeleteMapping(path = WebhookRequests.ENDPOINTS_PATH + "/{endpointId}", produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookViews.EndpointView delete(
            @Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String endpointId) {
        return requests.delete(merchant.id(), endpointId);
    }

    @Operation(summary = "Deliveries to an endpoint, newest first")
    @GetMapping(
            path = WebhookRequests.ENDPOINTS_PATH + "/{endpointId}/deliveries",
            produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookViews.Page<WebhookViews.DeliveryView> deliveries(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String endpointId,
            @RequestParam(name = "payment_id", required = false) String paymentId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        return requests.deliveries(merchant.id(), endpointId, paymentId, limit, startingAfter);
    }

    @Operation(summary = "One delivery with its event and every attempt")
    @GetMapping(path = "/v1/webhook-deliveries/{deliveryId}", produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookViews.DeliveryView delivery(
            @Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String deliveryId) {
        return requests.delivery(merchant.id(), deliveryId);
    }

    @Operation(summary = "Send a delivery again now (re-opens a failed one)")
    @PostMapping(path = "/v1/webhook-deliveries/{deliveryId}/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookViews.DeliveryView> resend(
            @Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(requests.resend(merchant.id(), deliveryId));
    }
}
