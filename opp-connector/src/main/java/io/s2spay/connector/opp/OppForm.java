package io.s2spay.connector.opp;

import io.s2spay.domain.money.MoneyAmounts;
import io.s2spay.gateway.CardData;
import io.s2spay.gateway.CredentialOnFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An OPP request body: {@code application/x-www-form-urlencoded} parameters in OPP's names, with amounts written
 * by ISO 4217 exponent; {@link #toString()} hides card data.
 */
final class OppForm {

    private static final Set<String> SECRET_PARAMETERS = Set.of("card.number", "card.cvv", "card.holder");

    private final List<String[]> parameters = new ArrayList<>();

    /** Adds {@code name=value}, skipping null values (OPP treats absent and empty differently). */
    OppForm add(String name, Object value) {
        if (value != null) {
            parameters.add(new String[] {name, value.toString()});
        }
        return this;
    }

    /** The parameters of an initial payment on card or a redirect brand. */
    static OppForm payment(String entityId, OppPaymentRequest request) {
        OppForm form = new OppForm()
                .add("entityId", entityId)
                .add("amount", MoneyAmounts.format(request.amountMinor(), request.currency()))
                .add("currency", request.currency())
                .add("paymentBrand", request.paymentBrand())
                .add("paymentType", request.paymentType().name())
                .add("merchantTransactionId", request.merchantTransactionId());
        CardData card = request.card();
        if (card != null) {
            form.add("card.number", card.number())
                    .add("card.holder", card.holder())
                    .add("card.expiryMonth", String.format("%02d", card.expiryMonth()))
                    .add("card.expiryYear", String.valueOf(card.expiryYear()))
                    .add("card.cvv", card.cvv());
        }
        if (request.createRegistration()) {
            form.add("createRegistration", "true");
        }
        return form.addCommon(request);
    }

    /** The parameters of a payment on stored card data ({@code /v1/registrations/{id}/payments}). */
    static OppForm registrationPayment(String entityId, OppPaymentRequest request) {
        return new OppForm()
                .add("entityId", entityId)
                .add("amount", MoneyAmounts.format(request.amountMinor(), request.currency()))
                .add("currency", request.currency())
                .add("paymentBrand", request.paymentBrand())
                .add("paymentType", request.paymentType().name())
                .add("merchantTransactionId", request.merchantTransactionId())
                .addCommon(request);
    }

    /** The parameters of a back-office operation on an existing payment. */
    static OppForm backOffice(String entityId, OppBackOfficeRequest request) {
        OppForm form = new OppForm().add("entityId", entityId);
        if (request.amountMinor() != null) {
            form.add("amount", MoneyAmounts.format(request.amountMinor(), request.currency()))
                    .add("currency", request.currency());
        }
        return form.add("paymentType", request.paymentType().name())
                .add("merchantTransactionId", request.merchantTransactionId());
    }

    private OppForm addCommon(OppPaymentRequest request) {
        CredentialOnFile instruction = request.standingInstruction();
        if (instruction != null) {
            add("standingInstruction.mode", instruction.mode().name());
            add("standingInstruction.type", instruction.type().name());
            add("standingInstruction.source", instruction.source().name());
            add("standingInstruction.initialTransactionId", instruction.initialTransactionId());
        }
        return add("shopperResultUrl", request.shopperResultUrl())
                .add("notificationUrl", request.notificationUrl())
                .add("descriptor", request.descriptor());
    }

    /** The URL-encoded body. */
    String encode() {
        StringJoiner body = new StringJoiner("&");
        for (String[] parameter : parameters) {
            body.add(URLEncoder.encode(parameter[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** The value of {@code name}, or null. */
    String get(String name) {
        return parameters.stream()
                .filter(p -> p[0].equals(name))
                .map(p -> p[1])
                .findFirst()
                .orElse(null);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (String[] parameter : parameters) {
            text.add(parameter[0] + "=" + (SECRET_PARAMETERS.contains(parameter[0]) ? "***" : parameter[1]));
        }
        return text.toString();
    }
}
