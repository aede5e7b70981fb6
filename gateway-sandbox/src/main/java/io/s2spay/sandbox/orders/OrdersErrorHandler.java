package io.s2spay.sandbox.orders;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The orders API's error body {@code {"error":{"code","message","field"}}} for every refusal of its controllers;
 * ahead of OPP's handler, which answers OPP's shape.
 */
@RestControllerAdvice(assignableTypes = {OrdersController.class, OrdersOperatorController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrdersErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OrdersErrorHandler.class);

    @ExceptionHandler(OrdersApiException.class)
    ResponseEntity<Map<String, Object>> refused(OrdersApiException e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrdersJson.error(e));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e) {
        return refused(OrdersApiException.invalid(e.getParameterName(), e.getParameterName() + " is required"));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception e) {
        return ResponseEntity.status(415)
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrdersJson.error(
                        new OrdersApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json", null, null)));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failed(RuntimeException e, HttpServletRequest request) {
        log.error("Orders sandbox failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrdersJson.error(
                        new OrdersApiException(500, "INTERNAL_ERROR", "the sandbox failed", null, null)));
    }
}
