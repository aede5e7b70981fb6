package io.s2spay.sandbox.api;

import io.s2spay.sandbox.gateway.GatewayResultCodes;
import io.s2spay.sandbox.gateway.OppRejection;
import io.s2spay.sandbox.gateway.OppRejection.ParameterError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Request parameters as OPP reads them: a POST takes them only from the form-encoded body, never from the URL. */
final class FormParameters {

    private FormParameters() {}

    /** The body parameters of a POST; any parameter in the URL is refused, as OPP refuses it. */
    static Map<String, String> body(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            List<ParameterError> errors = new ArrayList<>();
            UriComponentsBuilder.fromUriString("/?" + query)
                    .build()
                    .getQueryParams()
                    .forEach((name, values) -> errors.add(new ParameterError(
                            name,
                            null,
                            "parameters of a POST request must be sent in the message body, not in the URL")));
            throw new OppRejection(400, GatewayResultCodes.INVALID_PARAMETER, errors);
        }
        return firstValues(request);
    }

    /** The query parameters of a GET or DELETE. */
    static Map<String, String> query(HttpServletRequest request) {
        return firstValues(request);
    }

    private static Map<String, String> firstValues(HttpServletRequest request) {
        Map<String, String[]> raw = request.getParameterMap();
        Map<String, String> params = new HashMap<>(raw.size() * 2);
        raw.forEach((name, values) -> {
            if (values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }
}
