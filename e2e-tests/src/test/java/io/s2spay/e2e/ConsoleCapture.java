package io.s2spay.e2e;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies everything this JVM writes to {@code System.out} and {@code System.err} — every service's log lines, the
 * broker's, Debezium's — into a file while still printing it, so a test can search the whole run's logs afterwards.
 * Logback's console appender looks {@code System.out} up on every write, so lines logged by any application count.
 */
final class ConsoleCapture implements AutoCloseable {

    private final Path file;
    private final OutputStream sink;
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    private ConsoleCapture(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.sink = new FileOutputStream(file.toFile());
        System.setOut(new PrintStream(new Tee(originalOut, sink), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, sink), true, StandardCharsets.UTF_8));
    }

    static ConsoleCapture start(Path file) {
        try {
            return new ConsoleCapture(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    /** Everything captured so far. */
    byte[] captured() {
        synchronized (sink) {
            try {
                sink.flush();
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A position in the capture, for {@link #errorsSince}. */
    long mark() {
        synchronized (sink) {
            try {
                sink.flush();
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The ERROR lines logged since {@code mark}, each with the stack trace under it (shortened), so that a test
     * failing on a server error can say which exception caused it.
     */
    String errorsSince(long mark) {
        byte[] all = captured();
        int from = (int) Math.min(mark, all.length);
        String[] lines = new String(all, from, all.length - from, StandardCharsets.UTF_8).split("\\R");
        StringBuilder errors = new StringBuilder();
        int traceLines = -1;
        for (String line : lines) {
            if (line.contains(" ERROR ")) {
                errors.append(line).append('\n');
                traceLines = 0;
            } else if (traceLines >= 0
                    && (line.startsWith("\t")
                            || line.startsWith("Caused by")
                            || line.isBlank()
                            || line.startsWith("java.")
                            || line.startsWith("org.")
                            || line.startsWith("io."))) {
                if (traceLines++ < 40) {
                    errors.append(line).append('\n');
                }
            } else {
                traceLines = -1;
            }
        }
        return errors.isEmpty() ? "(no ERROR line logged)" : errors.toString();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        synchronized (sink) {
            try {
                sink.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes to the console and to the shared capture file. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream sink;

        Tee(OutputStream console, OutputStream sink) {
            this.console = console;
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            synchronized (sink) {
                sink.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
            synchronized (sink) {
                sink.flush();
            }
        }
    }
}
