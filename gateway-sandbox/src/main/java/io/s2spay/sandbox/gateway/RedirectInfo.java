package io.s2spay.sandbox.gateway;

import java.util.List;

/** The redirect OPP hands back for an asynchronous payment: where the shopper's browser goes, how, with what. */
public record RedirectInfo(String url, String method, List<Parameter> parameters) {

    /** One name/value pair to send along with the redirect. */
    public record Parameter(String name, String value) {}
}
