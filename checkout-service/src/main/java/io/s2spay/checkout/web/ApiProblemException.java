package io.s2spay.checkout.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** An answer other than success that a service decided on (404, 409, 422…), carried to the exception handler. */
public class ApiProblemException extends RuntimeException {

    private final ProblemDetail problem;
    private final HttpHeaders headers;

    public ApiProblemException(ProblemDetail problem) {
        this(problem, HttpHeaders.EMPTY);
    }

    public ApiProblemException(ProblemDetail problem, HttpHeaders headers) {
        super(problem.getDetail());
        this.problem = problem;
        this.headers = headers;
    }

    public ProblemDetail problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
