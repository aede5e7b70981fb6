package io.s2spay.checkout.payment;

import io.s2spay.checkout.merchant.AuthenticatedMerchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

    @Operation(
            summary = "Create a payment (DB debit or PA pre-authorization) by card, bank transfer or stored card",
            description = "Answers 201 with the outcome when it arrives within s2spay.checkout.sync-wait, otherwise "
                    + "202 with the pending payment and its Location.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = PaymentRequestDocument.class))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Outcome known",
                        content = @Content(schema = @Schema(implementation = PaymentView.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "Accepted, outcome not known yet",
                        content = @Content(schema = @Schema(implementation = PaymentView.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid request; nothing was written",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(
                        responseCode = "401",
                        description = "Missing or invalid API key",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(
                        responseCode = "409",
                        description =
                                "merchantTransactionId already used, or the same " + "Idempotency-Key is in flight",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                @ApiResponse(
                        responseCode = "422",
                        description = "Idempotency-Key used for a different request",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @PostMapping(path = "/v1/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> create(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @Parameter(description = "Makes retries safe: the first response is replayed, no second payment is made")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @RequestBody(required = false) byte[] body) {
        PaymentRequests.PaymentResponse response = requests.create(merchant.id(), idempotencyKey, correlationId, body);
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON);
        if (response.paymentId() != null) {
            builder.location(URI.create("/v1/payments/" + response.paymentId()));
        }
        if (response.replayed()) {
            builder.header(IDEMPOTENT_REPLAYED, "true");
        }
        return builder.body(response.body());
    }

    @Operation(
            summary = "A payment of the authenticated merchant: its lifecycle status, amounts and operations",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The payment",
                        content = @Content(schema = @Schema(implementation = PaymentView.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "No such payment for this merchant",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @GetMapping(path = "/v1/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    PaymentView get(@Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String paymentId) {
        return requests.find(merchant.id(), paymentId);
    }

    @Operation(
            summary = "The merchant's payments, newest first, one page at a time",
            description = "Pass the id of the last payment of a page as starting_after to get the next page. Filters "
                    + "combine; created[gte] and created[lt] are ISO-8601 instants such as 2026-12-01T00:00:00Z.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "A page of payments (without their operations)",
                        content = @Content(schema = @Schema(implementation = PaymentRequests.PaymentPage.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid parameter",
                        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
            })
    @GetMapping(path = "/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    PaymentRequests.PaymentPage list(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @Parameter(description = "Page size, 1 to 100 (default 10)") @RequestParam(required = false) String limit,
            @Parameter(description = "The id of the last payment of the previous page")
                    @RequestParam(name = "starting_after", required = false)
                    String startingAfter,
            @RequestParam(required = false) String merchantTransactionId,
            @Parameter(description = "A lifecycle status, e.g. captured") @RequestParam(required = false) String status,
            @Parameter(description = "Created at or after this instant")
                    @RequestParam(name = "created[gte]", required = false)
                    String createdFrom,
            @Parameter(description = "Created before this instant")
                    @RequestParam(name = "created[lt]", required = false)
                    String createdBefore,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        return requests.list(
                merchant.id(),
                PaymentQueries.parse(
                        limit, startingAfter, merchantTransactionId, status, createdFrom, createdBefore, all.keySet()));
    }
}
