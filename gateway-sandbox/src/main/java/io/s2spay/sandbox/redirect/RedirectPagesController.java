package io.s2spay.sandbox.redirect;

import io.s2spay.sandbox.gateway.Amounts;
import io.s2spay.sandbox.gateway.AsyncFlowService;
import io.s2spay.sandbox.gateway.AsyncFlowService.Completion;
import io.s2spay.sandbox.gateway.AsyncFlowService.ShopperAction;
import io.s2spay.sandbox.gateway.AsyncSession;
import io.s2spay.sandbox.gateway.Transaction;
import io.s2spay.sandbox.gateway.TransactionState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages the shopper's browser is redirected to: the issuer's 3-D Secure challenge and the bank's transfer page.
 * Each offers approve, fail and cancel; the choice ends with a redirect to the merchant's shopperResultUrl carrying
 * {@code id} and {@code resourcePath=/v1/payments/{id}}.
 */
@RestController
class RedirectPagesController {

    private final AsyncFlowService flows;

    RedirectPagesController(AsyncFlowService flows) {
        this.flows = flows;
    }

    @RequestMapping(
            path = "/connectors/threeds/challenge",
            method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<String> challenge(@RequestParam(name = "threeDSSessionData", required = false) String token) {
        Optional<Transaction> found = token == null ? Optional.empty() : flows.session(token);
        if (found.isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND,
                    HtmlPages.message(
                            "3-D Secure",
                            "Unknown authentication session",
                            "This authentication session does not exist.",
                            null));
        }
        Transaction tx = found.get();
        if (!isOpen(tx, AsyncSession.Kind.THREE_DS)) {
            return finished(tx, "3-D Secure");
        }
        return page(HttpStatus.OK, HtmlPages.challenge(tx, token));
    }

    @PostMapping("/connectors/threeds/challenge/complete")
    ResponseEntity<String> completeChallenge(
            @RequestParam("threeDSSessionData") String token, @RequestParam("action") String action) {
        return complete(token, AsyncSession.Kind.THREE_DS, action, "3-D Secure");
    }

    @GetMapping("/connectors/bank/{brand}/pay")
    ResponseEntity<String> bankPage(@PathVariable String brand, @RequestParam(required = false) String sessionId) {
        Optional<Transaction> found = sessionId == null ? Optional.empty() : flows.session(sessionId);
        if (found.isEmpty() || !found.get().paymentBrand().name().equalsIgnoreCase(brand)) {
            return page(
                    HttpStatus.NOT_FOUND,
                    HtmlPages.message(
                            "Online banking", "Unknown transfer", "This transfer session does not exist.", null));
        }
        Transaction tx = found.get();
        if (!isOpen(tx, AsyncSession.Kind.BANK)) {
            return finished(tx, "Online banking");
        }
        return page(HttpStatus.OK, HtmlPages.bank(tx, sessionId));
    }

    @PostMapping("/connectors/bank/{brand}/complete")
    ResponseEntity<String> completeBank(
            @PathVariable String brand, @RequestParam String sessionId, @RequestParam String action) {
        return complete(sessionId, AsyncSession.Kind.BANK, action, "Online banking");
    }

    private ResponseEntity<String> complete(String token, AsyncSession.Kind kind, String action, String title) {
        ShopperAction shopperAction;
        try {
            shopperAction = ShopperAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    HtmlPages.message(title, "Unknown action", "Choose approve, fail or cancel.", null));
        }
        Optional<Completion> completion = flows.complete(token, kind, shopperAction);
        if (completion.isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND,
                    HtmlPages.message(title, "Unknown session", "This session does not exist.", null));
        }
        if (!completion.get().applied()) {
            return finished(completion.get().transaction(), title);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, shopperResultUrl(completion.get().transaction()))
                .build();
    }

    private ResponseEntity<String> finished(Transaction tx, String title) {
        boolean expired = tx.state() == TransactionState.REJECTED
                && tx.resultCode().startsWith("100.3")
                && (tx.resultCode().endsWith("501") || tx.resultCode().endsWith("103"));
        return page(
                HttpStatus.GONE,
                HtmlPages.message(
                        title,
                        expired ? "This session has timed out" : "This payment has already been completed",
                        "You can return to the shop.",
                        shopperResultUrl(tx)));
    }

    private static boolean isOpen(Transaction tx, AsyncSession.Kind kind) {
        return tx.state() == TransactionState.PENDING_REDIRECT
                && tx.session() != null
                && tx.session().kind() == kind;
    }

    /** The merchant's page, with the id and the resourcePath the merchant fetches the outcome from. */
    static String shopperResultUrl(Transaction tx) {
        String base = tx.shopperResultUrl();
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "id=" + tx.id() + "&resourcePath="
                + URLEncoder.encode("/v1/payments/" + tx.id(), StandardCharsets.UTF_8);
    }

    static String amount(Transaction tx) {
        return Amounts.format(tx.amountMinor(), tx.currency()) + " " + tx.currency();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
