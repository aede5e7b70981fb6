package io.s2spay.checkout.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem types of the API (RFC 9457), one URI per kind of error so clients can branch on it. */
public final class Problems {

    /** Prefix of every problem type URI. */
    public static final String TYPE_BASE = "https://s2spay.io/problems/";

    private Problems() {}

    /** A problem of type {@code TYPE_BASE + type}. */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
