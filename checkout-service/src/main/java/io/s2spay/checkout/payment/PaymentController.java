package io.s2spay.checkout.payment;

import io.s2spay.checkout.merchant.AuthenticatedMerchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/payments}: translates HTTP to {@link PaymentRequests} and back. */
@RestController
@SecurityRequirement(name = "apiKey")
class PaymentController {

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final PaymentRequests requests;

    PaymentController(PaymentRequests requests) {
        this.requests = requests;
    }

    @Operation(summary = "Create a card payment (DB debit or PA pre-authorization)",
            description = "Answers 201 with the outcome when it arrives within s2spay.checkout.sync-wait, otherwise "
                    + "202 with the pending payment and its Location.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PaymentRequestDocument.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Outcome known",
                        content = @Content(schema = @Schema(implementation = PaymentView.class))),
                @ApiResponse(responseCode = "202", description = "Accepted, outcome not known yet",
                        content = @Content(schema = @Schema(implementation = PaymentView.class))),
                @ApiResponse(responseCode = "400", description = "Invalid request; nothing was written",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "401", description = "Missing or invalid API key",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "409", description = "merchantTransactionId already used, or the same "
                        + "Idempotency-Key is in flight", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key used for a different request",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @PostMapping(path = "/v1/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> create(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @Parameter(description = "Makes retries safe: the first response is replayed, no second payment is made")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @RequestBody(required = false) byte[] body) {
        PaymentRequests.PaymentResponse response = requests.create(merchant.id(), idempotencyKey, correlationId, body);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (response.paymentId() != null) {
            builder.location(URI.create("/v1/payments/" + response.paymentId()));
        }
        if (response.replayed()) {
            builder.header(IDEMPOTENT_REPLAYED, "true");
        }
        return builder.body(response.body());
    }

    @Operation(summary = "The current state of a payment of the authenticated merchant")
    @GetMapping(path = "/v1/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    PaymentView get(@Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String paymentId) {
        return requests.find(merchant.id(), paymentId);
    }
}
