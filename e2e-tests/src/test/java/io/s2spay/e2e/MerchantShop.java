package io.s2spay.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant's web shop: a real HTTP server whose return page ({@code /shop/return/<order>}) the shopper's
 * browser lands on after a redirect, recording each arrival's query parameters.
 */
final class MerchantShop implements AutoCloseable {

    /** One arrival of a shopper: the order from the path, and the query s2spay added. */
    record Arrival(String order, Map<String, String> query, URI uri) {}

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    private MerchantShop(HttpServer server) {
        this.server = server;
    }

    static MerchantShop start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MerchantShop shop = new MerchantShop(server);
            server.createContext("/shop/return/", shop::arrive);
            server.start();
            return shop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shopperResultUrl the merchant sends for {@code order}. */
    String returnUrl(String order) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/shop/return/" + order;
    }

    boolean isShop(URI uri) {
        return uri.getPort() == server.getAddress().getPort() && uri.getPath().startsWith("/shop/return/");
    }

    List<Arrival> arrivals(String order) {
        return arrivals.stream()
                .filter(arrival -> arrival.order().equals(order))
                .toList();
    }

    private void arrive(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String order = uri.getPath().substring("/shop/return/".length());
        arrivals.add(new Arrival(order, query(uri.getRawQuery()), uri));
        byte[] page = "<!DOCTYPE html><html><body><h1>Thank you for your order</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            // a parameter twice is a fault worth seeing: keep both
            query.merge(name, value, (first, second) -> first + "," + second);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
