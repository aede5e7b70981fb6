package io.s2spay.sandbox.fault;

import io.s2spay.sandbox.SandboxProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Injects faults into a simulated API's requests: latency, HTTP 5xx, connection reset and timeout before the request
 * is processed, and the lost response after it was processed. OPP's magic amount is its form parameter
 * {@code amount}; a JSON API says where its amount is with a {@link MagicAmount} (its POST body is then read here
 * once and served again to the API).
 */
final class FaultFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Sandbox-Fault";
    private static final Logger log = LoggerFactory.getLogger(FaultFilter.class);

    private final SandboxProperties.Faults faults;
    private final MagicAmount jsonAmount;

    /** The filter of OPP's form-encoded API. */
    FaultFilter(SandboxProperties.Faults faults) {
        this(faults, null);
    }

    /** The filter of a JSON API, whose magic amount {@code jsonAmount} finds in the body. */
    FaultFilter(SandboxProperties.Faults faults, MagicAmount jsonAmount) {
        this.faults = faults;
        this.jsonAmount = jsonAmount;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FaultPlan plan = FaultPlan.draw(faults);
        if (faults.enabled()) {
            plan = FaultPlan.parseHeader(request.getHeader(HEADER)).with(plan);
            if (jsonAmount != null) {
                if ("POST".equals(request.getMethod())) {
                    byte[] body = request.getInputStream().readAllBytes();
                    request = new CachedBodyRequest(request, body);
                    plan = plan.with(FaultPlan.fromMinorUnits(jsonAmount.minorUnits(request, body)));
                }
            } else if ("POST".equals(request.getMethod()) && request.getQueryString() == null) {
                plan = plan.with(FaultPlan.fromAmount(request.getParameter("amount")));
            }
        }
        if (plan.isNone()) {
            chain.doFilter(request, response);
            return;
        }
        if (!plan.latency().isZero() && !sleep(plan.latency().toMillis())) {
            return;
        }
        switch (plan.failure()) {
            case NONE -> chain.doFilter(request, response);
            case HTTP_500 -> serverError(response, 500, "Internal Server Error");
            case HTTP_503 -> serverError(response, 503, "Service Unavailable");
            case RESET -> ConnectionDropper.drop(request);
            case TIMEOUT -> {
                if (sleep(faults.timeoutHold().toMillis())) {
                    ConnectionDropper.drop(request);
                }
            }
            case LOST_RESPONSE -> {
                chain.doFilter(request, new DiscardingResponse(response));
                log.info(
                        "Sandbox fault: {} {} processed, response dropped",
                        request.getMethod(),
                        request.getRequestURI());
                ConnectionDropper.drop(request);
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void serverError(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " "
                        + reason + "</h1></body></html>");
    }

    /** Lets the application write its response into nothing, so the real response stays untouched. */
    private static final class DiscardingResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }
        };
        private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));

        DiscardingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void flushBuffer() {}

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void setStatus(int sc) {}

        @Override
        public void setHeader(String name, String value) {}

        @Override
        public void addHeader(String name, String value) {}

        @Override
        public void setContentType(String type) {}

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void sendError(int sc, String msg) {}

        @Override
        public void sendError(int sc) {}

        @Override
        public void reset() {
            sink.reset();
        }

        @Override
        public void resetBuffer() {
            sink.reset();
        }
    }
}
