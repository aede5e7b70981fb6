package io.s2spay.checkout.payment;

import io.s2spay.checkout.merchant.AuthenticatedMerchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/stored-credentials/{id}}: the cards a customer-initiated payment stored with {@code "storeCard": true},
 * charged later by {@code POST /v1/payments} with {@code storedCredentialId}.
 */
@RestController
@SecurityRequirement(name = "apiKey")
class StoredCredentialController {

    private final StoredCredentialRequests requests;

    StoredCredentialController(StoredCredentialRequests requests) {
        this.requests = requests;
    }

    @Operation(summary = "A stored card of the merchant (masked) and whether it can be charged")
    @ApiResponse(
            responseCode = "200",
            description = "The stored credential",
            content = @Content(schema = @Schema(implementation = StoredCredentialView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such stored credential for this merchant",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/v1/stored-credentials/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    StoredCredentialView get(@Parameter(hidden = true) AuthenticatedMerchant merchant, @PathVariable String id) {
        return requests.find(merchant.id(), id);
    }

    @Operation(
            summary = "Delete a stored card: it is deregistered at the gateway and can no longer be charged",
            description = "Safe to repeat. Answers 200 once the gateway confirmed it within the sync wait, else 202 "
                    + "with status deleting (no charge is accepted meanwhile).")
    @ApiResponse(
            responseCode = "200",
            description = "Deleted",
            content = @Content(schema = @Schema(implementation = StoredCredentialView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Being deleted",
            content = @Content(schema = @Schema(implementation = StoredCredentialView.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such stored credential for this merchant",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "502",
            description = "The gateway refused the deletion; the card stays usable",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @DeleteMapping(path = "/v1/stored-credentials/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredCredentialView> delete(
            @Parameter(hidden = true) AuthenticatedMerchant merchant,
            @PathVariable String id,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        StoredCredentialRequests.Deletion deletion =
                requests.delete(merchant.id(), id, RequestHeaders.correlationId(correlationId));
        return ResponseEntity.status(deletion.done() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(deletion.credential());
    }
}
