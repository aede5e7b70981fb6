package io.s2spay.sandbox.fault;

import io.s2spay.sandbox.SandboxProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** The fault filter in front of one simulated API: the same fault plan (header, magic amounts, global rates). */
public final class FaultFilters {

    private FaultFilters() {}

    /**
     * A fault filter for a JSON API under {@code urlPatterns} (e.g. {@code "/tokens-api/*"}): the
     * {@code X-Sandbox-Fault} header and the global rates as for OPP, and the magic amounts where {@code amount}
     * finds them in a POST's body.
     */
    public static FilterRegistrationBean<?> forJsonApi(
            String name, SandboxProperties.Faults faults, MagicAmount amount, String... urlPatterns) {
        FilterRegistrationBean<FaultFilter> registration =
                new FilterRegistrationBean<>(new FaultFilter(faults, amount));
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
