package io.s2spay.sandbox.tokens;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders the tokens API's errors as {@code {"error":{...}}}; ahead of the OPP API's handler, and only for this
 * package's controllers.
 */
@RestControllerAdvice(basePackageClasses = TokensErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokensErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TokensErrorHandler.class);

    @ExceptionHandler(TokensApiException.class)
    ResponseEntity<Map<String, Object>> refused(TokensApiException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405)
                .body(Map.of(
                        "error",
                        Map.of(
                                "type", "invalid_request_error",
                                "code", "method_not_allowed",
                                "message", e.getMethod() + " is not allowed here.")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Tokens API: unexpected error", e);
        return ResponseEntity.status(500)
                .body(Map.of(
                        "error", Map.of("type", "api_error", "code", "internal_error", "message", "Internal error.")));
    }
}
