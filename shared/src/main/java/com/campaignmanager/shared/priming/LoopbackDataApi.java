package com.campaignmanager.shared.priming;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A canned Data API on the loopback interface, for priming: it answers a fixed number of HTTP requests, each with
 * the body given for its path (the Data API's operation: {@code /Execute}, {@code /BeginTransaction}, ...), over
 * one kept-alive connection, and closes that connection with the last answer. So priming runs the
 * function's real HTTP client - {@code HttpURLConnection} writing a request and reading a kept-alive answer,
 * which a canned client in memory skips and the first request would otherwise load and run first - and leaves no
 * connection in the JDK's keep-alive cache, nor in a SnapStart snapshot. Nothing but this process can reach it.
 */
final class LoopbackDataApi implements AutoCloseable {
    /** How long priming waits for a step of the exchange before giving up on it (it then fails softly). */
    static final int TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final Function<String, byte[]> answers;
    private final int requests;
    private final AtomicInteger answered = new AtomicInteger();
    private final Thread answering;

    private LoopbackDataApi(ServerSocket server, Function<String, byte[]> answers, int requests) {
        this.server = server;
        this.answers = answers;
        this.requests = requests;
        this.answering = new Thread(this::answer, "priming-data-api");
        answering.setDaemon(true);
    }

    /** Listening on a free loopback port, answering on a daemon thread; empty if no socket can be opened. */
    static Optional<LoopbackDataApi> start(Function<String, byte[]> answers, int requests) {
        ServerSocket server;
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            return Optional.empty();
        }
        LoopbackDataApi api = new LoopbackDataApi(server, answers, requests);
        api.answering.start();
        return Optional.of(api);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int answered() {
        return answered.get();
    }

    /** Whether it has stopped listening (after its last answer, or a timeout) within {@code timeout}. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        answering.join(timeout.toMillis());
        return !answering.isAlive() && server.isClosed();
    }

    private void answer() {
        try (server) {
            while (answered.get() < requests) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    socket.setTcpNoDelay(true);
                    answerOn(socket);
                }
            }
        } catch (IOException e) {
            // Closed, timed out, or the client went away: priming reports the calls that did not answer.
        }
    }

    private void answerOn(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        Request request;
        while (answered.get() < requests && (request = Request.readHead(in)) != null) {
            byte[] answer = answers.apply(request.path());
            boolean last = answered.incrementAndGet() == requests;
            // Answered before the body is read: the client sends its body in a second segment, which Nagle's
            // algorithm holds until the first is acknowledged, and an answer acknowledges it at once (instead of
            // the delayed acknowledgement, up to 40 ms per request).
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                    + (last ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(answer);
            out.flush();
            request.skipBody(in);
        }
    }

    /** A request's path and how its body is framed. */
    private record Request(String path, int length, boolean chunked) {
        /** Reads the request line and headers; null at the end of the connection. */
        static Request readHead(InputStream in) throws IOException {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            String[] requestLine = line.split(" ");
            int length = 0;
            boolean chunked = false;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                String header = line.toLowerCase(Locale.ROOT);
                if (header.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).trim());
                } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Request(requestLine.length > 1 ? requestLine[1] : "", length, chunked);
        }

        void skipBody(InputStream in) throws IOException {
            if (!chunked) {
                in.readNBytes(length);
                return;
            }
            String size;
            while ((size = readLine(in)) != null && Integer.parseInt(size.trim(), 16) > 0) {
                in.readNBytes(Integer.parseInt(size.trim(), 16) + 2);
            }
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Nothing is left to release.
        }
    }
}
