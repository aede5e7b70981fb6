package io.s2spay.sandbox.journal;

import io.s2spay.sandbox.SandboxProperties;
import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's durable state: an append-only file of JSON lines, each the latest version of one record (kind + id).
 * At start it is replayed (last version wins) and compacted; afterwards a single writer thread appends, so requests
 * never wait for the disk. Flushed as soon as the queue is empty and forced to disk on close.
 */
@Component
public class Journal {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final byte[] STOP = new byte[0];

    private final Path file;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, Map<String, JsonNode>> loaded = new LinkedHashMap<>();
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final FileOutputStream fileStream;
    private final OutputStream out;
    private final Thread writer;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean closed;

    public Journal(SandboxProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
            this.file = properties.dataDir().resolve("journal.jsonl");
            this.lockChannel = FileChannel.open(
                    properties.dataDir().resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = tryLock(lockChannel, properties.dataDir());
            replay();
            compact();
            this.fileStream = new FileOutputStream(file.toFile(), true);
            this.out = new BufferedOutputStream(fileStream, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sandbox journal in " + properties.dataDir(), e);
        }
        this.writer = Thread.ofPlatform().name("sandbox-journal").daemon(true).start(this::writeLoop);
        log.info(
                "Sandbox journal {}: {} records restored",
                file,
                loaded.values().stream().mapToInt(Map::size).sum());
    }

    /** The records of a kind restored at start (latest version of each), in the order they were first written. */
    public <T> List<T> restored(String kind, Class<T> type) {
        List<T> values = new ArrayList<>();
        loaded.getOrDefault(kind, Map.of()).values().forEach(node -> values.add(mapper.treeToValue(node, type)));
        return values;
    }

    /** Records the latest version of a record; returns at once, the write happens on the journal thread. */
    public void append(String kind, String id, Object value) {
        if (closed) {
            // shutting down: a late change (an expiry sweep, a delivery) is lost like an unflushed write in a crash
            log.debug("Journal closed, not recording {} {}", kind, id);
            return;
        }
        // kind and id are plain tokens (letters, hex ids): no escaping needed around the serialized value
        String line = "{\"k\":\"" + kind + "\",\"id\":\"" + id + "\",\"v\":" + mapper.writeValueAsString(value) + "}\n";
        queue.add(line.getBytes(StandardCharsets.UTF_8));
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = mapper.readTree(line);
                    Map<String, JsonNode> byId =
                            loaded.computeIfAbsent(node.get("k").asString(), kind -> new LinkedHashMap<>());
                    byId.put(node.get("id").asString(), node.get("v"));
                } catch (JacksonException | NullPointerException e) {
                    // a crash can leave a half-written last line; everything before it is intact
                    log.warn("Skipping unreadable journal line {} of {}", lineNumber, file);
                }
            }
        }
    }

    private void compact() throws IOException {
        if (loaded.isEmpty()) {
            return;
        }
        Path compacted = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileOutputStream stream = new FileOutputStream(compacted.toFile());
                OutputStream buffered = new BufferedOutputStream(stream, 1 << 16)) {
            for (Map.Entry<String, Map<String, JsonNode>> kind : loaded.entrySet()) {
                for (Map.Entry<String, JsonNode> record : kind.getValue().entrySet()) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("k", kind.getKey());
                    line.put("id", record.getKey());
                    line.set("v", record.getValue());
                    buffered.write((mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            buffered.flush();
            stream.getFD().sync();
        }
        Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeLoop() {
        List<byte[]> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                boolean stop = false;
                for (byte[] line : batch) {
                    if (line == STOP) {
                        stop = true;
                    } else {
                        out.write(line);
                    }
                }
                batch.clear();
                if (queue.isEmpty() || stop) {
                    out.flush();
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("The sandbox journal cannot be written: state after this point will not survive a restart", e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException("another gateway sandbox is using " + dataDir
                    + ": give each running sandbox its own sandbox.data-dir");
        }
        return acquired;
    }

    @PreDestroy
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join();
            out.flush();
            fileStream.getFD().sync();
            out.close();
            lock.release();
            lockChannel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("Could not close the sandbox journal {}", file, e);
        }
    }
}
