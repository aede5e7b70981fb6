package io.s2spay.checkout.payment;

import io.s2spay.checkout.merchant.AuthenticatedMerchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations on a payment ({@code /v1/payments/{id}/captures}, {@code /refunds}, ...): one endpoint per
 * operation, so the OpenAPI document names each, all answered by {@link OperationRequests}.
 */
@RestController
@SecurityRequirement(name = "apiKey")
class OperationController {

    private final OperationRequests requests;

    OperationController(OperationRequests requests) {
        this.requests = requests;
    }

    @Operation(summary = "Capture a pre-authorization, wholly or in part (once)")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/captures")
    ResponseEntity<byte[]> capture(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.CAPTURE, key, correlationId, body);
    }

    @Operation(summary = "Refund captured or debited money, wholly or in part, as many times as it lasts")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/refunds")
    ResponseEntity<byte[]> refund(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.REFUND, key, correlationId, body);
    }

    @Operation(
            summary = "Reverse (void) a pre-authorization that was not captured: the whole reservation is released",
            description = "A reversal takes no amount.")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/reversals")
    ResponseEntity<byte[]> reverse(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.REVERSAL, key, correlationId, body);
    }

    @Operation(summary = "Charge an additional amount on a captured or debited payment (amount required)")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/rebills")
    ResponseEntity<byte[]> rebill(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.REBILL, key, correlationId, body);
    }

    @Operation(summary = "Record a chargeback the bank announced, wholly or in part")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/chargebacks")
    ResponseEntity<byte[]> chargeback(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.CHARGEBACK, key, correlationId, body);
    }

    @Operation(summary = "Reverse an open chargeback (the merchant won the dispute)")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/chargeback-reversals")
    ResponseEntity<byte[]> reverseChargeback(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.CHARGEBACK_REVERSAL, key, correlationId, body);
    }

    @Operation(summary = "Confirm the receipt of a bank transfer that awaits it (the whole amount)")
    @OperationAnswers
    @PostMapping(path = "/v1/payments/{paymentId}/receipts")
    ResponseEntity<byte[]> confirmReceipt(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OperationRequestDocument.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        return answer(merchant, paymentId, OperationType.RECEIPT, key, correlationId, body);
    }

    @Operation(summary = "One operation on a payment, whoever asked for it (this API, another system, the bank)")
    @ApiResponse(
            responseCode = "200",
            description = "The operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such operation of a payment of this merchant",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/v1/payments/{paymentId}/operations/{operationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    OperationView get(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String paymentId,
            @PathVariable String operationId) {
        return requests.find(merchant.id(), paymentId, operationId);
    }

    private ResponseEntity<byte[]> answer(
            AuthenticatedMerchant merchant,
            String paymentId,
            OperationType type,
            String idempotencyKey,
            String correlationId,
            byte[] body) {
        String path = "/v1/payments/" + paymentId + "/" + type.path();
        OperationRequests.OperationResponse response =
                requests.create(merchant.id(), paymentId, type, idempotencyKey, correlationId, path, body);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(response.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (response.operationId() != null) {
            builder.location(
                    URI.create("/v1/payments/" + response.paymentId() + "/operations/" + response.operationId()));
        }
        if (response.replayed()) {
            builder.header(PaymentController.IDEMPOTENT_REPLAYED, "true");
        }
        return builder.body(response.body());
    }

    /** The answers every operation endpoint gives. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponses({
        @ApiResponse(
                responseCode = "201",
                description = "Outcome known: succeeded, or failed (the gateway refused it)",
                content = @Content(schema = @Schema(implementation = OperationView.class))),
        @ApiResponse(
                responseCode = "202",
                description = "Accepted, outcome not known yet (pending); see Location",
                content = @Content(schema = @Schema(implementation = OperationView.class))),
        @ApiResponse(
                responseCode = "400",
                description = "Invalid request (field errors); nothing was written",
                content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
        @ApiResponse(
                responseCode = "401",
                description = "Missing or invalid API key",
                content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
        @ApiResponse(
                responseCode = "404",
                description = "No such payment for this merchant",
                content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
        @ApiResponse(
                responseCode = "409",
                description = "Refused by the payment's state, nothing sent to the gateway; "
                        + "code: already_captured, already_reversed, chargeback_open, not_captured, payment_not_completed, "
                        + "not_a_preauthorization, nothing_to_refund, no_chargeback, no_pending_receipt, payment_not_found, "
                        + "merchant_not_configured; or the same Idempotency-Key is in flight",
                content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
        @ApiResponse(
                responseCode = "422",
                description = "Refused for its amount, nothing sent to the gateway; code: "
                        + "amount_exceeds_refundable, amount_exceeds_authorized, amount_exceeds_chargeback, amount_mismatch, "
                        + "amount_required, currency_mismatch, invalid_amount; or an Idempotency-Key reused",
                content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    })
    @interface OperationAnswers {}
}
