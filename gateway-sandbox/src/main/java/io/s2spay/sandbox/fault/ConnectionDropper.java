package io.s2spay.sandbox.fault;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A Tomcat valve that gives each request a way to close its connection at once, without a response: what a
 * connection reset or a lost response looks like to the client.
 */
final class ConnectionDropper extends ValveBase {

    private static final String ATTRIBUTE = ConnectionDropper.class.getName();

    ConnectionDropper() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(
                ATTRIBUTE, (Runnable) () -> response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null));
        getNext().invoke(request, response);
    }

    /** Closes the request's connection without answering; nothing written before or after reaches the client. */
    static void drop(ServletRequest request) {
        Object dropper = request.getAttribute(ATTRIBUTE);
        if (!(dropper instanceof Runnable runnable)) {
            throw new IllegalStateException("connection faults need the sandbox's Tomcat valve");
        }
        runnable.run();
    }
}
