package io.s2spay.domain.brand;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of the payment brands s2spay accepts (seed 002's brand table, as far as the gateway sandbox
 * knows them): for each, the workflow it follows, the instrument it is paid with and the initial payment types
 * it allows. Checkout validates requests against it and the executor decides by it what a command must carry.
 */
public enum PaymentBrand {
    AMEX(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    DINERS(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    DISCOVER(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    JCB(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    MAESTRO(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    MASTER(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    VISA(Workflow.CARD, EnumSet.of(InitialType.PA, InitialType.DB)),
    /** Online bank transfer; the shopper approves it at the bank and the money arrives with the bank's receipt. */
    SOFORTUEBERWEISUNG(Workflow.BANK_REDIRECT_WITH_RECEIPT, EnumSet.of(InitialType.PA, InitialType.DB)),
    /** Online bank transfer confirmed at once when the shopper approves it at the bank; debit only. */
    GIROPAY(Workflow.BANK_REDIRECT_INSTANT, EnumSet.of(InitialType.DB));

    /**
     * How a payment of the brand proceeds: a card payment is synchronous unless the issuer challenges the
     * shopper (3-D Secure), a bank brand always redirects the shopper to the bank.
     */
    public enum Workflow {
        /** Synchronous with card data; a customer-initiated payment may be challenged (3-D Secure redirect). */
        CARD,
        /** Asynchronous: redirect to the bank, final once the shopper approves. */
        BANK_REDIRECT_INSTANT,
        /** Asynchronous: redirect to the bank, then awaiting the bank's receipt (RC) before the money is there. */
        BANK_REDIRECT_WITH_RECEIPT
    }

    /** The initial payment types: PA pre-authorization, DB debit. */
    public enum InitialType {
        PA,
        DB
    }

    private final Workflow workflow;
    private final Set<InitialType> initialTypes;

    PaymentBrand(Workflow workflow, Set<InitialType> initialTypes) {
        this.workflow = workflow;
        this.initialTypes = Set.copyOf(initialTypes);
    }

    public Workflow workflow() {
        return workflow;
    }

    /** Whether payments of this brand carry card data (or a stored card). */
    public boolean isCard() {
        return workflow == Workflow.CARD;
    }

    /** Whether every customer-initiated payment of the brand redirects the shopper (a bank brand). */
    public boolean alwaysRedirects() {
        return workflow != Workflow.CARD;
    }

    /** Whether the money of an approved payment arrives only with the bank's receipt. */
    public boolean awaitsReceipt() {
        return workflow == Workflow.BANK_REDIRECT_WITH_RECEIPT;
    }

    /** Whether the brand allows this initial payment type ({@code "PA"} or {@code "DB"}). */
    public boolean allows(String paymentType) {
        return Arrays.stream(InitialType.values())
                .anyMatch(t -> t.name().equals(paymentType) && initialTypes.contains(t));
    }

    /** The initial payment types the brand allows, e.g. {@code [DB]}. */
    public Set<InitialType> initialTypes() {
        return initialTypes;
    }

    /** The brand of this exact name ({@code VISA}), if s2spay accepts it. */
    public static Optional<PaymentBrand> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(b -> b.name().equals(name)).findFirst();
    }

    /** The names of every brand with this workflow, sorted, e.g. for an error message. */
    public static Set<String> namesOf(Workflow... workflows) {
        Set<Workflow> wanted = EnumSet.copyOf(Arrays.asList(workflows));
        return Arrays.stream(values())
                .filter(b -> wanted.contains(b.workflow))
                .map(Enum::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
