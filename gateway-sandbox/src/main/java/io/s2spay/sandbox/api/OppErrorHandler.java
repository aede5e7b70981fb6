package io.s2spay.sandbox.api;

import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.OppRejection;
import io.s2spay.sandbox.gateway.PaymentJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers refused and failed requests in OPP's JSON shape (result code, description, parameter errors). */
@RestControllerAdvice
class OppErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OppErrorHandler.class);

    private final Clock clock;

    OppErrorHandler(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(OppRejection.class)
    ResponseEntity<Map<String, Object>> rejected(OppRejection rejection, HttpServletRequest request) {
        return ResponseEntity.status(rejection.httpStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .body(PaymentJson.resultOnly(
                        rejection.code(),
                        rejection.parameterErrors(),
                        PaymentJson.ndc(request.getParameter("entityId")),
                        clock.instant()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failed(RuntimeException failure, HttpServletRequest request) {
        log.error("Sandbox failed on {} {}", request.getMethod(), request.getRequestURI(), failure);
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_JSON)
                .body(PaymentJson.resultOnly(
                        GatewayResultCodes.UNDEFINED_ERROR, List.of(), PaymentJson.ndc(null), clock.instant()));
    }
}
