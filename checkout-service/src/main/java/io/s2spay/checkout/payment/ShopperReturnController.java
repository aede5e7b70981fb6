package io.s2spay.checkout.payment;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /shopper-returns/{paymentId}/{signature}}: the return URL s2spay gives the gateway. Reached by the
 * shopper's browser (GET, or POST when the gateway's page posts a form back), never with an API key: the signature
 * is the authentication. Answers 303 to the merchant's page; a link s2spay did not make answers 404.
 */
@RestController
@Hidden
class ShopperReturnController {

    private final ShopperReturns returns;

    ShopperReturnController(ShopperReturns returns) {
        this.returns = returns;
    }

    @RequestMapping(
            path = ShopperReturnLinks.PATH + "{paymentId}/{signature}",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> shopperReturned(@PathVariable String paymentId, @PathVariable String signature) {
        return returns.arrived(paymentId, signature)
                .map(destination -> destination.merchantPage() != null
                        ? ResponseEntity.status(HttpStatus.SEE_OTHER)
                                .location(destination.merchantPage())
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .<String>build()
                        : ResponseEntity.ok()
                                .contentType(MediaType.TEXT_PLAIN)
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .body("Payment " + destination.paymentId() + ": " + destination.status()
                                        + ". You may close this page.\n"))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("This return link is not valid.\n"));
    }
}
