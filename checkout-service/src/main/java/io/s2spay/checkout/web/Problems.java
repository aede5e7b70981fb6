package io.s2spay.checkout.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem types of the API (RFC 9457), one URI per kind of error so clients can branch on it. */
public final class Problems {

    /** Prefix of every problem type URI. */
    public static final String TYPE_BASE = "https://s2spay.io/problems/";

    private Problems() {}

    /**
     * The problem as its JSON body reads (RFC 9457 members, then its properties), for answers stored and replayed
     * byte for byte, which do not pass through the MVC message converters.
     */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** A problem of type {@code TYPE_BASE + type}. */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
