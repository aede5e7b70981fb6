package io.s2spay.sandbox.gateway;

import java.util.List;

/** A request OPP refuses without creating a transaction: validation, reference, authentication and lookup errors. */
public final class OppRejection extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final List<ParameterError> parameterErrors;

    /** A parameter that failed validation, as OPP lists it under {@code result.parameterErrors}. */
    public record ParameterError(String name, String value, String message) {}

    public OppRejection(int httpStatus, String code) {
        this(httpStatus, code, List.of());
    }

    public OppRejection(int httpStatus, String code, List<ParameterError> parameterErrors) {
        super(code + " " + GatewayResultCodes.describe(code), null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.parameterErrors = List.copyOf(parameterErrors);
    }

    public static OppRejection badRequest(String code) {
        return new OppRejection(400, code);
    }

    public static OppRejection invalidParameter(String name, String value, String message) {
        return new OppRejection(
                400, GatewayResultCodes.INVALID_PARAMETER, List.of(new ParameterError(name, value, message)));
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public List<ParameterError> parameterErrors() {
        return parameterErrors;
    }
}
